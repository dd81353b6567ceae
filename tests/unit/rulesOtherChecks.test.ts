import { check, cleanSmelter, datasetOf, enterprise, invoice, ledger } from './rulesFixtures';

describe('mass balance over the window', () => {
  test('a trader that sold what it bought balances', () => {
    const trader = enterprise(['trading']);
    ledger(trader, '2014-01', 'smelted', { purchaseKgReo: 100_000, supplier: { name: 'a' } });
    ledger(trader, '2014-02', 'smelted', { salesKgReo: 60_000, customer: { name: 'b' } });
    ledger(trader, '2014-02', 'smelted', { exportKgReo: 40_000 });
    expect(check(trader).massBalance).toEqual({ answer: false, evidence: [] });
  });

  test('a gap of exactly 5 % of the larger side passes, one kilogram more does not', () => {
    const within = enterprise(['trading']);
    ledger(within, '2014-01', 'smelted', { purchaseKgReo: 100_000 });
    ledger(within, '2014-01', 'smelted', { salesKgReo: 95_000 });
    expect(check(within).massBalance.answer).toBe(false);

    const beyond = enterprise(['trading']);
    ledger(beyond, '2014-01', 'smelted', { purchaseKgReo: 100_000 });
    ledger(beyond, '2014-01', 'smelted', { salesKgReo: 94_999 });
    expect(check(beyond).massBalance.evidence).toEqual([
      { kind: 'massBalance', code: 'massBalanceGap', purchasesKgReo: 100_000, productionKgReo: 0, salesKgReo: 94_999, exportKgReo: 0, gapKgReo: 5_001, toleranceKgReo: 5_000 },
    ]);
  });

  test('selling more than came in is a gap too, and small enterprises get at least 1 t', () => {
    const small = enterprise(['trading']);
    ledger(small, '2014-01', 'smelted', { salesKgReo: 1_000 });
    expect(check(small).massBalance.answer).toBe(false);
    ledger(small, '2014-02', 'smelted', { salesKgReo: 1 });
    expect(check(small).massBalance.evidence).toMatchObject([{ gapKgReo: -1_001, toleranceKgReo: 1_000 }]);
  });

  test('a smelter’s output is its ore in another form: ore in, oxides out', () => {
    const smelter = cleanSmelter();
    ledger(smelter, '2014-01', 'mineral', { purchaseKgReo: 100_000 });
    ledger(smelter, '2014-01', 'smelted', { productionKgReo: 97_000 });
    ledger(smelter, '2014-01', 'smelted', { salesKgReo: 97_000 });
    expect(check(smelter).massBalance.answer).toBe(false);
  });

  test('a recycler’s output is REO coming in', () => {
    const recycler = enterprise(['recycling']);
    ledger(recycler, '2014-01', 'smelted', { productionKgReo: 20_000 });
    ledger(recycler, '2014-01', 'smelted', { salesKgReo: 20_000 });
    expect(check(recycler).massBalance.answer).toBe(false);
  });

  test('the ledger is the account that must balance: invoices alone do not count', () => {
    const trader = enterprise(['trading']);
    const exporter = enterprise(['export']);
    invoice(trader, exporter, '2014-01-10', 50_000, 'smelted');
    expect(check(trader, datasetOf(trader, exporter)).massBalance.answer).toBe(false);
  });
});

describe('off-site invoicing', () => {
  test('an invoice issued in another province than the seller’s is flagged; its own province is not', () => {
    const seller = enterprise(['trading'], { province: '江西省' });
    const buyer = enterprise(['export'], { province: '广东省' });
    invoice(seller, buyer, '2014-01-10', 1_000, 'smelted', '江西省');
    const offSite = invoice(seller, buyer, '2014-02-10', 2_000, 'smelted', '广东省');
    invoice(seller, buyer, '2014-08-01', 2_000, 'smelted', '广东省'); // after the window
    expect(check(seller, datasetOf(seller, buyer)).offSiteInvoicing.evidence).toEqual([
      {
        kind: 'offSiteInvoice',
        code: 'offSiteInvoicing',
        invoiceNo: offSite.invoiceNo,
        date: '2014-02-10',
        buyer: { code: buyer.enterprise.code, name: buyer.enterprise.name },
        kgReo: 2_000,
        invoiceProvince: '广东省',
        sellerProvince: '江西省',
      },
    ]);
    expect(check(buyer, datasetOf(seller, buyer)).offSiteInvoicing.answer).toBe(false);
  });
});

describe('unexplained source', () => {
  test('purchases from listed suppliers are explained', () => {
    const seller = enterprise(['trading']);
    const buyer = enterprise(['export']);
    invoice(seller, buyer, '2014-01-10', 1_000, 'smelted');
    ledger(buyer, '2014-01', 'smelted', { purchaseKgReo: 1_000, supplier: { code: seller.enterprise.code, name: seller.enterprise.name } });
    ledger(buyer, '2014-01', 'smelted', { purchaseKgReo: 1_000, supplier: { name: seller.enterprise.name } });
    expect(check(buyer, datasetOf(seller, buyer)).unexplainedSource.answer).toBe(false);
  });

  test('no supplier, an unknown name, or a code not on the list are each unexplained', () => {
    const buyer = enterprise(['trading']);
    const stranger = enterprise(['trading']);
    ledger(buyer, '2014-01', 'smelted', { purchaseKgReo: 1_000 });
    ledger(buyer, '2014-02', 'smelted', { purchaseKgReo: 2_000, supplier: { name: '个体户' } });
    invoice(stranger, buyer, '2014-03-01', 3_000, 'smelted');
    const evidence = check(buyer, datasetOf(buyer)).unexplainedSource.evidence;
    expect(evidence).toMatchObject([
      { code: 'unexplainedSource', month: '2014-01', partner: {}, kgReo: 1_000, source: 'ledger', issue: 'untraceableSupplier' },
      { month: '2014-02', partner: { name: '个体户' } },
      { month: '2014-03', partner: { code: stranger.enterprise.code }, source: 'invoice' },
    ]);
  });

  test('a name two listed enterprises share identifies neither', () => {
    const a = enterprise(['trading'], { name: '同名公司' });
    const b = enterprise(['trading'], { name: '同名公司' });
    const buyer = enterprise(['export']);
    ledger(buyer, '2014-01', 'smelted', { purchaseKgReo: 1_000, supplier: { name: '同名公司' } });
    expect(check(buyer, datasetOf(a, b, buyer)).unexplainedSource.answer).toBe(true);
  });
});
