import { check, cleanMine, cleanSmelter, datasetOf, enterprise, invoice, ledger, licence, plan, produce } from './rulesFixtures';

/** Annex 3 question 2: 是否购买非法矿产品, following invoices and ledger suppliers. */
describe('bought illegal ore', () => {
  test('ore bought from a licensed, planned mine within its quota is legal', () => {
    const mine = cleanMine();
    const smelter = cleanSmelter();
    invoice(mine, smelter, '2014-01-10', 10_000, 'mineral');
    expect(check(smelter, datasetOf(mine, smelter)).annex3.boughtIllegalOre).toEqual({ answer: false, evidence: [] });
  });

  test('ore bought from a mine in a month its licence does not cover is illegal, naming the supplier and why', () => {
    const mine = enterprise(['mine']);
    produce(mine, 'mineral', 10_000);
    licence(mine, '2010-01-01', '2014-02-28');
    plan(mine, 2013, 'mineral', 500_000);
    plan(mine, 2014, 'mineral', 500_000);
    const smelter = cleanSmelter();
    invoice(mine, smelter, '2014-02-20', 10_000, 'mineral');
    const illegal = invoice(mine, smelter, '2014-03-05', 7_000, 'mineral');
    const { answer, evidence } = check(smelter, datasetOf(mine, smelter)).annex3.boughtIllegalOre;
    expect(answer).toBe(true);
    expect(evidence).toEqual([
      {
        kind: 'trade',
        code: 'boughtIllegalOre',
        direction: 'purchase',
        month: '2014-03',
        partner: { code: mine.enterprise.code, name: mine.enterprise.name },
        product: '离子型稀土矿',
        category: 'mineral',
        kgReo: 7_000,
        sources: ['invoice'],
        invoiceNos: [illegal.invoiceNo],
        issue: 'illegalSource',
        supplierTaint: { since: '2014-03', findings: ['illegalMining'] },
      },
    ]);
  });

  test('ledger lines naming the supplier by code or by name are followed too', () => {
    const mine = enterprise(['mine'], { name: '无证矿山' });
    produce(mine, 'mineral', 10_000, ['2013-06']);
    const byCode = cleanSmelter();
    ledger(byCode, '2013-06', 'mineral', { purchaseKgReo: 10_000, supplier: { code: mine.enterprise.code, name: 'whatever' } });
    const byName = cleanSmelter();
    ledger(byName, '2013-06', 'mineral', { purchaseKgReo: 10_000, supplier: { name: '无证矿山' } });
    const dataset = datasetOf(mine, byCode, byName);
    expect(check(byCode, dataset).annex3.boughtIllegalOre.evidence).toMatchObject([{ sources: ['ledger'], month: '2013-06' }]);
    expect(check(byName, dataset).annex3.boughtIllegalOre.evidence).toMatchObject([{ sources: ['ledger'], partner: { name: '无证矿山' } }]);
  });

  test('ore from an over-quota mine is illegal from the month the quota was passed', () => {
    const mine = cleanMine(10_000);
    mine.miningLicences[0].annualQuotaKgReo = 65_000; // 2013 in-window: 70 t, passed in December
    const smelter = cleanSmelter();
    invoice(mine, smelter, '2013-11-15', 10_000, 'mineral');
    invoice(mine, smelter, '2013-12-15', 10_000, 'mineral');
    const { evidence } = check(smelter, datasetOf(mine, smelter)).annex3.boughtIllegalOre;
    expect(evidence).toMatchObject([{ month: '2013-12', supplierTaint: { findings: ['overQuotaMining'] } }]);
  });

  test('ore from a mine without a mineral plan for that year is illegal', () => {
    const mine = cleanMine();
    mine.plans = mine.plans.filter((p) => p.year !== 2014);
    const smelter = cleanSmelter();
    invoice(mine, smelter, '2013-12-15', 10_000, 'mineral');
    invoice(mine, smelter, '2014-01-15', 10_000, 'mineral');
    const { evidence } = check(smelter, datasetOf(mine, smelter)).annex3.boughtIllegalOre;
    expect(evidence).toMatchObject([{ month: '2014-01', supplierTaint: { since: '2014-01', findings: ['productionWithoutPlan'] } }]);
  });

  test('a mine producing above its plan (but within its licence) does not make its ore illegal', () => {
    const mine = cleanMine();
    mine.plans = mine.plans.map((p) => ({ ...p, quotaKgReo: 1_000 }));
    const smelter = cleanSmelter();
    invoice(mine, smelter, '2014-01-15', 10_000, 'mineral');
    expect(check(smelter, datasetOf(mine, smelter)).annex3.boughtIllegalOre.answer).toBe(false);
  });

  test('the taint follows ore through a trader, but only for sales after the trader bought illegal ore', () => {
    const mine = enterprise(['mine']);
    produce(mine, 'mineral', 10_000, ['2014-02']);
    const trader = enterprise(['trading']);
    const smelter = cleanSmelter();
    invoice(mine, trader, '2014-02-03', 10_000, 'mineral');
    invoice(trader, smelter, '2014-01-20', 4_000, 'mineral');
    invoice(trader, smelter, '2014-02-20', 10_000, 'mineral');
    const dataset = datasetOf(mine, trader, smelter);
    // Neither licence nor plan: both reasons are named.
    expect(check(trader, dataset).annex3.boughtIllegalOre.evidence).toMatchObject([
      { month: '2014-02', supplierTaint: { findings: ['illegalMining', 'productionWithoutPlan'] } },
    ]);
    expect(check(smelter, dataset).annex3.boughtIllegalOre.evidence).toMatchObject([
      { month: '2014-02', kgReo: 10_000, supplierTaint: { since: '2014-02', findings: ['boughtIllegalOre'] } },
    ]);
  });

  test('a circle of traders settles', () => {
    const mine = enterprise(['mine']);
    produce(mine, 'mineral', 10_000, ['2014-03']);
    const a = enterprise(['trading']);
    const b = enterprise(['trading']);
    invoice(a, b, '2014-01-10', 1_000, 'mineral');
    invoice(b, a, '2014-02-10', 1_000, 'mineral');
    invoice(mine, a, '2014-03-10', 1_000, 'mineral');
    invoice(a, b, '2014-04-10', 1_000, 'mineral');
    invoice(b, a, '2014-05-10', 1_000, 'mineral');
    const dataset = datasetOf(mine, a, b);
    expect(check(a, dataset).annex3.boughtIllegalOre.evidence.map((e) => e.kind === 'trade' && e.month)).toEqual(['2014-03', '2014-05']);
    expect(check(b, dataset).annex3.boughtIllegalOre.evidence.map((e) => e.kind === 'trade' && e.month)).toEqual(['2014-04']);
  });

  test('smelted products do not carry the taint: question 2 is about mineral products', () => {
    const mine = enterprise(['mine']);
    produce(mine, 'mineral', 10_000, ['2014-01']);
    const smelter = cleanSmelter();
    const exporter = enterprise(['export']);
    invoice(mine, smelter, '2014-01-05', 10_000, 'mineral');
    invoice(smelter, exporter, '2014-01-25', 9_800, 'smelted');
    const dataset = datasetOf(mine, smelter, exporter);
    expect(check(smelter, dataset).annex3.boughtIllegalOre.answer).toBe(true);
    expect(check(exporter, dataset).annex3.boughtIllegalOre.answer).toBe(false);
  });

  test('a supplier that cannot be traced is an unexplained source, not an illegal one', () => {
    const smelter = cleanSmelter();
    ledger(smelter, '2014-01', 'mineral', { purchaseKgReo: 5_000, supplier: { name: '个体户王某' } });
    const result = check(smelter);
    expect(result.annex3.boughtIllegalOre.answer).toBe(false);
    expect(result.unexplainedSource.answer).toBe(true);
  });
});
