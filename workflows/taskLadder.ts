import { condition } from '@temporalio/workflow';
import type { CampaignTimeBase } from '../domain/campaignClock';
import * as work from '../domain/case';
import type { EnterpriseType } from '../domain/enums';
import { caseActivities as activities } from './caseActivities';
import type { CaseTask, CaseTiming, TimelineEntry } from './caseMessages';
import { escalationWaitSummary } from './summaries';

/** What a task's ladder needs of the workflow that issued it: the case's facts, its timeline, and how to say what happened. */
export interface LadderOwner {
  facts: { campaignId: string; province: string; enterprise: { code: string; name: string; types: readonly EnterpriseType[] }; clock?: CampaignTimeBase };
  timing: Pick<CaseTiming, 'reminderBeforeMs' | 'graceAfterDueMs'>;
  supervised: () => boolean;
  timeline: () => readonly TimelineEntry[];
  record: (entry: Omit<TimelineEntry, 'at'>) => void;
  publish: () => void;
}

/**
 * Runs the escalation ladder (domain/catalogue/escalation.ts) of one open task until it is done:
 * each step once, at its time, by email to the step's addressees. The case's tasks and a transfer's
 * steps climb the same ladder.
 */
export async function runLadder(owner: LadderOwner, task: CaseTask): Promise<void> {
  for (const step of work.escalationSchedule(task.createdAt, task.dueAt, owner.timing)) {
    // A task reopened after a failed completion resumes its ladder where it stopped.
    if (task.escalations.includes(step.step)) continue;
    const waitMs = Math.max(0, Date.parse(step.at) - new Date().getTime());
    if (await condition(() => task.status !== 'open', waitMs, { summary: escalationWaitSummary(owner.facts.clock, task, step.step, step.at) })) return;
    const contacts = await activities.contactsFor({ province: owner.facts.province, agencyKind: task.agencyKind });
    const recipients = work.recipientsOf(step.step, contacts, owner.supervised());
    if (step.step !== 'reminder') task.overdue = true;
    const sent = await activities.sendEmail({ key: `${task.key}/${step.step}`, ...recipients, ...work.escalationEmail(owner.facts, task, step.step, owner.timeline()) });
    task.escalations.push(step.step);
    // The activity may readdress a reminder to the task's assignee; results recorded before it said so name none.
    const to = sent?.to ?? recipients.to;
    owner.record({ kind: 'escalation', actor: 'system', summary: `${step.step}: ${to.join(', ')}`, taskKey: task.key, detail: { step: step.step, to } });
    owner.publish();
  }
}
