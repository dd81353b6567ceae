import { checkAll, sortFindingCodes } from '../../domain/rules';
import { generateCampaign } from '../../demo/generator';
import { check, cleanMine, cleanSmelter, datasetOf, enterprise, invoice, ledger } from './rulesFixtures';

describe('the finding codes', () => {
  test('codes sort in the rules order without repeats', () => {
    expect(sortFindingCodes(['unexplainedSource', 'illegalMining', 'unexplainedSource', 'noEiaApproval'])).toEqual(['illegalMining', 'noEiaApproval', 'unexplainedSource']);
  });
});

describe('checkEnterprise', () => {
  test('a balanced mine-to-smelter pair with every paper in order has no findings', () => {
    const mine = cleanMine(10_000);
    const smelter = cleanSmelter();
    for (const month of ['2013-06', '2014-07']) {
      invoice(mine, smelter, `${month}-15`, 10_000, 'mineral');
    }
    ledger(mine, '2013-06', 'mineral', { salesKgReo: 140_000, customer: { code: smelter.enterprise.code, name: smelter.enterprise.name } });
    ledger(smelter, '2013-06', 'mineral', { purchaseKgReo: 140_000, supplier: { code: mine.enterprise.code, name: mine.enterprise.name } });
    ledger(smelter, '2013-06', 'smelted', { productionKgReo: 137_000 });
    ledger(smelter, '2013-06', 'smelted', { exportKgReo: 137_000 });
    const dataset = datasetOf(mine, smelter);
    expect(checkAll(dataset).map((r) => r.findings)).toEqual([[], []]);
  });

  test('findings gather every code the evidence carries, in catalogue order', () => {
    const mine = enterprise(['mine']);
    ledger(mine, '2014-01', 'mineral', { productionKgReo: 5_000 });
    const result = check(mine);
    expect(result.findings).toEqual(['illegalMining', 'noMiningLicence', 'noEiaApproval', 'noSafetyFiling', 'productionWithoutPlan', 'massBalanceGap']);
  });

  test('results are plain data that survive JSON, as workflow payloads must', () => {
    const campaign = generateCampaign({ seed: 3, enterprises: 100 });
    const results = checkAll(campaign.dataset, campaign.window);
    expect(JSON.parse(JSON.stringify(results))).toEqual(results);
  });
});
