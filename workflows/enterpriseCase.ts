import {
  allHandlersFinished,
  condition,
  ParentClosePolicy,
  executeChild,
  log,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
  ChildWorkflowFailure,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { longActivity } from './activityOptions';
import type { ViolationCode } from '../domain/catalogue';
import type { ActingAgency, CasePhase } from '../domain/enums';
import { campaignDay } from '../domain/campaignClock';
import { agencyLabels, bilingual, phaseLabels, reportPunctuation, ruleCheckLabels, timelineLabels, transferLabels } from '../domain/labels';
import type { FindingCode } from '../domain/rules';
import { refusal } from './refusals';
import { searchAttributes } from './searchAttributes';
import * as work from '../domain/case';
import { deterministicFailureOf } from './activityFailures';
import {
  caseViewQuery,
  completeTaskUpdate,
  phaseChangedSignal,
  superviseSignal,
  traceNoticeSignal,
  type CaseInput,
  type CaseTask,
  type CaseView,
  type TimelineEntry,
} from './caseMessages';
import { exportTraceWorkflow } from './exportTrace';
import { caseActivities as activities, updateWrites } from './caseActivities';
import { caseDetails } from './summaries';
import { runLadder, type LadderOwner } from './taskLadder';
import { handleTaskCancellation, openTaskOf } from './taskUpdates';
import { transferTiming } from './transferMessages';
import type { criminalTransferWorkflow } from './criminalTransfer';
import { requestVerificationSignal } from './coordinationMessages';

// The first check after an import builds the whole archive's dataset: allow for a large one.
const { runRuleChecks } = proxyActivities<Activities>(longActivity('5 minutes'));

const PHASES: CasePhase[] = ['selfInspection', 'rectification', 'acceptance', 'closed'];

/**
 * One enterprise through the campaign: self-inspection tasks routed by its types and the rules'
 * findings, a handling plan for a problem enterprise, one rectification task per disposition,
 * acceptance of each, and the escalation ladder on every task that runs late. The campaign
 * workflow moves it from phase to phase; staff complete tasks through the `completeTask` update.
 */
export async function enterpriseCaseWorkflow(input: CaseInput): Promise<CaseView> {
  const caseId = workflowInfo().workflowId;
  const now = () => new Date().toISOString();
  const state = {
    phase: 'selfInspection' as CasePhase,
    // Cases started before the campaign passed its calendar learn a phase's end from its signal.
    phaseEndsAt: input.phaseEnds?.selfInspection,
    supervised: input.supervised ?? false,
    closed: false,
    ruleFindings: [] as FindingCode[],
    tasks: new Map<string, CaseTask>(),
    timeline: [] as TimelineEntry[],
    violations: new Set<ViolationCode>(),
    /** Violations some handling plan was asked for: a later one needs a plan of its own. */
    planned: new Set<ViolationCode>(),
    /** Plans whose work has not all been issued yet: the case cannot close under them. */
    plansInFlight: 0,
    /** Work a completion calls for, opened by the main flow so the case cannot close past it. */
    followUps: [] as work.TaskSpec[],
    /** Agencies whose verification found a suspected crime: each gets one transfer (Order 310), started by the main flow. */
    transfersDue: [] as ActingAgency[],
    transfersStarted: new Set<ActingAgency>(),
    transfersInFlight: 0,
  };
  const record = (entry: Omit<TimelineEntry, 'at'>) => state.timeline.push({ at: now(), ...entry });

  const view = (): CaseView => ({
    campaignId: input.campaignId,
    province: input.province,
    enterprise: input.enterprise,
    phase: state.phase,
    // Work left when the campaign has ended is overdue whatever its own due time (section 二).
    status: state.closed
      ? 'closed'
      : [...state.tasks.values()].some((t) => t.status === 'open' && (t.overdue || state.phase === 'closed'))
        ? 'overdue'
        : 'open',
    supervised: state.supervised,
    ruleFindings: state.ruleFindings,
    tasks: [...state.tasks.values()],
    timeline: state.timeline,
  });

  // Each upsert is an event in the history and a write to the server's visibility store: most
  // changes (a task opened, an escalation sent) leave every attribute as it was.
  let published: string | undefined;
  const publish = () => {
    const current = view();
    const open = current.tasks.filter((t) => t.status === 'open');
    const attributes = [
      { key: searchAttributes.CasePhase, value: state.phase },
      { key: searchAttributes.CaseStatus, value: current.status },
      { key: searchAttributes.OverdueTaskCount, value: open.filter((t) => t.overdue).length },
      { key: searchAttributes.Supervised, value: state.supervised },
      { key: searchAttributes.Violations, value: [...new Set([...state.ruleFindings, ...state.violations])].sort() },
    ];
    const values = JSON.stringify(attributes.map((a) => a.value));
    if (values !== published || !patched('search-attributes-when-changed')) upsertSearchAttributes(attributes);
    published = values;
    setCurrentDetails(caseDetails(current, { clock: input.clock, nowMs: new Date().getTime(), phaseEndsAt: state.phaseEndsAt }));
  };

  setHandler(caseViewQuery, view);
  setHandler(phaseChangedSignal, (change) => {
    if (PHASES.indexOf(change.phase) <= PHASES.indexOf(state.phase)) return;
    state.phase = change.phase;
    state.phaseEndsAt = change.endsAt;
    if (change.reportsSubmitted?.length) record({ kind: 'reportsSubmitted', actor: 'campaign', summary: `${bilingual(timelineLabels.reportsSubmitted)}: ${change.reportsSubmitted.join(reportPunctuation.enumeration)}`, detail: { submitted: change.reportsSubmitted } });
    record({ kind: 'phaseChanged', actor: 'campaign', summary: `${phaseLabels[change.phase].zh} ${phaseLabels[change.phase].en}`, detail: { phase: change.phase } });
    publish();
  });
  setHandler(superviseSignal, ({ by, inspectionId }) => {
    if (state.supervised) return;
    state.supervised = true;
    const from = inspectionId === undefined ? '' : ` · ${bilingual(timelineLabels.jointInspection)} ${inspectionId}`;
    record({ kind: 'supervised', actor: by, summary: `${bilingual(timelineLabels.supervised)}${from}`, detail: { supervised: true, ...(inspectionId === undefined ? {} : { inspectionId }) } });
    publish();
  });
  // An exporter's trace (一.(四)) reached this case: the timeline says what it found, and the
  // measures it orders here open as tasks; the handling plan need not propose them again.
  setHandler(traceNoticeSignal, (notice) => {
    const { traceCaseId, exportedKg, links, untracedKg, illegalKg } = notice;
    record({ kind: 'traced', actor: 'trace', summary: `${bilingual(timelineLabels.traced)}: ${work.traceSummary(notice)}`, detail: { traced: { traceCaseId, exportedKg, links, untracedKg, illegalKg } } });
    const dueDate = campaignDay(input.clock, new Date().getTime() + input.timing.taskDueMs);
    for (const m of notice.measures) {
      state.violations.add(m.violation);
      state.planned.add(m.violation);
      state.followUps.push(work.traceMeasureTask(notice, m, dueDate));
    }
    publish();
  });
  // A referral accepted into this case, or a tip linked to it: one more verification, opened by the
  // main flow's follow-up loop so the case cannot close past it. Cases started before ignore it.
  setHandler(requestVerificationSignal, (request) => {
    if (!patched('requested-verifications')) return;
    state.followUps.push({ kind: 'verification', agencyKind: request.agencyKind, purpose: request.purpose, title: request.title, evidence: { findings: [], annex3: undefined, requested: request.evidence } });
  });
  const openTaskOrFail = openTaskOf(state.tasks, 'case');
  setHandler(
    completeTaskUpdate,
    async ({ taskKey, actor, completion }) => {
      const task = state.tasks.get(taskKey)!;
      const parsed = work.acceptedCompletion(task.kind, completion);
      const spec = specs.get(taskKey)!;
      const before = { status: task.status, completedAt: task.completedAt, completedBy: task.completedBy, completion: task.completion };
      const completedAt = now();
      task.status = 'completed';
      task.completedAt = completedAt;
      task.completedBy = actor;
      task.completion = parsed.value;
      const findings = work.findingsOf(spec, parsed);
      const dispositions = work.dispositionsOf(spec, parsed, caseId);
      const newViolations = findings.map((f) => f.violation).filter((v) => !state.violations.has(v));
      for (const f of findings) state.violations.add(f.violation);
      // Queued before the first await, in the same activation that marks the task done: the main
      // flow's closing condition sees the follow-up. Cases started earlier opened it below.
      const followUp = work.followUpOf(spec, parsed);
      const queued = followUp !== undefined && patched('follow-ups-in-main-flow');
      if (followUp && queued) state.followUps.push(followUp);
      // A suspected crime opens the transfer to public security for the agency that found it, once.
      const finder = spec.agencyKind;
      const transfer = parsed.kind === 'verification' && parsed.value.suspectedCrime && !state.transfersStarted.has(finder) && !state.transfersDue.includes(finder) && patched('criminal-transfer');
      if (transfer) state.transfersDue.push(finder);
      record({ kind: 'taskCompleted', actor, summary: task.title, taskKey });
      for (const f of findings) record({ kind: 'finding', actor, summary: f.violation, taskKey, detail: { violation: f.violation } });
      for (const d of dispositions) record({ kind: 'disposition', actor, summary: `${d.disposition}: ${d.status}`, taskKey, detail: { measure: d.disposition, status: d.status } });
      publish();
      try {
        await updateWrites().recordTaskCompletion({ taskKey, completion: parsed.value, actor, completedAt, findings, dispositions });
      } catch (error) {
        const failure = deterministicFailureOf(error);
        if (!failure || !patched('unrecorded-completion-reopens-task')) throw error;
        // The database refused the completion for good: the task is open again, in the case as in
        // the task list, and the timeline says why, so that it can be completed anew. Work the main
        // flow already took up from it (a follow-up, a plan's measures) stays: it was issued.
        Object.assign(task, { status: before.status, completedAt: before.completedAt, completedBy: before.completedBy, completion: before.completion });
        if (followUp && queued && state.followUps.includes(followUp)) state.followUps.splice(state.followUps.indexOf(followUp), 1);
        if (transfer && state.transfersDue.includes(finder)) state.transfersDue.splice(state.transfersDue.indexOf(finder), 1);
        for (const v of newViolations) state.violations.delete(v);
        escalations.push(escalate(task));
        record({ kind: 'completionNotRecorded', actor: 'system', summary: `${bilingual(timelineLabels.completionNotRecorded)}: ${failure.message}`, taskKey, detail: { notRecorded: failure.message } });
        publish();
        throw refusal('CompletionNotRecorded', `the completion could not be recorded, the task is open again: ${failure.message}`);
      }
      if (followUp && !queued) await openTask(followUp, dueIn(input.timing.taskDueMs));
      const referral = work.referralOf(parsed);
      if (referral) {
        record({ kind: 'referral', actor, summary: bilingual(timelineLabels.referral), taskKey, detail: { referredToDisciplineInspection: true } });
        const contacts = await updateWrites().contactsFor({ province: input.province, agencyKind: task.agencyKind });
        await updateWrites().sendEmail({ key: `${taskKey}/referral`, to: contacts.disciplineInspection, cc: state.supervised ? contacts.miit : [], ...work.referralEmail(input, task, referral) });
      }
      return { taskKey, completedAt, completedBy: actor };
    },
    {
      validator: ({ taskKey, completion }) => {
        const task = openTaskOrFail(taskKey);
        work.parseCompletion(task.kind, completion, specs.get(taskKey)?.evidence);
      },
    },
  );
  handleTaskCancellation(state.tasks, openTaskOrFail, record, publish);

  /** Creates a task (idempotently, by its key) and runs its escalation ladder until it is done. */
  const escalations: Promise<void>[] = [];
  const specs = new Map<string, work.TaskSpec>();
  const openTask = async (spec: work.TaskSpec, dueAt: string) => {
    const key = work.taskKey(caseId, spec);
    if (state.tasks.has(key)) return;
    specs.set(key, spec);
    const task: CaseTask = { key, kind: spec.kind, agencyKind: spec.agencyKind, phase: state.phase, title: spec.title, createdAt: now(), dueAt, status: 'open', overdue: false, escalations: [] };
    state.tasks.set(key, task);
    await activities.createTask({
      key,
      caseId,
      campaignId: input.campaignId,
      province: input.province,
      enterpriseCode: input.enterprise.code,
      kind: spec.kind,
      agencyKind: spec.agencyKind,
      phase: state.phase,
      title: spec.title,
      evidence: spec.evidence,
      dueAt,
    });
    record({ kind: 'taskCreated', actor: 'system', summary: spec.title, taskKey: key });
    publish();
    escalations.push(escalate(task));
  };

  const ladderOwner: LadderOwner = { facts: input, timing: input.timing, supervised: () => state.supervised, timeline: () => state.timeline, record, publish };
  const escalate = (task: CaseTask) => runLadder(ladderOwner, task);

  const allDone = (kind?: string) => [...state.tasks.values()].filter((t) => !kind || t.kind === kind).every((t) => t.status !== 'open');
  const dueIn = (ms: number) => {
    const due = new Date().getTime() + ms;
    const end = state.phaseEndsAt ? Date.parse(state.phaseEndsAt) : due;
    return new Date(Math.min(due, end)).toISOString();
  };

  // Self-inspection (自查): the rules' evidence goes to every agency the enterprise's types call for.
  record({ kind: 'caseOpened', actor: 'campaign', summary: `${input.enterprise.name} (${input.enterprise.code})` });
  upsertSearchAttributes([
    { key: searchAttributes.CampaignId, value: input.campaignId },
    { key: searchAttributes.Province, value: input.province },
    { key: searchAttributes.EnterpriseName, value: input.enterprise.name },
    { key: searchAttributes.EnterpriseTypes, value: input.enterprise.types },
  ]);
  const rules = await runRuleChecks({ enterpriseCode: input.enterprise.code, window: input.reviewWindow });
  state.ruleFindings = rules?.findings ?? [];
  const checked = !rules ? ruleCheckLabels.notInArchive : state.ruleFindings.length ? undefined : ruleCheckLabels.noFindings;
  record({ kind: 'rulesChecked', actor: 'system', summary: checked ? bilingual(checked) : state.ruleFindings.join(', '), detail: rules ? { ruleFindings: state.ruleFindings } : { notInArchive: true } });
  for (const spec of work.selfInspectionTasks(input.enterprise.types, rules)) await openTask(spec, dueIn(input.timing.taskDueMs));
  // An exporter's products are traced to the mine once its own checks are in (一.(四)).
  if (rules && input.enterprise.types.includes('export') && patched('export-trace')) {
    await startChild(exportTraceWorkflow, {
      workflowId: `trace/${caseId}`,
      args: [{ caseId, campaignId: input.campaignId, province: input.province, exporterCode: input.enterprise.code, window: input.reviewWindow, timing: input.timing, clock: input.clock }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      staticSummary: `${bilingual(timelineLabels.traced)}${reportPunctuation.colon}${input.enterprise.name}`,
    });
  }

  // Follow-ups (rework, acceptance again) as the update handler queued them.
  void (async () => {
    for (;;) {
      await condition(() => state.followUps.length > 0);
      await openTask(state.followUps.shift()!, dueIn(input.timing.taskDueMs));
    }
  })();

  // Transfers to public security (Order 310), each a child workflow with its own tasks; the case stays open until they end.
  const runTransfer = async (finder: ActingAgency) => {
    record({ kind: 'transferOpened', actor: 'system', summary: `${bilingual(timelineLabels.transferOpened)}: ${agencyLabels[finder].zh}`, detail: { transferOpened: finder } });
    publish();
    // A transfer terminated from outside (the Web UI, a test) ends as withdrawn: the case goes on.
    const ended = await executeChild<typeof criminalTransferWorkflow>('criminalTransferWorkflow', {
      workflowId: work.transferWorkflowId(caseId, finder),
      args: [{ caseId, campaignId: input.campaignId, province: input.province, enterprise: input.enterprise, clock: input.clock, supervised: state.supervised, finder, timing: transferTiming(input) }],
    }).catch((error: unknown) => {
      if (error instanceof ChildWorkflowFailure) return undefined;
      throw error;
    });
    const outcome = ended?.result ? transferLabels.outcome[ended.result.outcome] : transferLabels.withdrawn;
    record({
      kind: 'transferEnded',
      actor: 'system',
      summary: `${bilingual(timelineLabels.transferEnded)}: ${agencyLabels[finder].zh}${reportPunctuation.colon}${outcome.zh} / ${outcome.en}`,
      detail: { transferEnded: finder, outcome: ended?.result?.outcome ?? 'withdrawn' },
    });
    publish();
  };
  void (async () => {
    for (;;) {
      await condition(() => state.transfersDue.length > 0);
      const finder = state.transfersDue.shift()!;
      state.transfersStarted.add(finder);
      state.transfersInFlight++;
      void runTransfer(finder).finally(() => state.transfersInFlight--);
    }
  })();

  // A problem enterprise gets a handling plan (处理方案) from the industry department: once
  // self-inspection is done, and again for each violation found after that.
  const unplanned = () => [...new Set([...state.ruleFindings, ...state.violations])].filter((v) => !state.planned.has(v));
  const planFor = (violations: ViolationCode[], round: number) => {
    for (const v of violations) state.planned.add(v);
    state.plansInFlight++;
    void runPlan(work.handlingPlanTask(violations, round)).finally(() => state.plansInFlight--);
  };
  const runPlan = async (spec: work.TaskSpec) => {
    await openTask(spec, dueIn(input.timing.taskDueMs));
    const task = state.tasks.get(work.taskKey(caseId, spec))!;
    // Rectification (整改): one task per disposition of the plan, for the agency responsible.
    await condition(() => state.phase !== 'selfInspection');
    await condition(() => task.status !== 'open');
    const plan = task.status === 'completed' ? work.HandlingPlan.parse(task.completion) : undefined;
    const measures = work.rectificationTasks(plan);
    for (const m of measures) await openTask(m, dueIn(input.timing.taskDueMs));
    // Acceptance (验收): each disposition is verified against the plan.
    await condition(() => state.phase === 'acceptance' || state.phase === 'closed');
    await condition(() => measures.every((m) => state.tasks.get(work.taskKey(caseId, m))!.status !== 'open'));
    for (const a of work.acceptanceTasks(plan)) await openTask(a, dueIn(input.timing.taskDueMs));
  };
  await condition(() => allDone('verification') || state.phase !== 'selfInspection');
  if (unplanned().length > 0) planFor(unplanned(), 0);
  void (async () => {
    for (let round = 1; ; round++) {
      await condition(() => unplanned().length > 0);
      // Cases started before late findings were planned for went on without a plan.
      if (!patched('late-findings-plan')) return;
      planFor(unplanned(), round);
    }
  })();

  // The campaign ends; a case with unfinished work stays open, overdue, until the work is done.
  await condition(() => state.phase === 'closed' && state.plansInFlight === 0 && state.followUps.length === 0 && state.transfersDue.length === 0 && state.transfersInFlight === 0 && allDone());
  await Promise.all(escalations);
  state.closed = true;
  publish();
  await condition(allHandlersFinished);
  log.info('case closed', { caseId });
  return view();
}
