import {
  Enterprise,
  LedgerMonth,
  MiningLicence,
  Province,
  ReviewWindow,
  TonnesText,
  TradeRecord,
  YearMonth,
  assembleDossiers,
  buildDataset,
  creditCodeCheckChar,
  dateOfDayNumber,
  dayNumber,
  defaultReviewWindow,
  formatTonnes,
  formatYuan,
  hasValidCheckChar,
  lastDayOf,
  monthsBetween,
  parseTonnes,
  parseYuan,
  tryParseTonnes,
  windowMonths,
} from '../../domain/campaign';

describe('tonnes of REO as integer kilograms', () => {
  test.each([
    ['12.345', 12_345],
    ['12.3', 12_300],
    ['12', 12_000],
    ['0.001', 1],
    ['0', 0],
    [' 7.5 ', 7_500],
    ['1000000', 1_000_000_000],
    ['-0', 0],
  ])('"%s" t is %i kg', (text, kg) => {
    expect(parseTonnes(text)).toBe(kg);
  });

  test.each(['12.3456', '1000000.001', '99999999999999999999', '-1', '1e3', '12,5', '.5', '5.', '', 'abc', '+1'])('"%s" is rejected', (text) => {
    expect(tryParseTonnes(text).ok).toBe(false);
    expect(() => parseTonnes(text)).toThrow(RangeError);
  });

  test('negatives only where asked for, and then bounded too', () => {
    expect(parseTonnes('-2.5', { allowNegative: true })).toBe(-2_500);
    expect(tryParseTonnes('-1000000.001', { allowNegative: true }).ok).toBe(false);
  });

  test('the reasons say what is wrong', () => {
    expect(tryParseTonnes('1.2345')).toEqual({ ok: false, reason: '"1.2345" has more than 3 decimals' });
    expect(tryParseTonnes('-3')).toEqual({ ok: false, reason: '"-3" is negative' });
    expect(tryParseTonnes('2000000')).toEqual({ ok: false, reason: '"2000000" is larger than 1000000.000 t REO' });
  });

  test.each([
    [12_345, '12.345'],
    [12_000, '12.000'],
    [1, '0.001'],
    [0, '0.000'],
    [-2_500, '-2.500'],
  ])('%i kg is "%s" t', (kg, text) => {
    expect(formatTonnes(kg)).toBe(text);
    expect(parseTonnes(text, { allowNegative: true })).toBe(kg);
  });

  test('formatting refuses what is not a safe integer', () => {
    expect(() => formatTonnes(1.5)).toThrow(RangeError);
  });

  test('a spreadsheet cell converts on intake', () => {
    expect(TonnesText.parse('3.5')).toBe(3_500);
    expect(TonnesText.safeParse('3.5555').success).toBe(false);
  });
});

describe('money as integer fen', () => {
  test('yuan with up to two decimals', () => {
    expect(parseYuan('123.45')).toBe(12_345);
    expect(parseYuan('7')).toBe(700);
    expect(() => parseYuan('1.234')).toThrow(RangeError);
    expect(() => parseYuan('-1')).toThrow(RangeError);
    expect(formatYuan(12_345)).toBe('123.45');
    expect(formatYuan(5)).toBe('0.05');
  });
});

describe('calendar', () => {
  test('day numbers round-trip across month, year and leap-day boundaries', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    for (const date of ['2012-02-29', '2013-06-01', '2013-12-31', '2014-01-01', '2014-07-31', '2000-03-01']) {
      expect(dateOfDayNumber(dayNumber(date))).toBe(date);
    }
    expect(dayNumber('2014-03-01') - dayNumber('2014-02-28')).toBe(1);
    expect(dateOfDayNumber(lastDayOf('2012-02'))).toBe('2012-02-29');
    expect(dateOfDayNumber(lastDayOf('2013-12'))).toBe('2013-12-31');
  });

  test('months', () => {
    expect(monthsBetween('2013-11', '2014-02')).toEqual(['2013-11', '2013-12', '2014-01', '2014-02']);
    expect(YearMonth.safeParse('2014-13').success).toBe(false);
    expect(YearMonth.safeParse('2014-07').success).toBe(true);
  });

  test('the default review window is 2013-06-01 to 2014-07-31: fourteen ledger months', () => {
    expect(defaultReviewWindow).toEqual({ from: '2013-06-01', to: '2014-07-31' });
    const months = windowMonths(defaultReviewWindow);
    expect(months).toHaveLength(14);
    expect(months[0]).toBe('2013-06');
    expect(months[13]).toBe('2014-07');
    expect(ReviewWindow.safeParse({ from: '2014-07-31', to: '2013-06-01' }).success).toBe(false);
  });
});

describe('schemas', () => {
  const code = '91350100M000100Y43';

  test('the credit-code check character follows GB 32100', () => {
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe('3');
    expect(hasValidCheckChar(code)).toBe(true);
    expect(hasValidCheckChar('91350100M000100Y44')).toBe(false);
  });

  test('an enterprise needs at least one type, and a real province name', () => {
    const base = {
      code,
      name: '虚构稀土有限公司',
      address: '江西省虚构路1号',
      legalRepresentative: '张某',
      phone: '0797-0000000',
      contact: '李某某',
      contactTitle: '总经理',
      mobile: '10000000000',
      province: '江西省',
      types: ['mine', 'trading'],
    };
    expect(Enterprise.parse(base).types).toEqual(['mine', 'trading']);
    expect(Enterprise.safeParse({ ...base, types: [] }).success).toBe(false);
    expect(Enterprise.safeParse({ ...base, types: ['farm'] }).success).toBe(false);
    expect(Province.safeParse('江西').success).toBe(false);
  });

  test('ledger quantities default to zero and must be whole kilograms', () => {
    const row = LedgerMonth.parse({ enterpriseCode: code, month: '2014-01', product: '氧化镨钕', category: 'smelted', productionKgReo: 5 });
    expect(row).toMatchObject({ productionKgReo: 5, exportKgReo: 0, purchaseKgReo: 0, salesKgReo: 0 });
    expect(LedgerMonth.safeParse({ ...row, salesKgReo: 1.5 }).success).toBe(false);
    expect(LedgerMonth.safeParse({ ...row, category: 'other' }).success).toBe(false);
  });

  test('a licence must not expire before it is valid; trades must move something', () => {
    expect(MiningLicence.safeParse({ number: 'C1', holderCode: code, area: 'x', validFrom: '2014-01-02', validTo: '2014-01-01' }).success).toBe(false);
    const trade = { id: 't', sellerCode: code, buyer: { name: '买家' }, product: 'x', category: 'mineral', kgReo: 0, date: '2014-01-01', invoiceNo: '1', invoiceProvince: '江西省' };
    expect(TradeRecord.safeParse(trade).success).toBe(false);
    expect(TradeRecord.safeParse({ ...trade, kgReo: 1 }).success).toBe(true);
  });
});

describe('dossiers from flat records', () => {
  test('records are grouped by enterprise, and a trade between two listed enterprises is in both dossiers', () => {
    const enterprise = (c: string, name: string) => ({ code: c, name, address: 'a', legalRepresentative: 'b', phone: 'c', contact: 'd', contactTitle: 'e', mobile: 'f', province: '江西省', types: ['mine'] as ['mine'] });
    const a = '91350100M000100Y43';
    const b = `91360100000000001${creditCodeCheckChar('91360100000000001')}`;
    const trade = { id: 't', sellerCode: a, buyer: { code: b, name: 'B' }, product: 'x', category: 'mineral' as const, kgReo: 1, date: '2014-01-01', invoiceNo: '1', invoiceProvince: '江西省' };
    const dossiers = assembleDossiers({
      enterprises: [enterprise(a, 'A'), enterprise(b, 'B')],
      plans: [{ enterpriseCode: b, year: 2014, category: 'smelted', quotaKgReo: 1 }],
      trades: [trade],
    });
    expect(dossiers[0].tradesOut).toEqual([trade]);
    expect(dossiers[1].tradesIn).toEqual([trade]);
    expect(dossiers[1].plans).toHaveLength(1);
    const dataset = buildDataset(dossiers);
    expect(dataset.byCode.get(b)).toBe(dossiers[1]);
    expect(dataset.byName.get('A')).toBe(dossiers[0]);
    expect(() => buildDataset([dossiers[0], dossiers[0]])).toThrow(/two dossiers/);
  });
});
