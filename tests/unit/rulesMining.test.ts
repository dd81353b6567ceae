import { checkEnterprise } from '../../domain/rules';
import { check, cleanMine, datasetOf, enterprise, licence, produce } from './rulesFixtures';

/** Annex 3 question 1: 是否存在非法、超指标开采. */
describe('illegal mining', () => {
  test('a mine whose licence covers every month of production is not mining illegally', () => {
    const answer = check(cleanMine()).annex3.illegalOrOverQuotaMining;
    expect(answer).toEqual({ answer: false, evidence: [] });
  });

  test('production without any licence is illegal in every month, with tonnes', () => {
    const mine = enterprise(['mine']);
    produce(mine, 'mineral', 5_000, ['2013-06', '2014-07']);
    const { answer, evidence } = check(mine).annex3.illegalOrOverQuotaMining;
    expect(answer).toBe(true);
    expect(evidence).toEqual([
      { kind: 'monthNotCovered', code: 'illegalMining', document: 'miningLicence', month: '2013-06', producedKgReo: 5_000, held: [] },
      { kind: 'monthNotCovered', code: 'illegalMining', document: 'miningLicence', month: '2014-07', producedKgReo: 5_000, held: [] },
    ]);
  });

  test('a licence valid to the last day of a month covers that month, not the next', () => {
    const mine = enterprise(['mine']);
    produce(mine, 'mineral', 1_000, ['2014-03', '2014-04']);
    licence(mine, '2010-01-01', '2014-03-31');
    const months = check(mine).annex3.illegalOrOverQuotaMining.evidence.map((e) => (e.kind === 'monthNotCovered' ? e.month : e.kind));
    expect(months).toEqual(['2014-04']);
  });

  test('a licence that expires the day before the month ends does not cover the month', () => {
    const mine = enterprise(['mine']);
    produce(mine, 'mineral', 1_000, ['2014-03']);
    licence(mine, '2010-01-01', '2014-03-30');
    const { evidence } = check(mine).annex3.illegalOrOverQuotaMining;
    expect(evidence).toMatchObject([{ code: 'illegalMining', month: '2014-03', held: [{ validTo: '2014-03-30' }] }]);
  });

  test('a licence starting on the 2nd does not cover its first month', () => {
    const mine = enterprise(['mine']);
    produce(mine, 'mineral', 1_000, ['2013-09', '2013-10']);
    licence(mine, '2013-09-02', '2016-01-01');
    expect(check(mine).annex3.illegalOrOverQuotaMining.evidence).toMatchObject([{ month: '2013-09' }]);
  });

  test('a renewal that starts the day after the old licence lapses leaves no gap; a one-day gap does', () => {
    const seamless = enterprise(['mine']);
    produce(seamless, 'mineral', 1_000);
    licence(seamless, '2010-01-01', '2013-12-31');
    licence(seamless, '2014-01-01', '2018-01-01');
    expect(check(seamless).annex3.illegalOrOverQuotaMining.answer).toBe(false);

    const gap = enterprise(['mine']);
    produce(gap, 'mineral', 1_000);
    licence(gap, '2010-01-01', '2013-12-31');
    licence(gap, '2014-01-02', '2018-01-01');
    expect(check(gap).annex3.illegalOrOverQuotaMining.evidence).toMatchObject([{ month: '2014-01' }]);
  });

  test('only the part of a month inside the window needs covering', () => {
    const mine = enterprise(['mine']);
    produce(mine, 'mineral', 1_000, ['2014-07']);
    licence(mine, '2010-01-01', '2014-07-15');
    const narrow = { from: '2013-06-01', to: '2014-07-15' };
    const dataset = datasetOf(mine);
    expect(checkEnterprise(mine, dataset, narrow).annex3.illegalOrOverQuotaMining.answer).toBe(false);
    expect(checkEnterprise(mine, dataset).annex3.illegalOrOverQuotaMining.answer).toBe(true);
  });

  test('production outside the review window is not judged', () => {
    const mine = enterprise(['mine']);
    produce(mine, 'mineral', 1_000, ['2013-05', '2014-08']);
    expect(check(mine).annex3.illegalOrOverQuotaMining.answer).toBe(false);
  });

  test('an enterprise that does not tick 矿山 but reports mineral production is mining', () => {
    const smelter = enterprise(['smelting']);
    produce(smelter, 'mineral', 1_000, ['2014-01']);
    expect(check(smelter).annex3.illegalOrOverQuotaMining.evidence).toMatchObject([{ code: 'illegalMining', month: '2014-01' }]);
  });
});

describe('over-quota mining', () => {
  test('cumulative production in a year above the annual quota is over quota from the month it passed', () => {
    const mine = enterprise(['mine']);
    // 2014: seven months of 20 t against a 100 t quota: passes it in May (5 × 20 = 100 is still within).
    produce(mine, 'mineral', 20_000, ['2014-01', '2014-02', '2014-03', '2014-04', '2014-05', '2014-06', '2014-07']);
    licence(mine, '2010-01-01', '2016-12-31', 100_000);
    const { evidence } = check(mine).annex3.illegalOrOverQuotaMining;
    expect(evidence).toContainEqual({
      kind: 'limitExceeded',
      code: 'overQuotaMining',
      basis: 'licenceAnnualQuota',
      category: 'mineral',
      year: 2014,
      firstMonthOver: '2014-06',
      producedKgReo: 140_000,
      limitKgReo: 100_000,
    });
  });

  test('exactly the quota is within it; one kilogram more is not', () => {
    const atQuota = enterprise(['mine']);
    produce(atQuota, 'mineral', 50_000, ['2014-01', '2014-02']);
    licence(atQuota, '2013-06-01', '2014-07-31', 100_000);
    expect(check(atQuota).annex3.illegalOrOverQuotaMining.evidence.filter((e) => e.kind === 'limitExceeded' && e.basis === 'licenceAnnualQuota')).toEqual([]);

    const over = enterprise(['mine']);
    produce(over, 'mineral', 50_000, ['2014-01']);
    produce(over, 'mineral', 50_001, ['2014-02']);
    licence(over, '2013-06-01', '2014-07-31', 100_000);
    expect(check(over).annex3.illegalOrOverQuotaMining.evidence).toContainEqual(expect.objectContaining({ basis: 'licenceAnnualQuota', firstMonthOver: '2014-02' }));
  });

  test('over the window, production is held against the quota pro-rated by month', () => {
    const mine = enterprise(['mine']);
    // 14 months of 11 t against 120 t a year: 154 t > 140 t allowed, though neither year passes 120 t.
    produce(mine, 'mineral', 11_000);
    licence(mine, '2010-01-01', '2016-12-31', 120_000);
    const { evidence } = check(mine).annex3.illegalOrOverQuotaMining;
    expect(evidence).toEqual([
      { kind: 'limitExceeded', code: 'overQuotaMining', basis: 'licenceWindowQuota', category: 'mineral', firstMonthOver: '2014-06', producedKgReo: 154_000, limitKgReo: 140_000 },
    ]);
  });

  test('exactly the pro-rated window quota passes', () => {
    const mine = enterprise(['mine']);
    produce(mine, 'mineral', 10_000);
    licence(mine, '2010-01-01', '2016-12-31', 120_000);
    expect(check(mine).annex3.illegalOrOverQuotaMining.answer).toBe(false);
  });

  test('renewals repeat the quota rather than adding to it', () => {
    const mine = enterprise(['mine']);
    produce(mine, 'mineral', 30_000, ['2014-01', '2014-02', '2014-03', '2014-04']);
    licence(mine, '2010-01-01', '2014-02-28', 100_000);
    licence(mine, '2014-03-01', '2016-12-31', 100_000);
    expect(check(mine).annex3.illegalOrOverQuotaMining.evidence).toContainEqual(expect.objectContaining({ basis: 'licenceAnnualQuota', year: 2014, limitKgReo: 100_000 }));
  });

  test('a licence without a quota sets no limit', () => {
    const mine = enterprise(['mine']);
    produce(mine, 'mineral', 900_000);
    licence(mine, '2010-01-01', '2016-12-31');
    expect(check(mine).annex3.illegalOrOverQuotaMining.answer).toBe(false);
  });

  test('the tolerance in the thresholds moves the limit', () => {
    const mine = enterprise(['mine']);
    produce(mine, 'mineral', 50_500, ['2014-01', '2014-02']);
    licence(mine, '2013-06-01', '2014-07-31', 100_000);
    const dataset = datasetOf(mine);
    const thresholds = { miningQuotaToleranceKg: 1_000, planToleranceKg: 0, massBalanceToleranceBp: 500, massBalanceMinToleranceKg: 1_000 };
    expect(check(mine, dataset).annex3.illegalOrOverQuotaMining.answer).toBe(true);
    expect(check(mine, dataset, { thresholds }).annex3.illegalOrOverQuotaMining.answer).toBe(false);
  });
});
