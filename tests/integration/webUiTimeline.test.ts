import { defaultPayloadConverter } from '@temporalio/common';
import type { WorkflowHandle } from '@temporalio/client';
import type { EnterpriseDossier } from '../../domain/campaign';
import type { PhaseEnds } from '../../domain/campaignClock';
import { generateCampaign, provinces } from '../../demo/generator';
import type { StoredMail } from '../../platform/mailSink';
import { workflowUrl } from '../../platform/webUiLinks';
import { phaseChangedSignal } from '../../workflows/caseMessages';
import { tasksOf, useHarness, type TaskRow } from '../support/harness';
import { services } from '../support/services';
import { launchChromium } from '../../platform/chromium';
import { waitFor } from '../support/waitFor';

/**
 * What a coordinator reads of a case: every activity and timer of its history carries a summary,
 * its current details and the API give campaign dates. The campaign runs on a slow fast clock (a
 * campaign day every 1,000 s) so that the whole test happens on its first two campaign days and no
 * timer fires; the test moves the case from phase to phase itself, by the campaign's signal.
 */
const generated = generateCampaign({ seed: 21, enterprises: 120 });
const isProblemMine = (d: EnterpriseDossier) => d.enterprise.types.join() === 'mine' && (generated.manifest.get(d.enterprise.code)?.size ?? 0) > 0;
const mine = generated.dataset.dossiers.find(isProblemMine)!;
const province = provinces.find((p) => p.name === mine.enterprise.province)!;
const campaignId = 'c-webui';
const caseId = `case/${campaignId}/${province.name}/${mine.enterprise.code}`;

// Tasks are due a day and a half after they are issued, reminders half a day before.
const h = useHarness('webui', { dossiers: generated.dataset.dossiers, caseSettings: { scale: { kind: 'realtime' }, taskDueDays: 1.5, reminderBeforeDays: 0.5, graceDays: 7 } });

const json = { 'content-type': 'application/json' };
const staff = (agency: string) => h.tokens[`${province.code}-${agency}-staff`];
const openTasks = async (kind: string) => (await tasksOf(h, h.tokens.miit, { status: 'open', caseId })).filter((t) => t.kind === kind);
const complete = async (task: TaskRow, completion: unknown) => {
  const res = await h.as(staff(task.agency))(`/tasks/${encodeURIComponent(task.key)}/complete`, { method: 'POST', headers: json, body: JSON.stringify({ completion }) });
  expect({ status: res.status, body: await res.json() }).toMatchObject({ status: 200 });
};
type HistoryEvent = NonNullable<Awaited<ReturnType<WorkflowHandle['fetchHistory']>>['events']>[number];
const summaryOf = (event: HistoryEvent) =>
  event.userMetadata?.summary ? defaultPayloadConverter.fromPayload<string>(event.userMetadata.summary) : undefined;

test('a case reads in campaign time, and every activity and timer of its history says what it is', async () => {
  const started = await h.as(h.tokens.miit)('/campaigns', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ id: campaignId, name: 'Web UI test', provinces: [province.name], daysPerSecond: 0.001, enterprises: [mine.enterprise.code] }),
  });
  expect(started.status).toBe(201);
  const { phaseEnds } = (await started.json()) as { phaseEnds: PhaseEnds };
  const caseHandle = h.client.workflow.getHandle(caseId);
  const toPhase = (phase: 'rectification' | 'acceptance' | 'closed') =>
    caseHandle.signal(phaseChangedSignal, { phase, endsAt: phase === 'closed' ? undefined : phaseEnds[phase] });

  // The API dates tasks in campaign days: issued on the first day, due a day and a half later.
  const verification = await waitFor('the self-inspection tasks', async () => {
    const tasks = await openTasks('verification');
    return tasks.length === 5 ? tasks : undefined;
  });
  expect(verification.map((t) => [t.agency, t.createdOn, t.dueOn]).sort()).toEqual(
    ['environment', 'industry', 'landResources', 'tax', 'workSafety'].map((agency) => [agency, '2014-10-10', '2014-10-11']),
  );

  // The Web UI's current details: the phase, the campaign date, each open task with its due date.
  const metadata = await waitFor('current details listing the tasks', async () => {
    const { currentDetails } = await caseHandle.query<{ currentDetails: string }>('__temporal_workflow_metadata');
    return currentDetails.includes('未办结任务 Open tasks: 5') ? currentDetails : undefined;
  });
  expect(metadata).toMatch(/^\*\*自查阶段 Self-inspection\*\* · 办理中 Open\n专项行动日期 Campaign date: 2014-10-10 \d\d:\d\d（截至最近一次变化 as of the last change） · 本阶段截止 phase ends 2014-11-25\n/);
  expect(metadata.split('\n').filter((line) => line.startsWith('- ')).every((line) => line.endsWith('限 due 2014-10-11'))).toBe(true);

  // MIIT puts the case under supervision: the campaign's events are dated in campaign time too.
  const provincePath = `/campaigns/${campaignId}/provinces/${encodeURIComponent(province.name)}`;
  expect((await h.as(h.tokens.miit)(`${provincePath}/cases/${mine.enterprise.code}/supervise`, { method: 'POST' })).status).toBe(202);
  const campaignEvents = await waitFor('the supervision in the campaign events', async () => {
    const progress = (await (await h.as(h.tokens.miit)(provincePath)).json()) as { events: { kind: string; on: string }[] };
    return progress.events.length ? progress.events : undefined;
  });
  expect(campaignEvents).toEqual([expect.objectContaining({ kind: 'supervised', on: '2014-10-10' })]);

  // A coordinator withdraws one task; the agencies complete the others, land & resources with a finding.
  const withdrawn = verification.find((t) => t.agency === 'workSafety')!;
  const cancel = await h.as(h.tokens[`${province.code}-industry-provincialCoordinator`])(`/tasks/${encodeURIComponent(withdrawn.key)}/cancel`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ reason: '重复下达 issued twice' }),
  });
  expect(cancel.status).toBe(200);
  for (const task of verification.filter((t) => t !== withdrawn)) {
    await complete(task, { findings: task.agency === 'landResources' ? [{ violation: 'illegalMining' }] : [] });
  }
  const [plan] = await waitFor('the handling plan task', async () => ((await openTasks('handlingPlan')).length ? openTasks('handlingPlan') : undefined));
  await complete(plan, { annex2Verified: true, dispositions: [{ disposition: 'closeIllegalSite', agencyKind: 'landResources', dueDate: '2015-01-15' }] });

  await toPhase('rectification');
  const [disposition] = await waitFor('the disposition task', async () => ((await openTasks('disposition')).length ? openTasks('disposition') : undefined));
  await complete(disposition, { documentNo: '赣国土执〔2014〕1号' });

  await toPhase('acceptance');
  const [acceptance] = await waitFor('the acceptance task', async () => ((await openTasks('acceptance')).length ? openTasks('acceptance') : undefined));
  // Collusion found at acceptance goes to discipline inspection: a referral email.
  await complete(acceptance, { accepted: true, derelictionOrCollusion: { officials: '某某', facts: '收受好处，放任非法开采' } });
  await toPhase('closed');
  await caseHandle.result();

  // The API's timeline and tasks carry the campaign date beside every instant.
  const view = (await (await h.as(h.tokens.miit)(`/cases/${encodeURIComponent(caseId)}`)).json()) as { timeline: { at: string; on: string }[]; tasks: TaskRow[] };
  expect(new Set(view.timeline.map((e) => e.on))).toEqual(new Set(['2014-10-10']));
  expect(view.tasks.every((t) => t.createdOn === '2014-10-10' && t.dueOn === '2014-10-11')).toBe(true);
  expect(view.tasks.filter((t) => t.completedOn).length).toBe(view.tasks.length - 1);

  // Every activity and timer of the case's history has a summary, in Chinese first.
  const { events } = await caseHandle.fetchHistory();
  const steps = events!.flatMap((e) => {
    if (e.activityTaskScheduledEventAttributes) return [{ type: e.activityTaskScheduledEventAttributes.activityType!.name!, summary: summaryOf(e) }];
    if (e.timerStartedEventAttributes) return [{ type: 'timer', summary: summaryOf(e) }];
    return [];
  });
  expect(new Set(steps.map((s) => s.type))).toEqual(new Set(['runRuleChecks', 'createTask', 'cancelTask', 'recordTaskCompletion', 'contactsFor', 'sendEmail', 'timer']));
  expect(steps.filter((s) => !s.summary || !/^\p{Script=Han}/u.test(s.summary))).toEqual([]);
  const summaries = steps.map((s) => s.summary!);
  expect(summaries).toContain('下达任务：税务部门·现场核查，限 2014-10-11 / task issued, due 2014-10-11');
  expect(summaries).toContain('撤销任务：安监部门·现场核查 / task withdrawn');
  expect(summaries).toContain(`登记办结：国土资源管理部门·现场核查（${province.code}-landResources-staff，2014-10-10）发现问题 1 项 / completion recorded`);
  expect(summaries).toContain(`移交纪检监察：工业主管部门·整改验收 → ${province.code}-disciplineInspection-disciplineInspection@campaign.example / referral to discipline inspection`);
  // The reminder timers wait for the campaign time half a day before the task is due.
  expect(summaries.filter((s) => /^等待至 2014-10-1[01] \d\d:\d\d【任务即将到期提醒】\S+ \/ Task due soon$/.test(s))).toHaveLength(steps.filter((s) => s.type === 'createTask').length);

  // The referral email reached the mailbox, and the campaign's own timer waits for the phase's end in campaign time.
  const mails = (await (await fetch(`${services().mailboxUrl}/messages`)).json()) as StoredMail[];
  expect(mails.some((m) => m.subject.startsWith('【移交纪检监察】') && m.text.includes(mine.enterprise.code))).toBe(true);
  const campaign = h.client.workflow.getHandle(`campaign/${campaignId}/${province.name}`);
  const campaignTimers = (await campaign.fetchHistory()).events!.filter((e) => e.timerStartedEventAttributes).map(summaryOf);
  // And the one to its warning of no typical case, a month before the campaign ends.
  expect(campaignTimers.sort()).toEqual(['等待至 2014-11-25 24:00：自查阶段结束 / Self-inspection ends', expect.stringMatching(/^等待至 2015-03-0[12] \d\d:\d\d：距结束一个月，检查典型案件 \/ a month before the end: typical cases$/)]);
  await campaign.terminate('test over');

  // And the Web UI shows them: the summaries on the timeline and in the event history, the campaign date in the current details.
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(workflowUrl(services().temporalUiUrl, 'default', caseId));
    const shown = (text: string | RegExp) => page.getByText(text).first().waitFor({ state: 'attached', timeout: 30_000 });
    // The timeline draws only the bars in view: the latest, as the acceptance task was among the last issued.
    await shown('createTask • 下达任务：工业主管部门·整改验收，限 2014-10-11 / task issued, due 2014-10-11');
    await page.getByRole('tab', { name: /^Event History/ }).click();
    await shown(/登记办结：工业主管部门·整改验收/);
    await page.getByRole('tab', { name: /^User Metadata/ }).click();
    // The Web UI renders markdown metadata in frames of its own.
    const details = page.frameLocator(`iframe[src*="${encodeURIComponent('专项行动日期')}"]`);
    await details.getByText(/专项行动日期 Campaign date: 2014-10-10 /).waitFor({ state: 'attached', timeout: 30_000 });
  } finally {
    await browser.close();
  }
}, 120_000);
