import { campaignWorkflowId, caseWorkflowId } from '../../domain/caseIds';
import { generateCampaign } from '../../demo/generator';
import { caseViewQuery } from '../../workflows/caseMessages';
import { progressQuery } from '../../workflows/campaignMessages';
import { cleanTrader, enterprisesOf, provincesWith } from '../support/enterprises';
import { useHarness } from '../support/harness';
import { recordHistory } from '../support/histories';
import { waitFor } from '../support/waitFor';

/**
 * MIIT's joint inspection group (联合检查组) against the real stack: MIIT schedules an inspection
 * of a province, records its findings, and the serious case they name is put under supervision
 * (挂牌督办) through the campaign, its timeline saying which inspection asked for it.
 */
const generated = generateCampaign({ seed: 44, enterprises: 120 });
const [A, B] = provincesWith(generated, [cleanTrader], 2);
const [serious, other] = enterprisesOf(generated, cleanTrader, A).map((d) => d.enterprise.code);
const campaignId = `c-inspect-${Date.now().toString(36)}`;
const caseId = caseWorkflowId(campaignId, A.name, serious);
const enc = encodeURIComponent;
const json = { 'content-type': 'application/json' };

const h = useHarness('inspection', { dossiers: generated.dataset.dossiers });
const coordinator = (p: typeof A) => h.tokens[`${p.code}-industry-provincialCoordinator`];

beforeAll(async () => {
  // A slow clock keeps the campaign in self-inspection for the whole file.
  const started = await h.as(h.tokens.miit)('/campaigns', { method: 'POST', headers: json, body: JSON.stringify({ id: campaignId, name: 'inspection', provinces: [A.name], daysPerSecond: 0.001, enterprises: [serious] }) });
  expect(started.status).toBe(201);
  await waitFor('the case', async () => ((await h.client.workflow.getHandle(caseId).query(caseViewQuery).catch(() => undefined)) ? true : undefined));
}, 120_000);

test('MIIT schedules an inspection of a province, records its findings, and the serious case is supervised with the inspection in its timeline', async () => {
  const inspections = `/campaigns/${campaignId}/provinces/${enc(A.name)}/inspections`;
  const schedule = (token: string, body: unknown, path = inspections) => h.as(token)(path, { method: 'POST', headers: json, body: JSON.stringify(body) });
  const plan = { from: '2014-12-15', to: '2014-12-19', members: [{ agency: 'miit', name: '王五' }, { agency: 'landResources', name: '赵六' }, { agency: 'tax', name: '钱七' }] };

  expect((await schedule(coordinator(A), plan)).status).toBe(403);
  expect((await schedule(coordinator(B), plan)).status).toBe(404);
  expect((await schedule(h.tokens.miit, plan, `/campaigns/${campaignId}/provinces/${enc(B.name)}/inspections`)).status).toBe(404);
  expect((await schedule(h.tokens.miit, { ...plan, to: '2014-12-01' })).status).toBe(422); // schema-valid, but it ends before it starts
  expect((await schedule(h.tokens.miit, { ...plan, members: [] })).status).toBe(400);
  const scheduled = await schedule(h.tokens.miit, plan);
  expect(scheduled.status).toBe(201);
  const inspection = (await scheduled.json()) as { id: string };
  expect(inspection).toMatchObject({ campaignId, province: A.name, from: plan.from, to: plan.to, members: plan.members, supervised: [], scheduledBy: expect.any(String) });

  // The province sees MIIT's inspections of it; another province does not.
  expect(await (await h.as(coordinator(A))(inspections)).json()).toEqual([inspection]);
  expect((await h.as(coordinator(B))(inspections)).status).toBe(404);
  expect((await h.as(coordinator(B))(`/inspections/${inspection.id}`)).status).toBe(404);
  expect((await h.as(h.tokens[`${A.code}-tax-staff`])(`/inspections/${inspection.id}`)).status).toBe(200);

  const findings = (token: string, body: unknown) => h.as(token)(`/inspections/${inspection.id}/findings`, { method: 'POST', headers: json, body: JSON.stringify(body) });
  const recordedFindings = { findings: '抽查企业台账，发现购销数量不实', supervise: [{ enterpriseCode: serious, reason: '购销数量严重不实' }] };
  expect((await findings(coordinator(A), recordedFindings)).status).toBe(403);
  // An enterprise with no case in the campaign: nothing is recorded, nothing supervised.
  expect((await findings(h.tokens.miit, { ...recordedFindings, supervise: [{ enterpriseCode: other, reason: 'x' }] })).status).toBe(404);
  expect(await h.prisma.jointInspection.findUniqueOrThrow({ where: { id: inspection.id } })).toMatchObject({ findings: null, recordedAt: null });

  const recorded = await findings(h.tokens.miit, recordedFindings);
  expect(recorded.status).toBe(200);
  expect(await recorded.json()).toMatchObject({ findings: recordedFindings.findings, supervised: [{ enterpriseCode: serious, caseId, reason: '购销数量严重不实' }], recordedBy: expect.any(String), recordedAt: expect.any(String) });
  expect((await findings(h.tokens.miit, recordedFindings)).status).toBe(409);

  const view = await waitFor('the case to be supervised', async () => {
    const v = await h.client.workflow.getHandle(caseId).query(caseViewQuery);
    return v.supervised ? v : undefined;
  });
  expect(view.timeline.filter((e) => e.kind === 'supervised')).toEqual([expect.objectContaining({ summary: expect.stringContaining(`联合检查组 joint inspection ${inspection.id}`) })]);
  expect((await h.client.workflow.getHandle(campaignWorkflowId(campaignId, A.name)).query(progressQuery)).supervised).toEqual([serious]);
  // The case page's timeline is the workflow's.
  const page = (await (await h.as(coordinator(A))(`/cases/${enc(caseId)}`)).json()) as { timeline: { kind: string; summary: string }[] };
  expect(page.timeline.some((e) => e.kind === 'supervised' && e.summary.includes(inspection.id))).toBe(true);

  const audit = await h.prisma.auditEvent.findMany({ where: { objectType: 'jointInspection', status: { lt: 300 } }, orderBy: { at: 'asc' } });
  expect(audit.map((a) => [a.action, a.objectId, a.province])).toEqual([
    ['inspections.schedule', inspection.id, A.name],
    ['inspections.findings', inspection.id, A.name],
  ]);
  recordHistory('enterpriseCase-supervisedByInspection', caseId);
});
