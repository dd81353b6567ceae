import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ReviewWindow } from '../domain/campaign';
import type { CampaignTimeBase, PhaseEnds } from '../domain/campaignClock';
import type { AgencyKind, CasePhase, EnterpriseType } from '../domain/enums';
import type { TimelineDetail } from '../domain/case/timeline';
import type { TraceNotice } from '../domain/case/traceTasks';
import type { RuleResult } from '../domain/rules';

/**
 * The messages of an enterprise case: what the campaign workflow and the API send it, and what it
 * answers. Kept apart from the workflow so the API imports definitions, not workflow code.
 */

export interface CaseTiming {
  /** How long an agency has for a task, in wall-clock ms (already scaled for demos). */
  taskDueMs: number;
  /** Reminder to the assignee this long before the due time. */
  reminderBeforeMs: number;
  /** After the due time, how long before discipline inspection is told. */
  graceAfterDueMs: number;
  /**
   * One day of the deadlines Order 310 counts in days (a transfer to public security), in
   * wall-clock ms. Absent: a day of the campaign's clock (transferMessages.ts, transferTiming).
   */
  dayMs?: number;
}

export interface CaseInput {
  campaignId: string;
  province: string;
  enterprise: { code: string; name: string; types: EnterpriseType[] };
  reviewWindow: ReviewWindow;
  timing: CaseTiming;
  /** The campaign's calendar: no task is due past its phase's end. Absent in cases started before. */
  phaseEnds?: PhaseEnds;
  supervised?: boolean;
  /** Campaign time for what people read; absent in cases started before campaigns carried it. */
  clock?: CampaignTimeBase;
}

export type TaskStatus = 'open' | 'completed' | 'cancelled';

export interface CaseTask {
  key: string;
  kind: string;
  agencyKind: AgencyKind;
  phase: CasePhase;
  title: string;
  createdAt: string;
  dueAt: string;
  status: TaskStatus;
  overdue: boolean;
  completedBy?: string;
  completedAt?: string;
  completion?: unknown;
  escalations: string[];
}

export interface TimelineEntry {
  at: string;
  kind:
    | 'caseOpened'
    | 'rulesChecked'
    | 'taskCreated'
    | 'taskCompleted'
    | 'taskCancelled'
    | 'completionNotRecorded'
    | 'finding'
    | 'disposition'
    | 'escalation'
    | 'phaseChanged'
    | 'reportsSubmitted'
    | 'supervised'
    | 'referral'
    | 'traced'
    | 'transferOpened'
    | 'transferEnded';
  actor: string;
  summary: string;
  taskKey?: string;
  detail?: TimelineDetail;
}

export interface CaseView {
  campaignId: string;
  province: string;
  enterprise: CaseInput['enterprise'];
  phase: CasePhase;
  status: 'open' | 'closed' | 'overdue';
  supervised: boolean;
  ruleFindings: RuleResult['findings'];
  tasks: CaseTask[];
  timeline: TimelineEntry[];
}

export interface CompleteTaskRequest {
  taskKey: string;
  actor: string;
  completion: unknown;
}

export interface CompleteTaskResult {
  taskKey: string;
  completedAt: string;
  completedBy: string;
}

/** `reportsSubmitted`: the titles of the reports the province sent MIIT at the end of the phase before. */
export const phaseChangedSignal = defineSignal<[{ phase: CasePhase; endsAt?: string; reportsSubmitted?: string[] }]>('phaseChanged');
export const superviseSignal = defineSignal<[{ by: string; inspectionId?: string }]>('supervise');
/** From an exporter's trace workflow to every case on the chain, the exporter's own included. */
export const traceNoticeSignal = defineSignal<[TraceNotice]>('traceNotice');
export const completeTaskUpdate = defineUpdate<CompleteTaskResult, [CompleteTaskRequest]>('completeTask');
export interface CancelTaskRequest {
  taskKey: string;
  actor: string;
  reason: string;
}

export interface CancelTaskResult {
  taskKey: string;
  cancelledAt: string;
  cancelledBy: string;
}

export const cancelTaskUpdate = defineUpdate<CancelTaskResult, [CancelTaskRequest]>('cancelTask');
export const caseViewQuery = defineQuery<CaseView>('caseView');
