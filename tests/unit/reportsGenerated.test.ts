import { agenciesFor } from '../../domain/catalogue';
import { generateCampaign } from '../../demo/generator';
import { checkAll, type FindingCode } from '../../domain/rules';
import { type ProvinceReportData, buildReport, ruleAnswersOf, slotViolations } from '../../reports';

/**
 * The reports over a generated campaign whose answers are known (the generator's manifest), with
 * every agency's verification completed and nothing found beyond the rules: annex 3 must answer
 * exactly what the manifest planted, and annex 4 list exactly the planted enterprises.
 */

const campaign = generateCampaign({ seed: 11, enterprises: 400 });
const province = campaign.dataset.dossiers[0].enterprise.province;
const dossiers = campaign.dataset.dossiers.filter((d) => d.enterprise.province === province);
const data: ProvinceReportData = {
  campaign: { id: 'generated', name: 'generated', reviewWindow: campaign.window },
  province,
  enterprises: dossiers.map((d) => ({ code: d.enterprise.code, name: d.enterprise.name, types: d.enterprise.types })),
  rules: checkAll(campaign.dataset, campaign.window).map(ruleAnswersOf),
  findings: [],
  dispositions: [],
  tasks: dossiers.flatMap((d) =>
    agenciesFor(d.enterprise.types).map((agencyKind) => ({
      key: `${d.enterprise.code}/${agencyKind}`,
      enterpriseCode: d.enterprise.code,
      kind: 'verification' as const,
      agencyKind,
      dueAt: '2014-11-25T16:00:00Z',
      status: 'completed' as const,
    })),
  ),
  supervised: [],
  referrals: [],
  tips: [],
  typical: [],
};
const options = { generatedAt: '2014-11-26T00:00:00Z', draft: false };
const planted = (code: string): ReadonlySet<FindingCode> => campaign.manifest.get(code) ?? new Set();

test('the generated province has enterprises of every kind and planted violations', () => {
  expect(dossiers.length).toBeGreaterThan(20);
  expect(dossiers.filter((d) => planted(d.enterprise.code).size > 0).length).toBeGreaterThan(3);
});

test('annex 3 lists every enterprise under each of its types and answers what the manifest planted', () => {
  const report = buildReport('annex3', data, options);
  for (const group of report.groups) {
    const expected = dossiers.filter((d) => d.enterprise.types.includes(group.type)).map((d) => d.enterprise.code).sort();
    expect(group.rows.map((r) => r.code)).toEqual(expected);
    expect(group.rows.map((r) => r.no)).toEqual(expected.map((_, i) => i + 1));
  }
  expect(report.openWork).toEqual({ tasks: [], notStarted: [] });
  for (const row of report.groups.flatMap((g) => g.rows)) {
    const codes = planted(row.code);
    const found = (slot: keyof typeof slotViolations) => [...codes].some((c) => slotViolations[slot].includes(c));
    expect({ code: row.code, answers: row.answers }).toEqual({
      code: row.code,
      answers: expect.objectContaining({
        illegalOrOverQuotaMining: found('illegalOrOverQuotaMining') ? 'yes' : 'no',
        boughtIllegalOre: found('boughtIllegalOre') ? 'yes' : 'no',
        productionWithoutOrAbovePlan: found('productionWithoutOrAbovePlan') ? 'yes' : 'no',
        soldOreToUnplanned: found('soldOreToUnplanned') ? 'yes' : 'no',
      }),
    });
    for (const slot of ['miningConditions', 'environmentalConditions', 'safetyConditions'] as const) {
      expect([row.code, slot, row.answers[slot] === 'no']).toEqual([row.code, slot, found(slot)]);
    }
  }
});

test('annex 4 lists exactly the planted enterprises, with the planted violations', () => {
  const report = buildReport('annex4', data, options);
  const listed = new Map(report.groups.flatMap((g) => g.rows).map((r) => [r.code, r.violations]));
  const expected = dossiers.filter((d) => planted(d.enterprise.code).size > 0);
  expect([...listed.keys()].sort()).toEqual(expected.map((d) => d.enterprise.code).sort());
  for (const d of expected) expect(new Set(listed.get(d.enterprise.code))).toEqual(planted(d.enterprise.code));
  const summary = buildReport('summary', data, options);
  expect(summary.figures.enterprises.all).toEqual({ listed: dossiers.length, verified: dossiers.length, withProblems: expected.length });
});
