import { campaignDateTime, type CampaignTimeBase } from '../campaignClock';
import { escalationSteps, type Addressee, type EscalationStep } from '../catalogue';
import { keysOf, type AgencyKind, type EnterpriseType } from '../enums';
import { agencyLabels, bilingual, emailLabels as e, enterpriseTypeLabels, reportPunctuation as p } from '../labels';

/** The ladder of one task, from the catalogue's steps: a reminder only when there is time for it before the due time. */
export function escalationSchedule(createdAt: string, dueAt: string, timing: { reminderBeforeMs: number; graceAfterDueMs: number }) {
  const created = Date.parse(createdAt);
  const due = Date.parse(dueAt);
  const offset = { beforeDue: -timing.reminderBeforeMs, due: 0, afterGrace: timing.graceAfterDueMs };
  const steps: { step: EscalationStep; at: string }[] = [];
  for (const step of keysOf(escalationSteps)) {
    const when = escalationSteps[step].at;
    const at = due + offset[when];
    if (when === 'beforeDue' && at <= created) continue;
    steps.push({ step, at: new Date(at).toISOString() });
  }
  return steps;
}

export type Contacts = Record<Addressee, string[]> & { miit: string[] };

/** Supervised cases (挂牌督办) copy MIIT on every escalation. */
export function recipientsOf(step: EscalationStep, contacts: Contacts, supervised: boolean): { to: string[]; cc: string[] } {
  const { to, cc } = escalationSteps[step];
  return { to: contacts[to], cc: [...cc.flatMap((a) => contacts[a]), ...(supervised ? contacts.miit : [])] };
}

interface CaseFacts {
  campaignId: string;
  province: string;
  enterprise: { code: string; name: string; types: readonly EnterpriseType[] };
  clock?: CampaignTimeBase;
}

interface TaskFacts {
  key: string;
  agencyKind: AgencyKind;
  title: string;
}

/** A time as staff read it: campaign time in Beijing, with the system's own instant beside it on a fast clock. */
function campaignTimeText(clock: CampaignTimeBase | undefined, at: string): string {
  const time = campaignDateTime(clock, at);
  return clock?.daysPerSecond ? `${time}${p.open}${e.campaignTime.zh} ${e.campaignTime.en}${p.close}${p.list}${bilingual(e.systemTime)} ${at}` : `${time}${p.open}${e.beijingTime.zh} ${e.beijingTime.en}${p.close}`;
}

const line = (label: { zh: string; en: string }, value: string) => `${bilingual(label)}: ${value}`;

export function escalationEmail(c: CaseFacts, task: TaskFacts & { dueAt: string; createdAt: string }, step: EscalationStep, history: readonly { at: string; summary: string; taskKey?: string }[]) {
  const { label, request } = escalationSteps[step];
  return {
    subject: `${p.bracketOpen}${label.zh}${p.bracketClose}${c.enterprise.name} — ${task.title} / ${label.en}`,
    body: [
      `${label.zh} / ${label.en}`,
      '',
      line(e.campaign, c.campaignId),
      line(e.province, c.province),
      line(e.enterprise, `${c.enterprise.name}${p.open}${c.enterprise.code}${p.close}`),
      line(e.types, c.enterprise.types.map((t) => bilingual(enterpriseTypeLabels[t])).join(p.enumeration)),
      line(e.task, task.title),
      line(e.agency, bilingual(agencyLabels[task.agencyKind])),
      line(e.assigned, campaignTimeText(c.clock, task.createdAt)),
      line(e.due, campaignTimeText(c.clock, task.dueAt)),
      '',
      `${bilingual(e.history)}:`,
      ...history.filter((h) => h.taskKey === task.key).map((h) => `  ${campaignDateTime(c.clock, h.at)}  ${h.summary}`),
      '',
      `${request.zh} / ${request.en}`,
    ].join('\n'),
  };
}

export function referralEmail(c: CaseFacts, task: { title: string }, referral: { officials: string; facts: string }) {
  return {
    subject: `${p.bracketOpen}${e.referral.zh}${p.bracketClose}${c.enterprise.name}${p.colon}${e.referralSubject.zh} / ${e.referral.en}: ${e.referralSubject.en}`,
    body: [
      e.referralBody.zh,
      e.referralBody.en,
      '',
      line(e.province, c.province),
      line(e.enterprise, `${c.enterprise.name}${p.open}${c.enterprise.code}${p.close}`),
      line(e.task, task.title),
      line(e.officials, referral.officials),
      line(e.facts, referral.facts),
    ].join('\n'),
  };
}

/** A late coordinators' step (a referral's routing or acceptance, a tip's triage): the ladder's email without an enterprise's case. */
export function coordinationEscalationEmail(step: EscalationStep, task: { title: string; province: string | null; createdAt: string; dueAt: string }, clock?: CampaignTimeBase) {
  const { label, request } = escalationSteps[step];
  return {
    subject: `${p.bracketOpen}${label.zh}${p.bracketClose}${task.title} / ${label.en}`,
    body: [
      `${label.zh} / ${label.en}`,
      '',
      line(e.province, task.province ?? bilingual(agencyLabels.miit)),
      line(e.task, task.title),
      line(e.assigned, campaignTimeText(clock, task.createdAt)),
      line(e.due, campaignTimeText(clock, task.dueAt)),
      '',
      `${request.zh} / ${request.en}`,
    ].join('\n'),
  };
}
