import { calendar2014 } from '../../domain/campaignClock';
import { caseWorkflowId } from '../../domain/caseIds';
import type { CasePhase } from '../../domain/enums';
import { generateCampaign } from '../../demo/generator';
import { agencyLabels, bilingual } from '../../domain/labels';
import type { StoredMail } from '../../platform/mailSink';
import type { enterpriseCaseWorkflow } from '../../workflows';
import { phaseChangedSignal, type CaseTiming, type CaseView } from '../../workflows/caseMessages';
import { cleanTrader, enterprisesOf, provincesWith } from '../support/enterprises';
import { tasksOf, useHarness } from '../support/harness';
import { recordHistory } from '../support/histories';
import { services } from '../support/services';
import { waitFor } from '../support/waitFor';

/**
 * The escalation ladder of a case started directly, with its timing stated here rather than
 * derived from a fast campaign clock, and its phases moved by the test: a step is awaited until it
 * arrives, and a step that must not arrive is one the case would have to wait minutes for.
 */
const generated = generateCampaign({ seed: 33, enterprises: 120 });
const [province] = provincesWith(generated, [cleanTrader], 2);
const [first, second] = enterprisesOf(generated, cleanTrader, province);
const campaignId = 'c-escalation';
// No phase ends during the test: the test moves the case.
const farAhead = new Date(Date.now() + 30 * 86_400_000).toISOString();

const h = useHarness('escalation', { dossiers: generated.dataset.dossiers });

const json = { 'content-type': 'application/json' };
const address = (agency: string, role: string) => `${province.code}-${agency}-${role}@campaign.example`;
/** The emails of one task: they name the enterprise and the agency responsible. */
const mailAbout = async (code: string, agency: keyof typeof agencyLabels) =>
  ((await (await fetch(`${services().mailboxUrl}/messages`)).json()) as StoredMail[]).filter((m) => m.text.includes(code) && m.text.includes(`承办部门 Responsible agency: ${bilingual(agencyLabels[agency])}`));

const startCase = async (trader: typeof first, timing: CaseTiming, supervised: boolean) => {
  const { code, name, types } = trader.enterprise;
  return h.client.workflow.start<typeof enterpriseCaseWorkflow>('enterpriseCaseWorkflow', {
    workflowId: caseWorkflowId(campaignId, province.name, code),
    taskQueue: h.taskQueue,
    args: [{ campaignId, province: province.name, enterprise: { code, name, types }, reviewWindow: calendar2014.reviewWindow, timing, supervised, phaseEnds: { selfInspection: farAhead, rectification: farAhead, acceptance: farAhead } }],
  });
};
const selfInspectionOf = (caseId: string) =>
  waitFor('three self-inspection tasks', async () => {
    const open = await tasksOf(h, h.tokens.miit, { status: 'open', caseId });
    return open.length === 3 ? open : undefined;
  });
const complete = (task: { key: string; agency: string }) =>
  h.as(h.tokens[`${province.code}-${task.agency}-staff`])(`/tasks/${encodeURIComponent(task.key)}/complete`, { method: 'POST', headers: json, body: JSON.stringify({ completion: { findings: [] } }) });
const closeCampaignFor = async (caseId: string) => {
  for (const phase of ['rectification', 'acceptance', 'closed'] as CasePhase[]) await h.client.workflow.getHandle(caseId).signal(phaseChangedSignal, { phase });
};

test('a late task escalates to its assignee, the agency head and discipline inspection, once each, copying MIIT on a supervised case', async () => {
  // Reminder 0.3 s before the due time (2 s), discipline inspection 0.7 s after it.
  const handle = await startCase(first, { taskDueMs: 2_000, reminderBeforeMs: 300, graceAfterDueMs: 700 }, true);
  const tasks = await selfInspectionOf(handle.workflowId);
  const ladder = await waitFor('three escalation emails', async () => {
    const mails = await mailAbout(first.enterprise.code, 'tax');
    return mails.length >= 3 ? mails : undefined;
  });
  const miit = 'national-miit-miitCoordinator@campaign.example';
  expect(ladder.map((m) => ({ to: m.to, cc: [...m.cc].sort() }))).toEqual([
    { to: [address('tax', 'staff')], cc: [miit] },
    { to: [address('tax', 'agencyHead')], cc: [address('tax', 'staff'), miit].sort() },
    { to: [address('disciplineInspection', 'disciplineInspection')], cc: [address('tax', 'agencyHead'), miit].sort() },
  ]);
  expect(ladder[0].subject).toContain('任务即将到期提醒');
  expect(ladder[1].subject).toContain('任务逾期');
  expect(ladder[2].subject).toContain('纪检监察');
  expect(ladder[2].text).toContain(first.enterprise.name);
  expect(ladder[2].text).toContain('办理期限 Due');

  // The overdue task shows as such to its agency's staff.
  const late = tasks.find((t) => t.agency === 'tax')!;
  const overdue = (await (await h.as(h.tokens[`${province.code}-tax-staff`])('/tasks?overdue=true')).json()) as { items: { key: string }[] };
  expect(overdue.items.map((t) => t.key)).toEqual([late.key]);

  // Every ladder has run its course once the case closes: each task's three steps, once each.
  await waitFor('every ladder to its end', async () => {
    const counts = await Promise.all(tasks.map((t) => mailAbout(first.enterprise.code, t.agency as keyof typeof agencyLabels)));
    return counts.every((m) => m.length === 3) ? true : undefined;
  });
  for (const task of tasks) expect((await complete(task)).status).toBe(200);
  await closeCampaignFor(handle.workflowId);
  const view = (await handle.result()) as CaseView;
  expect(view.tasks.map((t) => t.escalations)).toEqual(tasks.map(() => ['reminder', 'agencyHead', 'disciplineInspection']));
  expect(await h.prisma.outboundEmail.count({ where: { key: { startsWith: late.key } } })).toBe(3);
  recordHistory('enterpriseCase-escalation', handle.workflowId);
});

test('completing a task between two steps of its ladder stops the ladder there', async () => {
  // The reminder comes a second after the task; the agency head would be told ten minutes later.
  const handle = await startCase(second, { taskDueMs: 600_000, reminderBeforeMs: 599_000, graceAfterDueMs: 600_000 }, false);
  const tasks = await selfInspectionOf(handle.workflowId);
  await waitFor('every task reminded', async () => {
    const reminded = await Promise.all(tasks.map((t) => mailAbout(second.enterprise.code, t.agency as keyof typeof agencyLabels)));
    return reminded.every((m) => m.length === 1) ? true : undefined;
  });
  for (const task of tasks) expect((await complete(task)).status).toBe(200);
  await closeCampaignFor(handle.workflowId);
  // The case closes only when its ladders have ended: a ladder still waiting for its next step
  // would hold the result for ten minutes, past this test's timeout.
  const view = (await handle.result()) as CaseView;
  expect(view.tasks.map((t) => t.escalations)).toEqual(tasks.map(() => ['reminder']));
  for (const task of tasks) expect(await h.prisma.outboundEmail.count({ where: { key: { startsWith: task.key } } })).toBe(1);
}, 60_000);
