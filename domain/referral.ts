import { z } from 'zod';
import { ActingAgency } from './enums';
import { ProvinceName } from './provinces';
import { StorableString } from './storable';
import { text } from './text';
import { UnifiedSocialCreditCode } from './campaign/creditCode';
import { Registration } from './tip';

/**
 * A cross-province referral (一.(三), 稀有金属部际协调机制): what a reporter (the rules, an
 * agency's completion, a tip's triage, an export trace) tells MIIT about a counterpart in another
 * province that bought or sold illegal ore.
 */
export const ReferralSource = z.enum(['rules', 'agency', 'tip', 'trace']);
export type ReferralSource = z.infer<typeof ReferralSource>;

export const ReferralSubmission = z.object({
  campaignId: text(100),
  /** The province whose finding it is. */
  fromProvince: ProvinceName,
  /** Where the reporter believes the counterpart is; MIIT decides where it goes. */
  toProvince: ProvinceName.optional(),
  counterpart: z.object({ name: text(200), code: UnifiedSocialCreditCode.optional() }),
  facts: text(4_000),
  evidence: z.record(z.string(), z.unknown()).default({}),
  source: ReferralSource.default('agency'),
});
export type ReferralSubmission = z.infer<typeof ReferralSubmission>;

/** A referral as its workflow records it: the submission with its id and reporter. */
export const ReferralReport = ReferralSubmission.extend({
  id: StorableString.min(1).max(200),
  reportedBy: StorableString.min(1).max(200),
});
export type ReferralReport = z.infer<typeof ReferralReport>;

/** MIIT's coordination decision: route to a province, or close with a reason. */
export const ReferralRouting = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('route'), toProvince: ProvinceName }),
  z.object({ decision: z.literal('close'), reason: text(2_000) }),
]);
export type ReferralRouting = z.infer<typeof ReferralRouting>;

/**
 * The receiving province's acceptance: a verification task in the counterpart's existing case, or
 * the enterprise added to the province's campaign, registered first when it is not on file.
 */
export const ReferralAcceptance = z.discriminatedUnion('action', [
  z.object({ action: z.literal('verifyInCase'), enterpriseCode: UnifiedSocialCreditCode, agencyKind: ActingAgency }),
  z.object({ action: z.literal('addToCampaign'), enterpriseCode: UnifiedSocialCreditCode, register: Registration.optional() }),
]);
export type ReferralAcceptance = z.infer<typeof ReferralAcceptance>;

/** What acceptance did, as both provinces and MIIT read it. */
export interface ReferralResult {
  action: ReferralAcceptance['action'];
  enterpriseCode: string;
  caseId: string;
  taskKey?: string;
}

export type ReferralState = 'reported' | 'routed' | 'accepted' | 'closed';

export interface ReferralStanding {
  state: ReferralState;
  /** The case it was accepted into. */
  caseId?: string;
}

/** One referral per link of one exporter's trace, however often the trace runs. */
export function traceReferralId(campaignId: string, exporterCode: string, linkCode: string): string {
  return `trace:${campaignId}:${exporterCode}:${linkCode}`;
}

export function referralWorkflowId(referralId: string): string {
  return `referral/${referralId}`;
}
