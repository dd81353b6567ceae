import { z } from 'zod';
import { ReferralAcceptance, ReferralRouting, ReferralSubmission } from '../../../domain/referral';
import { TipSubmission, TipTriage } from '../../../domain/tip';
import type { Enterprise } from '../../../domain/campaign/enterprise';
import type { ActingAgency, EnterpriseType } from '../../../domain/enums';

/**
 * The coordinators' decision forms as flat fields, and the API's bodies they make: each body is
 * checked by the shared domain's schema, so an issue's path is the API's, and names the field.
 */

/** Annex 2's basic block as typed, its types picked one by one; its code comes from the decision. */
export type RegistrationInput = Omit<Enterprise, 'code' | 'types'> & { types: EnterpriseType[] };

export const emptyRegistration = (province: string | undefined): RegistrationInput => ({
  name: '',
  address: '',
  legalRepresentative: '',
  phone: '',
  contact: '',
  contactTitle: '',
  mobile: '',
  province: province ?? '',
  types: [],
});

const blankToUndefined = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value);

function registration(registering: boolean, register: RegistrationInput, code: string) {
  return registering ? { ...register, code } : undefined;
}

export interface ReferralRoutingInput {
  decision: 'route' | 'close';
  toProvince: string | undefined;
  reason: string;
}

export const ReferralRoutingForm = z.preprocess(
  (v: ReferralRoutingInput) => (v.decision === 'route' ? { decision: 'route', toProvince: v.toProvince } : { decision: 'close', reason: v.reason }),
  ReferralRouting,
);

export interface ReferralAcceptanceInput {
  action: 'verifyInCase' | 'addToCampaign';
  enterpriseCode: string;
  agencyKind: ActingAgency | undefined;
  registering: boolean;
  register: RegistrationInput;
}

export const ReferralAcceptanceForm = z.preprocess(
  (v: ReferralAcceptanceInput) =>
    v.action === 'verifyInCase'
      ? { action: 'verifyInCase', enterpriseCode: v.enterpriseCode, agencyKind: v.agencyKind }
      : { action: 'addToCampaign', enterpriseCode: v.enterpriseCode, register: registration(v.registering, v.register, v.enterpriseCode) },
  ReferralAcceptance,
);

export interface ReferralReportInput {
  toProvince: string | undefined;
  counterpart: { name: string; code: string };
  facts: string;
}

/** What a referral reported from a task carries besides the form: the task's campaign and province, and where it came from. */
export interface ReferralOrigin {
  campaignId: string;
  fromProvince: string;
  evidence: { caseId: string; taskKey: string };
}

export const referralReportForm = (origin: ReferralOrigin) =>
  z.preprocess(
    (v: ReferralReportInput) => ({
      ...origin,
      toProvince: v.toProvince,
      counterpart: { name: v.counterpart.name, code: blankToUndefined(v.counterpart.code) },
      facts: v.facts,
      source: 'agency',
    }),
    ReferralSubmission,
  );

const REPORT_FIELDS = new Set(['toProvince', 'counterpart.name', 'counterpart.code', 'facts']);

/** The report's own fields take their issues; one about what the task supplied is the whole form's. */
export const fieldOfReportIssue = (path: string): string => (REPORT_FIELDS.has(path) ? path : 'root');

export interface TipTriageInput {
  action: TipTriage['action'];
  campaignId: string;
  enterpriseCode: string;
  agencyKind: ActingAgency | undefined;
  toProvince: string | undefined;
  counterpart: { name: string; code: string };
  reason: string;
  registering: boolean;
  register: RegistrationInput;
}

export const TipTriageForm = z.preprocess((v: TipTriageInput) => {
  switch (v.action) {
    case 'linkToCase':
      return { action: v.action, campaignId: v.campaignId, enterpriseCode: v.enterpriseCode, agencyKind: v.agencyKind };
    case 'addToCampaign':
      return { action: v.action, campaignId: v.campaignId, enterpriseCode: v.enterpriseCode, register: registration(v.registering, v.register, v.enterpriseCode) };
    case 'refer':
      return { action: v.action, campaignId: v.campaignId, toProvince: v.toProvince, counterpart: { name: v.counterpart.name, code: blankToUndefined(v.counterpart.code) } };
    case 'close':
      return { action: v.action, reason: v.reason };
  }
}, TipTriage);

export interface TipSubmissionInput {
  source: string;
  text: string;
  enterpriseCode: string;
  province: string | undefined;
  /** The instant it was received, with its offset, as dayjs writes it (2014-10-12T09:30:00+08:00). */
  receivedAt: string;
}

export const TipSubmissionForm = z.preprocess(
  (v: TipSubmissionInput) => ({ source: v.source, text: v.text, enterpriseCode: blankToUndefined(v.enterpriseCode), province: v.province, receivedAt: v.receivedAt }),
  TipSubmission,
);

/** The field an issue of the API names: its path, except the registered code, which is the enterprise's. */
export function fieldOfDecisionIssue(path: string): string {
  return path === 'register.code' ? 'enterpriseCode' : path || 'root';
}
