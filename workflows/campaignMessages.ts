import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ReviewWindow } from '../domain/campaign';
import type { PhaseEnds } from '../domain/campaignClock';
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
  enterprises: CampaignEnterprise[];
}

export interface CampaignEvent {
  at: string;
  kind: 'phaseChanged' | 'reportDue' | 'enterpriseAdded' | 'supervised';
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
export const superviseCaseSignal = defineSignal<[{ enterpriseCode: string; by: string }]>('superviseCase');
export const progressQuery = defineQuery<CampaignProgress>('progress');
