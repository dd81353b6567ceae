import type { EnterpriseDossier } from '../../domain/campaign';
import { agenciesFor } from '../../domain/catalogue';
import { parseCompletion } from '../../domain/case';
import type { EnterpriseType } from '../../domain/enums';
import { generateCampaign, provinces } from '../../demo/generator';
import { searchAttributes } from '../../workflows/searchAttributes';
import { startAutopilot } from '../../scripts/lib/autopilot';
import type { CaseView } from '../../workflows/caseMessages';
import { useHarness } from '../support/harness';
import { waitFor } from '../support/waitFor';

/**
 * One enterprise of each type through the whole campaign on a fast clock (8 campaign days a
 * second), its tasks completed through the API by the autopilot's simulated staff.
 */
const generated = generateCampaign({ seed: 77, enterprises: 200 });
const types: EnterpriseType[] = ['mine', 'smelting', 'recycling', 'trading', 'export'];
const campaignId = 'c-types';
const results = new Map<EnterpriseType, CaseView>();

// Prefer an enterprise with planted violations, so the later phases have work to do.
const pick = (type: EnterpriseType): EnterpriseDossier =>
  [...generated.dataset.dossiers]
    .filter((d) => d.enterprise.types[0] === type)
    .sort((a, b) => Number(generated.manifest.has(b.enterprise.code)) - Number(generated.manifest.has(a.enterprise.code)))[0];
const chosen = new Map(types.map((t) => [t, pick(t)]));

const h = useHarness('types', { dossiers: generated.dataset.dossiers });
beforeAll(async () => {
  const byProvince = new Map<string, string[]>();
  for (const d of chosen.values()) byProvince.set(d.enterprise.province, [...(byProvince.get(d.enterprise.province) ?? []), d.enterprise.code]);
  const started = await h.as(h.tokens.miit)('/campaigns', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: campaignId, name: 'types', provinces: [...byProvince.keys()], daysPerSecond: 8, enterprises: [...chosen.values()].map((d) => d.enterprise.code) }),
  });
  expect(started.status).toBe(201);
  const codeOf = new Map(provinces.map((p) => [p.name, p.code]));
  const autopilot = startAutopilot({
    apiUrl: h.baseUrl,
    staffToken: (province, agency) => h.tokens[`${codeOf.get(province)}-${agency}-staff`],
    overseerToken: h.tokens.miit,
    latePercent: 0,
    lateByMs: 0,
  });
  try {
    for (const [type, d] of chosen) {
      const caseId = `case/${campaignId}/${d.enterprise.province}/${d.enterprise.code}`;
      await waitFor(caseId, () => h.client.workflow.getHandle(caseId).describe(), 30_000);
      results.set(type, (await h.client.workflow.getHandle(caseId).result()) as CaseView);
    }
  } finally {
    await autopilot.stop();
  }
}, 120_000);

test.each(types)('a %s case closes with its tasks routed, completed and recorded', async (type) => {
  const d = chosen.get(type)!;
  const view = results.get(type)!;
  const caseId = `case/${campaignId}/${d.enterprise.province}/${d.enterprise.code}`;
  expect(view.status).toBe('closed');
  expect(view.phase).toBe('closed');

  const verification = view.tasks.filter((t) => t.kind === 'verification');
  expect(verification.map((t) => t.agencyKind).sort()).toEqual(agenciesFor(d.enterprise.types).sort());
  expect(view.tasks.every((t) => t.status === 'completed')).toBe(true);
  expect(view.timeline.filter((e) => e.kind === 'phaseChanged')).toHaveLength(3);

  const planted = [...(generated.manifest.get(d.enterprise.code) ?? [])].sort();
  expect([...view.ruleFindings].sort()).toEqual(planted);
  const hasPlan = view.tasks.some((t) => t.kind === 'handlingPlan');
  expect(hasPlan).toBe(planted.length > 0);
  if (hasPlan) {
    const dispositions = await h.prisma.caseDisposition.findMany({ where: { caseId } });
    expect(dispositions.length).toBe(view.tasks.filter((t) => t.kind === 'disposition').length);
    expect(view.tasks.filter((t) => t.kind === 'acceptance')).toHaveLength(dispositions.length);
    // Each measure's result on record states what the catalogue requires of that measure.
    for (const d of dispositions) expect(() => parseCompletion('disposition', d.result, d)).not.toThrow();
  }

  const findings = await h.prisma.caseFinding.findMany({ where: { caseId } });
  expect(findings.map((f) => f.violation).sort()).toEqual(view.timeline.filter((e) => e.kind === 'finding').map((e) => e.summary).sort());
  const rows = await h.prisma.caseTask.findMany({ where: { caseId } });
  expect(rows.map((r) => r.key).sort()).toEqual(view.tasks.map((t) => t.key).sort());

  const sa = (await h.client.workflow.getHandle(caseId).describe()).typedSearchAttributes;
  expect(sa.get(searchAttributes.CasePhase)).toBe('closed');
  expect(sa.get(searchAttributes.CaseStatus)).toBe('closed');
  expect(sa.get(searchAttributes.EnterpriseTypes)).toEqual(d.enterprise.types);
  expect(sa.get(searchAttributes.CampaignId)).toBe(campaignId);
  expect(sa.get(searchAttributes.OverdueTaskCount)).toBe(0);
});
