import { condition, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { quickActivity } from './activityOptions';
import type { CampaignTimeBase } from '../domain/campaignClock';
import * as work from '../domain/case';
import type { CaseTiming } from './caseMessages';
import type { CoordinationStep } from './coordinationMessages';

const activities = proxyActivities<Activities>(quickActivity);

/** A coordinators' step, due like any task: `taskDueMs` after it opens. */
export function openStep(key: string, province: string | null, title: string, timing: CaseTiming): CoordinationStep {
  const now = new Date().getTime();
  return { key, province, title, createdAt: new Date(now).toISOString(), dueAt: new Date(now + timing.taskDueMs).toISOString(), done: false, overdue: false, escalations: [] };
}

/**
 * The escalation ladder of a task (domain/catalogue/escalation.ts) run on a coordinators' step, as
 * enterpriseCase runs it on a case's task: each step's email once (keyed `<step key>/<ladder step>`),
 * until the step is done.
 */
export async function escalateStep(step: CoordinationStep, timing: CaseTiming, clock: CampaignTimeBase | undefined): Promise<void> {
  for (const rung of work.escalationSchedule(step.createdAt, step.dueAt, timing)) {
    const waitMs = Math.max(0, Date.parse(rung.at) - new Date().getTime());
    if (await condition(() => step.done, waitMs)) return;
    const contacts = await activities.coordinatorContacts({ province: step.province });
    const recipients = work.recipientsOf(rung.step, contacts, false);
    if (rung.step !== 'reminder') step.overdue = true;
    await activities.sendEmail({ key: `${step.key}/${rung.step}`, ...recipients, ...work.coordinationEscalationEmail(rung.step, step, clock) });
    step.escalations.push(rung.step);
  }
}
