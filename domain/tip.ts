import { z } from 'zod';
import { ActingAgency } from './enums';
import { ProvinceName } from './provinces';
import { StorableString } from './storable';
import { text } from './text';
import { UnifiedSocialCreditCode } from './campaign/creditCode';
import { Enterprise } from './campaign/enterprise';


export const EARLIEST_TIP = '2000-01-01T00:00:00Z';
/** How far past the server's clock a receipt time may lie: clocks of the people typing it differ. */
export const TIP_CLOCK_SKEW_MS = 24 * 3_600_000;

/** A tip received after `now` (give or take a day's clock skew) is a typing mistake. */
export function tipReceivedTooLate(receivedAt: string, now: Date): boolean {
  return Date.parse(receivedAt) > now.getTime() + TIP_CLOCK_SKEW_MS;
}

/** A tip-off (举报线索) as staff submit it. */
export const TipSubmission = z.object({
  source: text(200),
  text: text(10_000),
  enterpriseCode: UnifiedSocialCreditCode.optional(),
  province: ProvinceName.optional(),
  // Hotlines existed long before, but no tip of this campaign can predate 2000: a pattern on the
  // year, so the OpenAPI document states it too. The API also refuses one from the future (422,
  // see tipReceivedTooLate), which a static schema cannot know.
  receivedAt: z.iso.datetime({ offset: true, abort: true }).regex(/^2\d{3}-/, `须不早于 ${EARLIEST_TIP} / must not be before ${EARLIEST_TIP}`),
});
export type TipSubmission = z.infer<typeof TipSubmission>;

/** A tip as the intake workflow records it: the submission plus its id and who submitted it. */
export const Tip = TipSubmission.extend({
  id: StorableString.min(1).max(100),
  recordedBy: StorableString.min(1).max(200),
});
export type Tip = z.infer<typeof Tip>;

export function tipWorkflowId(tipId: string): string {
  return `tip/${tipId}`;
}

/**
 * An enterprise not on file yet, registered before it is added to a campaign: annex 2's basic
 * block, with nothing in its archive until the province imports it. One already on file stays as
 * the archive has it.
 */
export const Registration = Enterprise.describe('the enterprise to register when it is not on file (annex 2 basic block); its code is enterpriseCode and its province the one adding it');

/**
 * The coordinator's triage of a tip: link it to an enterprise on file (its case gets a
 * verification for the agency the tip concerns), add an enterprise to the campaign (registering it
 * first when it is not on file), refer it to another province (a cross-province referral), or
 * close it with a reason.
 */
export const TipTriage = z.discriminatedUnion('action', [
  z.object({ action: z.literal('linkToCase'), campaignId: text(100), enterpriseCode: UnifiedSocialCreditCode, agencyKind: ActingAgency }),
  z.object({ action: z.literal('addToCampaign'), campaignId: text(100), enterpriseCode: UnifiedSocialCreditCode, register: Registration.optional() }),
  z.object({ action: z.literal('refer'), campaignId: text(100), toProvince: ProvinceName.optional(), counterpart: z.object({ name: text(200), code: UnifiedSocialCreditCode.optional() }) }),
  z.object({ action: z.literal('close'), reason: text(2_000) }),
]);
export type TipTriage = z.infer<typeof TipTriage>;

/** A triage as carried out: with the case, task or referral it led to. */
export type TipOutcome = TipTriage & { caseId?: string; taskKey?: string; referralId?: string; decidedAt?: string; decidedBy?: string };
