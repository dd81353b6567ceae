import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ReviewWindow } from '../domain/campaign';
import type { CampaignTimeBase, PhaseEnds } from '../domain/campaignClock';
import type { CasePhase, EnterpriseType } from '../domain/enums';
import type { CaseTiming } from './caseMessages';

export interface CampaignEnterprise {
  code: string;
  name: string;
  types: EnterpriseType[];
}

export interface CampaignInput {
  campaignId: string;
  province: string;
  phaseEnds: PhaseEnds;
  reviewWindow: ReviewWindow;
  timing: CaseTiming;
  /** Handed to every case; absent in campaigns started before it existed. */
  clock?: CampaignTimeBase;
  enterprises: CampaignEnterprise[];
  /** History length past which the campaign continues as new; 10,000 unless a test lowers it. */
  historyLimit?: number;
  /** Cases started, or signalled, at once; 100 unless a test lowers it. */
  batchSize?: number;
  /** What a previous run handed over when it continued as new. */
  resume?: CampaignState;
}

export interface CampaignState {
  phase: CasePhase;
  cases: [enterpriseCode: string, caseId: string][];
  supervised: string[];
  events: CampaignEvent[];
  /** A phase change the previous run had told only the cases before `from` of. */
  fanOut?: { from: number; reportsSubmitted?: string[] };
}

export interface CampaignEvent {
  at: string;
  kind: 'phaseChanged' | 'reportDue' | 'reportsSubmitted' | 'enterpriseAdded' | 'supervised' | 'typicalCaseWarning' | 'nationalRollupSent';
  summary: string;
}

export interface CampaignProgress {
  campaignId: string;
  province: string;
  phase: CasePhase;
  phaseEnds: PhaseEnds;
  cases: string[];
  supervised: string[];
  events: CampaignEvent[];
}

export const addEnterpriseUpdate = defineUpdate<{ caseId: string; added: boolean }, [CampaignEnterprise & { by: string }]>('addEnterprise');
/** `inspectionId`: the joint inspection (联合检查组) whose findings asked for it, when one did. */
export const superviseCaseSignal = defineSignal<[{ enterpriseCode: string; by: string; inspectionId?: string }]>('superviseCase');
export const progressQuery = defineQuery<CampaignProgress>('progress');
