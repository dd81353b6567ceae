import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { PhaseEnds } from '../../domain/campaignClock';
import { caseWorkflowId } from '../../domain/caseIds';
import type { CasePhase } from '../../domain/enums';
import { generateCampaign } from '../../demo/generator';
import type { enterpriseCaseWorkflow } from '../../workflows';
import { addEnterpriseUpdate, progressQuery } from '../../workflows/campaignMessages';
import { caseViewQuery, type CaseView } from '../../workflows/caseMessages';
import { cleanTrader, enterprisesOf, problemMine, provincesWith } from '../support/enterprises';
import { tasksOf, useHarness, type TaskRow } from '../support/harness';
import { recordHistory } from '../support/histories';
import { calendarFromToday, enterPhase } from '../support/phases';
import { waitFor } from '../support/waitFor';

/**
 * A case's work beyond the straight path, in real time: the campaign's calendar is days ahead, so no
 * task falls due during the test and no timer fires. The test moves each case from phase to phase
 * itself, with the signal the campaign would send, so nothing here races a clock.
 */
const generated = generateCampaign({ seed: 21, enterprises: 120 });
const [province] = provincesWith(generated, [problemMine, cleanTrader]);
const [mine] = enterprisesOf(generated, problemMine, province);
const [trader] = enterprisesOf(generated, cleanTrader, province);
const campaignId = 'c-case-flow';
const mineCase = caseWorkflowId(campaignId, province.name, mine.enterprise.code);
const traderCase = caseWorkflowId(campaignId, province.name, trader.enterprise.code);
const calendar = calendarFromToday();
let phaseEnds: PhaseEnds;

const h = useHarness('case-flow', { dossiers: generated.dataset.dossiers });
beforeAll(async () => {
  const created = await post(h.tokens.miit, '/campaigns', { id: campaignId, name: 'case flow test', provinces: [province.name], calendar, enterprises: [mine.enterprise.code, trader.enterprise.code] });
  expect(created.status).toBe(201);
  phaseEnds = ((await created.json()) as { phaseEnds: PhaseEnds }).phaseEnds;
});

const json = { 'content-type': 'application/json' };
const post = (token: string, path: string, body: unknown) => h.as(token)(path, { method: 'POST', headers: json, body: JSON.stringify(body) });
const staff = (agency: string) => h.tokens[`${province.code}-${agency}-staff`];
const openTasksOf = (caseId: string) => tasksOf(h, h.tokens.miit, { status: 'open', caseId });
const openTask = (caseId: string, what: string, pred: (t: TaskRow) => boolean) => waitFor(what, async () => (await openTasksOf(caseId)).find(pred));
const complete = async (task: TaskRow, completion: unknown) => {
  const res = await post(staff(task.agency), `/tasks/${encodeURIComponent(task.key)}/complete`, { completion });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const enter = (caseId: string, phase: Exclude<CasePhase, 'selfInspection'>) => enterPhase(h, phaseEnds, caseId, phase);

test('self-inspection tasks are due by the end of self-inspection, not 20 days on', async () => {
  const tasks = await waitFor('five self-inspection tasks', async () => {
    const open = await openTasksOf(mineCase);
    return open.length === 5 ? open : undefined;
  });
  expect(tasks.map((t) => t.dueAt)).toEqual(tasks.map(() => phaseEnds.selfInspection));
});

test('MIIT puts a case under supervision through its campaign', async () => {
  const res = await h.as(h.tokens.miit)(`/campaigns/${campaignId}/provinces/${encodeURIComponent(province.name)}/cases/${mine.enterprise.code}/supervise`, { method: 'POST' });
  expect(res.status).toBe(202);
  const supervised = await waitFor('the case supervised', async () => (await h.client.workflow.getHandle(mineCase).query(caseViewQuery)).timeline.find((e) => e.kind === 'supervised'));
  expect(supervised.actor).toBe('national-miit-miitCoordinator@campaign.example');
  recordHistory('campaign-supervision', `campaign/${campaignId}/${province.name}`);
});

test('a campaign refuses a malformed enterprise before the request enters its history', async () => {
  const campaign = h.client.workflow.getHandle(`campaign/${campaignId}/${province.name}`);
  const refused = await campaign.executeUpdate(addEnterpriseUpdate, { args: [{ code: 'not-a-code', name: ' ', types: [], by: 'test' }] }).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
  expect((refused as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'InvalidEnterprise', message: expect.stringMatching(/^invalid enterprise: code: .*; name: .*; types: /) });
  const events = (await campaign.fetchHistory()).events ?? [];
  expect(events.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toEqual([]);
  expect((await campaign.query(progressQuery)).cases).toHaveLength(2);
});

test('a plan names each measure once per agency, and an acceptance refused after the campaign ended sends the work back before the case closes', async () => {
  for (const task of await waitFor('five self-inspection tasks', async () => ((await openTasksOf(mineCase)).length === 5 ? openTasksOf(mineCase) : undefined))) {
    expect((await complete(task, { findings: [] })).status).toBe(200);
  }
  const plan = await openTask(mineCase, 'the handling plan', (t) => t.kind === 'handlingPlan');
  const closure = { disposition: 'closeIllegalSite', agencyKind: 'landResources', dueDate: '2015-01-15' };
  const twice = await complete(plan, { annex2Verified: true, dispositions: [closure, { ...closure, note: 'again' }] });
  expect(twice).toEqual({
    status: 422,
    body: {
      error: 'invalid completion',
      details: [{ path: 'dispositions.1', message: expect.stringContaining('Close the illegal mining or recovery site by landResources is already item 1 of the plan: list each measure once per agency') }],
    },
  });
  expect((await complete(plan, { annex2Verified: true, dispositions: [closure] })).status).toBe(200);

  await enter(mineCase, 'rectification');
  const measure = await openTask(mineCase, 'the disposition', (t) => t.kind === 'disposition');
  expect((await complete(measure, { documentNo: '国土执〔2014〕1号' })).status).toBe(200);
  await enter(mineCase, 'acceptance');
  const acceptance = await openTask(mineCase, 'the acceptance', (t) => t.kind === 'acceptance');

  // The campaign is over; the acceptance is refused now.
  await enter(mineCase, 'closed');
  expect((await complete(acceptance, { accepted: false, reason: '矿点尚未复绿 not restored', newCompletionDate: '2015-06-30' })).status).toBe(200);
  const again = await openTask(mineCase, 'the disposition again', (t) => t.kind === 'disposition');
  expect(again.key).toMatch(/\/round-1$/);
  expect((await h.client.workflow.getHandle(mineCase).describe()).status.name).toBe('RUNNING');
  expect((await h.client.workflow.getHandle(mineCase).query(caseViewQuery)).status).toBe('overdue');

  expect((await complete(again, { documentNo: '国土执〔2015〕7号' })).status).toBe(200);
  const reacceptance = await openTask(mineCase, 'the acceptance again', (t) => t.kind === 'acceptance');
  // Accepted, with a referral: an official covered for the site.
  const referral = { officials: '某县国土资源局 张某', facts: '明知非法开采未予制止' };
  expect((await complete(reacceptance, { accepted: true, derelictionOrCollusion: referral })).status).toBe(200);

  const result = (await h.client.workflow.getHandle(mineCase).result()) as CaseView;
  expect(result.status).toBe('closed');
  expect(result.tasks.map((t) => [t.kind, t.status])).toEqual(result.tasks.map((t) => [t.kind, 'completed']));
  expect(result.timeline.filter((e) => e.kind === 'referral')).toHaveLength(1);
  expect((await openTasksOf(mineCase)).map((t) => t.key)).toEqual([]);
  recordHistory('enterpriseCase-reworkAfterClose', mineCase);
});

test('a violation found after self-inspection ended gets a handling plan of its own, and its work', async () => {
  const checks = await waitFor('three self-inspection tasks', async () => {
    const open = await openTasksOf(traderCase);
    return open.length === 3 ? open : undefined;
  });
  const tax = checks.find((t) => t.agency === 'tax')!;
  for (const task of checks.filter((t) => t !== tax)) expect((await complete(task, { findings: [] })).status).toBe(200);
  await enter(traderCase, 'rectification');
  // A clean trader: no plan while nothing was found.
  expect((await h.client.workflow.getHandle(traderCase).query(caseViewQuery)).tasks.some((t) => t.kind === 'handlingPlan')).toBe(false);

  expect((await complete(tax, { findings: [{ violation: 'unpaidVat', amounts: { unpaidTaxFen: 1_000_000 } }] })).status).toBe(200);
  const plan = await openTask(traderCase, 'a handling plan for the late finding', (t) => t.kind === 'handlingPlan');
  expect(plan.key).toMatch(/\/plan\/round-1$/);
  expect((await complete(plan, { annex2Verified: true, dispositions: [{ disposition: 'recoverVat', agencyKind: 'tax', dueDate: '2015-01-20' }] })).status).toBe(200);
  const measure = await openTask(traderCase, 'the disposition', (t) => t.kind === 'disposition');
  expect((await complete(measure, { documentNo: '税追〔2014〕3号', amounts: { recoveredFen: 1_000_000, lateFeeFen: 20_000, fineFen: 500_000 } })).status).toBe(200);
  await enter(traderCase, 'acceptance');
  const acceptance = await openTask(traderCase, 'the acceptance', (t) => t.kind === 'acceptance');
  expect((await complete(acceptance, { accepted: true })).status).toBe(200);
  await enter(traderCase, 'closed');

  const result = (await h.client.workflow.getHandle(traderCase).result()) as CaseView;
  expect(result.status).toBe('closed');
  expect(result.tasks.map((t) => t.kind)).toEqual(['verification', 'verification', 'verification', 'handlingPlan', 'disposition', 'acceptance']);
  recordHistory('enterpriseCase-lateFinding', traderCase);
});

test('an enterprise missing from the archive is said to be so, not to have no findings', async () => {
  const code = '91360000MA00000X0X';
  const caseId = caseWorkflowId(campaignId, province.name, code);
  const handle = await h.client.workflow.start<typeof enterpriseCaseWorkflow>('enterpriseCaseWorkflow', {
    workflowId: caseId,
    taskQueue: h.taskQueue,
    args: [{ campaignId, province: province.name, enterprise: { code, name: '未建档企业 unarchived', types: ['trading'] }, reviewWindow: calendar.reviewWindow, timing: { taskDueMs: 86_400_000, reminderBeforeMs: 0, graceAfterDueMs: 86_400_000 }, phaseEnds }],
  });
  try {
    const checked = await waitFor('the rule check', async () => (await handle.query(caseViewQuery)).timeline.find((e) => e.kind === 'rulesChecked'));
    expect(checked.summary).toBe('档案中无此企业，未能比对 not in the archive: nothing to check against');
  } finally {
    await handle.terminate('test over');
  }
});
