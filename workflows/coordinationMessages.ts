import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CampaignTimeBase } from '../domain/campaignClock';
import type { ActingAgency } from '../domain/enums';
import type { ReferralAcceptance, ReferralReport, ReferralResult, ReferralRouting, ReferralState } from '../domain/referral';
import type { TraceNotice } from '../domain/case/traceTasks';
import type { Tip, TipOutcome } from '../domain/tip';
import type { CaseTiming } from './caseMessages';

/**
 * Messages of the coordinators' workflows (cross-province referrals, tip triage) and the one they
 * send a case: kept apart from the workflows so the API imports definitions, not workflow code.
 */

/** A step a coordinator must take, with the escalation ladder of any task. */
export interface CoordinationStep {
  key: string;
  /** The coordinator's province; null for MIIT. */
  province: string | null;
  title: string;
  createdAt: string;
  dueAt: string;
  done: boolean;
  overdue: boolean;
  escalations: string[];
}

export interface ReferralInput {
  report: ReferralReport;
  timing: CaseTiming;
  clock?: CampaignTimeBase;
}


export interface ReferralView {
  id: string;
  state: ReferralState;
  fromProvince: string;
  toProvince?: string;
  closedReason?: string;
  result?: ReferralResult;
  steps: CoordinationStep[];
}

/** What the API resolved before asking: the case the referral goes into. */
export type ResolvedAcceptance = ReferralAcceptance & { caseId: string };

export const routeReferralUpdate = defineUpdate<ReferralView, [{ routing: ReferralRouting; by: string }]>('routeReferral');
export const acceptReferralUpdate = defineUpdate<ReferralView, [{ acceptance: ResolvedAcceptance; by: string }]>('acceptReferral');
export const referralViewQuery = defineQuery<ReferralView>('referralView');
/** A trace run again tells a link's referral still under way what the link now has to answer for. */
export const referredTraceSignal = defineSignal<[TraceNotice]>('referredTrace');

export interface TipTriageInput {
  tip: Tip;
  timing: CaseTiming;
}

export interface TipTriageView {
  tipId: string;
  outcome?: TipOutcome;
  step: CoordinationStep;
}

/** The API resolves the case a link goes to (`caseId`) before it asks. */
export const triageTipUpdate = defineUpdate<TipTriageView, [{ outcome: TipOutcome; by: string }]>('triageTip');
export const tipTriageQuery = defineQuery<TipTriageView>('tipTriage');

/** A verification a case is asked for from outside it: a referral accepted into it, a tip linked to it. */
export interface VerificationRequest {
  agencyKind: ActingAgency;
  /** Unique in the case: `referral/<id>`, `tip/<id>`; the task's key ends with it. */
  purpose: string;
  title: string;
  evidence: Record<string, unknown>;
}

export const requestVerificationSignal = defineSignal<[VerificationRequest]>('requestVerification');
