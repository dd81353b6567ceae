import type { ActivityInput, Next, TimerInput, WorkflowInterceptorsFactory, WorkflowOutboundCallsInterceptor } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { campaignDateTime, campaignDay, campaignDueDay, type CampaignTimeBase } from '../domain/campaignClock';
import { escalationSteps, type EscalationStep } from '../domain/catalogue';
import type { AgencyKind, CasePhase } from '../domain/enums';
import { agencyLabels, caseStatusLabels, phaseLabels, reportPunctuation as p, taskKindLabels, webUiLabels as w } from '../domain/labels';
import type { CaseView } from './caseMessages';

/**
 * What a coordinator reads in the Temporal Web UI: a summary on every activity and timer of a
 * case's timeline, and the case's current details, with every time in campaign time. Summaries are
 * user metadata, not commands, so recorded histories replay unchanged. The worker registers this
 * module as a workflow interceptor (worker/bundlePath.ts); activity summaries are derived here
 * from the activity's arguments so that no call site has to name them.
 */

type Args<K extends keyof Activities> = Parameters<Activities[K]>[0];

/** Inverse of taskKey (domain/case/taskKeys.ts): `case/<campaign>/<province>/<code>/<kind>/<agency>/<purpose…>`. */
function taskOfKey(key: string): { kind: string; agencyKind: AgencyKind } | undefined {
  const [, , , , kind, agencyKind] = key.split('/');
  return kind && agencyKind && agencyKind in agencyLabels ? { kind, agencyKind: agencyKind as AgencyKind } : undefined;
}

function taskName(task: { kind: string; agencyKind: AgencyKind } | undefined): string {
  if (!task) return '';
  const kind = taskKindLabels[task.kind as keyof typeof taskKindLabels]?.zh ?? task.kind;
  return `${agencyLabels[task.agencyKind].zh}·${kind}`;
}

function recipients(to: readonly string[]): string {
  return to.length > 1 ? `${to[0]} ${w.recipientsMore.zh}${to.length}${w.persons.zh}` : (to[0] ?? '');
}

function emailSummary({ key, to }: Args<'sendEmail'>): string {
  if (key.startsWith('report/')) return `${w.reportEmail.zh} → ${recipients(to)} / ${w.reportEmail.en}`;
  const step = key.slice(key.lastIndexOf('/') + 1);
  const task = taskName(taskOfKey(key));
  if (step === 'referral') return `${w.referralEmail.zh}${p.colon}${task} → ${recipients(to)} / ${w.referralEmail.en}`;
  const label = step in escalationSteps ? escalationSteps[step as EscalationStep].label : undefined;
  return `${w.sendEmail.zh}${p.bracketOpen}${label?.zh ?? step}${p.bracketClose}${task} → ${recipients(to)} / ${label?.en ?? w.sendEmail.en}`;
}

const summarisers: { [K in keyof Activities]: (args: Args<K>, clock: CampaignTimeBase | undefined) => string } = {
  createTask: (t, clock) => `${w.createTask.zh}${p.colon}${taskName(t)}${p.comma}${w.due.zh} ${campaignDueDay(clock, t.dueAt)} / ${w.createTask.en}, ${w.due.en} ${campaignDueDay(clock, t.dueAt)}`,
  // The actor's mailbox name is enough to say whose completion it was in a bar's 100 characters.
  recordTaskCompletion: (c, clock) =>
    `${w.recordTaskCompletion.zh}${p.colon}${taskName(taskOfKey(c.taskKey))}${p.open}${c.actor.split('@')[0]}${p.comma}${campaignDay(clock, c.completedAt)}${p.close}` +
    `${c.findings.length ? `${w.findings.zh} ${c.findings.length} ${w.items.zh}` : ''} / ${w.recordTaskCompletion.en}`,
  cancelTask: (key) => `${w.cancelTask.zh}${p.colon}${taskName(taskOfKey(key))} / ${w.cancelTask.en}`,
  sendEmail: (email) => emailSummary(email),
  contactsFor: (q) => `${w.contactsFor.zh}${p.colon}${q.province}${agencyLabels[q.agencyKind].zh} / ${w.contactsFor.en}`,
  runRuleChecks: (q) => `${w.runRuleChecks.zh}${p.colon}${q.enterpriseCode}${p.comma}${w.reviewWindow.zh} ${q.window.from}${p.range}${q.window.to} / ${w.runRuleChecks.en}`,
  generatePhaseReports: (r) => `${w.generatePhaseReports.zh}${p.colon}${r.province}${phaseLabels[r.boundary].zh} / ${w.generatePhaseReports.en}`,
  recordTip: (tip) => `${w.recordTip.zh}${p.colon}${tip.source} / ${w.recordTip.en}`,
  traceExport: (q) => `${w.traceExport.zh}${p.colon}${q.exporterCode}${p.comma}${w.reviewWindow.zh} ${q.window.from}${p.range}${q.window.to} / ${w.traceExport.en}`,
  reportReferral: (r) => `${w.reportReferral.zh}${p.colon}${r.counterpart.name} / ${w.reportReferral.en}`,
  routeReferral: (r) => `${w.routeReferral.zh}${p.colon}${r.toProvince} / ${w.routeReferral.en}`,
  closeReferral: () => `${w.closeReferral.zh} / ${w.closeReferral.en}`,
  coordinatorContacts: (q) => `${w.coordinatorContacts.zh}${p.colon}${q.province ?? agencyLabels.miit.zh} / ${w.coordinatorContacts.en}`,
  recordTipOutcome: (t) => `${w.recordTipOutcome.zh}${p.colon}${t.outcome.action} / ${w.recordTipOutcome.en}`,
  closeProvinceCampaign: (q) => `${w.closeProvinceCampaign.zh}${p.colon}${q.province} / ${w.closeProvinceCampaign.en}`,
  typicalCaseWarning: (q) => `${w.typicalCaseWarning.zh}${p.colon}${q.province} / ${w.typicalCaseWarning.en}`,
  acceptReferral: (r) => `${w.acceptReferral.zh}${p.colon}${r.result.enterpriseCode} / ${w.acceptReferral.en}`,
  referralStanding: (id) => `${w.referralStanding.zh}${p.colon}${id} / ${w.referralStanding.en}`,
};

/** The summary of an activity, from its type and arguments; its type alone when it is not one of ours. */
export function activitySummary(activityType: string, args: readonly unknown[], clock: CampaignTimeBase | undefined): string {
  const summarise = summarisers[activityType as keyof Activities] as ((args: unknown, clock: CampaignTimeBase | undefined) => string) | undefined;
  return summarise ? summarise(args[0], clock) : activityType;
}

/** A timer no call site named: what it waits for is its deadline, in campaign time. */
export function deadlineSummary(clock: CampaignTimeBase | undefined, deadlineMs: number): string {
  return `${w.waitUntil.zh} ${campaignDateTime(clock, deadlineMs)}${p.open}${w.campaignTime.zh}${p.close}/ ${w.waitUntil.en} (${w.campaignTime.en})`;
}

/** The timer before a step of a task's escalation ladder. */
export function escalationWaitSummary(clock: CampaignTimeBase | undefined, task: { kind: string; agencyKind: AgencyKind }, step: EscalationStep, at: string): string {
  const label = escalationSteps[step].label;
  return `${w.waitUntil.zh} ${campaignDateTime(clock, at)}${p.bracketOpen}${label.zh}${p.bracketClose}${taskName(task)} / ${label.en}`;
}

/** The campaign's timer to the end of a phase: 24:00 on the phase's last day, as the calendar gives it. */
export function phaseEndWaitSummary(clock: CampaignTimeBase | undefined, phase: Exclude<CasePhase, 'closed'>, endsAt: string): string {
  const label = phaseLabels[phase];
  return `${w.waitUntil.zh} ${campaignDueDay(clock, endsAt)} 24:00${p.colon}${label.zh}${w.phaseEnd.zh} / ${label.en} ${w.phaseEnd.en}`;
}

/** The campaign's timer to its warning of a province with no typical case, a month before the end. */
export function typicalCaseWaitSummary(clock: CampaignTimeBase | undefined, atMs: number): string {
  return `${w.waitUntil.zh} ${campaignDateTime(clock, atMs)}${p.colon}${w.typicalCaseWait.zh} / ${w.typicalCaseWait.en}`;
}

/** The case's current details: its phase and standing, the campaign date, the open tasks with their due dates. */
export function caseDetails(view: CaseView, options: { clock: CampaignTimeBase | undefined; nowMs: number; phaseEndsAt?: string }): string {
  const { clock, nowMs, phaseEndsAt } = options;
  const phase = phaseLabels[view.phase];
  const status = caseStatusLabels[view.status];
  const open = view.tasks.filter((t) => t.status === 'open');
  const overdue = open.filter((t) => t.overdue).length;
  const phaseEnd = phaseEndsAt && view.phase !== 'closed' ? ` · ${w.phaseEndsOn.zh} ${w.phaseEndsOn.en} ${campaignDueDay(clock, phaseEndsAt)}` : '';
  return [
    `**${phase.zh} ${phase.en}** · ${status.zh} ${status.en}${view.supervised ? ` · ${w.supervised.zh} ${w.supervised.en}` : ''}`,
    `${w.campaignDate.zh} ${w.campaignDate.en}: ${campaignDateTime(clock, nowMs)}${p.open}${w.asOfLastChange.zh} ${w.asOfLastChange.en}${p.close}${phaseEnd}`,
    `${w.openTasks.zh} ${w.openTasks.en}: ${open.length}${p.open}${w.overdue.zh} ${overdue}${p.close}`,
    ...open.map((t) => `- ${t.title} — ${w.due.zh} ${w.due.en} ${campaignDueDay(clock, t.dueAt)}${t.overdue ? ` **${w.overdue.zh} ${w.overdue.en}**` : ''}`),
  ].join('\n');
}

/** Case and campaign inputs carry the campaign's clock; a workflow without one reads wall time. */
function clockOf(input: unknown): CampaignTimeBase | undefined {
  return (input as { clock?: CampaignTimeBase } | undefined)?.clock;
}

export const interceptors: WorkflowInterceptorsFactory = () => {
  let clock: CampaignTimeBase | undefined;
  const outbound: WorkflowOutboundCallsInterceptor = {
    scheduleActivity(input: ActivityInput, next: Next<WorkflowOutboundCallsInterceptor, 'scheduleActivity'>) {
      if (input.options.summary) return next(input);
      return next({ ...input, options: { ...input.options, summary: activitySummary(input.activityType, input.args, clock) } });
    },
    startTimer(input: TimerInput, next: Next<WorkflowOutboundCallsInterceptor, 'startTimer'>) {
      if (input.options?.summary) return next(input);
      return next({ ...input, options: { ...input.options, summary: deadlineSummary(clock, new Date().getTime() + input.durationMs) } });
    },
  };
  return {
    inbound: [
      {
        execute(input, next) {
          clock = clockOf(input.args[0]);
          return next(input);
        },
      },
    ],
    outbound: [outbound],
  };
};
