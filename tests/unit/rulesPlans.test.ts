import { check, cleanMine, cleanSmelter, datasetOf, enterprise, invoice, ledger, plan, produce } from './rulesFixtures';

/** Annex 3 question 4: 是否存在无计划、超计划生产行为, per category and year. */
describe('production without or above the plan', () => {
  test('production within the plan of its category and year is fine', () => {
    const smelter = cleanSmelter();
    produce(smelter, 'smelted', 50_000);
    expect(check(smelter).annex3.productionWithoutOrAbovePlan).toEqual({ answer: false, evidence: [] });
  });

  test('production in a year without a plan names the year, category, months and tonnes', () => {
    const smelter = cleanSmelter();
    smelter.plans = smelter.plans.filter((p) => p.year === 2013);
    produce(smelter, 'smelted', 2_000, ['2013-12', '2014-01', '2014-03']);
    expect(check(smelter).annex3.productionWithoutOrAbovePlan.evidence).toEqual([
      { kind: 'noPlan', code: 'productionWithoutPlan', category: 'smelted', year: 2014, months: ['2014-01', '2014-03'], producedKgReo: 4_000 },
    ]);
  });

  test('a plan for the other category does not count: quantities are planned per category', () => {
    const smelter = cleanSmelter();
    produce(smelter, 'mineral', 2_000, ['2014-01']);
    expect(check(smelter).annex3.productionWithoutOrAbovePlan.evidence).toMatchObject([{ code: 'productionWithoutPlan', category: 'mineral', year: 2014 }]);
  });

  test('cumulative production above the year’s plan is flagged from the month it passed; at the plan it is not', () => {
    const atPlan = enterprise(['smelting']);
    plan(atPlan, 2014, 'smelted', 30_000);
    produce(atPlan, 'smelted', 10_000, ['2014-01', '2014-02', '2014-03']);
    expect(check(atPlan).annex3.productionWithoutOrAbovePlan.answer).toBe(false);

    const over = enterprise(['smelting']);
    plan(over, 2014, 'smelted', 30_000);
    produce(over, 'smelted', 10_000, ['2014-01', '2014-02', '2014-03', '2014-04']);
    expect(check(over).annex3.productionWithoutOrAbovePlan.evidence).toEqual([
      { kind: 'limitExceeded', code: 'productionAbovePlan', basis: 'plan', category: 'smelted', year: 2014, firstMonthOver: '2014-04', producedKgReo: 40_000, limitKgReo: 30_000 },
    ]);
  });

  test('a supplementary plan adds to the year’s quota', () => {
    const smelter = enterprise(['smelting']);
    plan(smelter, 2014, 'smelted', 30_000);
    plan(smelter, 2014, 'smelted', 10_000);
    produce(smelter, 'smelted', 10_000, ['2014-01', '2014-02', '2014-03', '2014-04']);
    expect(check(smelter).annex3.productionWithoutOrAbovePlan.answer).toBe(false);
  });

  test('mines are held to their mineral plan as well', () => {
    const mine = cleanMine(10_000);
    mine.plans = mine.plans.map((p) => (p.year === 2013 ? { ...p, quotaKgReo: 60_000 } : p));
    expect(check(mine).annex3.productionWithoutOrAbovePlan.evidence).toMatchObject([{ code: 'productionAbovePlan', category: 'mineral', year: 2013, firstMonthOver: '2013-12' }]);
  });

  test('the plan tolerance in the thresholds moves the limit', () => {
    const smelter = enterprise(['smelting']);
    plan(smelter, 2014, 'smelted', 30_000);
    produce(smelter, 'smelted', 30_500, ['2014-01']);
    const thresholds = { miningQuotaToleranceKg: 0, planToleranceKg: 500, massBalanceToleranceBp: 500, massBalanceMinToleranceKg: 1_000 };
    expect(check(smelter).annex3.productionWithoutOrAbovePlan.answer).toBe(true);
    expect(check(smelter, datasetOf(smelter), { thresholds }).annex3.productionWithoutOrAbovePlan.answer).toBe(false);
  });
});

/** Annex 3 question 5: 是否将矿产品销售给无计划企业. */
describe('mineral products sold to enterprises without a plan', () => {
  test('ore sold to a smelter holding a plan for that year is fine', () => {
    const mine = cleanMine();
    const smelter = cleanSmelter();
    invoice(mine, smelter, '2014-01-10', 10_000, 'mineral');
    expect(check(mine, datasetOf(mine, smelter)).annex3.soldOreToUnplanned).toEqual({ answer: false, evidence: [] });
  });

  test('ore sold to a trader, who holds no plan, is flagged with the invoice', () => {
    const mine = cleanMine();
    const trader = enterprise(['trading']);
    const sale = invoice(mine, trader, '2014-01-10', 3_000, 'mineral');
    expect(check(mine, datasetOf(mine, trader)).annex3.soldOreToUnplanned.evidence).toEqual([
      {
        kind: 'trade',
        code: 'soldToUnplanned',
        direction: 'sale',
        month: '2014-01',
        partner: { code: trader.enterprise.code, name: trader.enterprise.name },
        product: '离子型稀土矿',
        category: 'mineral',
        kgReo: 3_000,
        sources: ['invoice'],
        invoiceNos: [sale.invoiceNo],
        issue: 'customerWithoutPlan',
      },
    ]);
  });

  test('the customer’s plan must be for the year of the sale', () => {
    const mine = cleanMine();
    const smelter = cleanSmelter();
    smelter.plans = smelter.plans.filter((p) => p.year === 2013);
    invoice(mine, smelter, '2013-12-31', 1_000, 'mineral');
    invoice(mine, smelter, '2014-01-01', 1_000, 'mineral');
    expect(check(mine, datasetOf(mine, smelter)).annex3.soldOreToUnplanned.evidence).toMatchObject([{ month: '2014-01' }]);
  });

  test('a customer that cannot be identified cannot be shown to hold a plan', () => {
    const mine = cleanMine();
    ledger(mine, '2014-02', 'mineral', { salesKgReo: 1_000, customer: { name: '不明买家' } });
    expect(check(mine).annex3.soldOreToUnplanned.evidence).toMatchObject([{ sources: ['ledger'], issue: 'unknownCustomer', partner: { name: '不明买家' } }]);
  });

  test('smelted products may be sold to anyone', () => {
    const smelter = cleanSmelter();
    const trader = enterprise(['trading']);
    invoice(smelter, trader, '2014-01-10', 3_000, 'smelted');
    expect(check(smelter, datasetOf(smelter, trader)).annex3.soldOreToUnplanned.answer).toBe(false);
  });
});
