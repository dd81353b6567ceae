import type { CampaignTimeBase } from '../domain/campaignClock';
import { campaignDaysToMs, timeScaleOf } from '../domain/campaignClock';
import type { TransferResult } from '../domain/case';
import type { ActingAgency, EnterpriseType } from '../domain/enums';
import type { CaseInput, CaseTask, CaseTiming, TimelineEntry } from './caseMessages';

/**
 * The transfer workflow's input and answer (criminalTransfer.ts). It takes staff completions
 * through the case's own messages (completeTaskUpdate, cancelTaskUpdate in caseMessages.ts): its
 * tasks name it as their case, so the task API reaches it as it reaches a case.
 */

export interface TransferTiming extends Pick<CaseTiming, 'taskDueMs' | 'reminderBeforeMs' | 'graceAfterDueMs'> {
  /** One day of Order 310's deadlines, in wall-clock ms. */
  dayMs: number;
}

export interface TransferInput {
  /** The case whose verification found the suspected crime. */
  caseId: string;
  campaignId: string;
  province: string;
  enterprise: { code: string; name: string; types: EnterpriseType[] };
  clock?: CampaignTimeBase;
  /** A supervised case (挂牌督办) copies MIIT on every escalation of its transfer too. */
  supervised: boolean;
  /** The agency whose verification found it: it reports, its head approves, it transfers. */
  finder: ActingAgency;
  timing: TransferTiming;
}

export interface TransferView {
  caseId: string;
  finder: ActingAgency;
  tasks: CaseTask[];
  timeline: TimelineEntry[];
  /** Where the transfer stands; absent until the first step that changes it, and on a withdrawn one. */
  result?: TransferResult;
}

/** Order 310's days on the case's clock: as the test or the campaign states them, else a day of campaign time. */
export function transferTiming(input: Pick<CaseInput, 'timing' | 'clock'>): TransferTiming {
  const { taskDueMs, reminderBeforeMs, graceAfterDueMs, dayMs } = input.timing;
  return { taskDueMs, reminderBeforeMs, graceAfterDueMs, dayMs: dayMs ?? campaignDaysToMs(1, timeScaleOf(input.clock)) };
}
