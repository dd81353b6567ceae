import { z } from 'zod';
import { ProvinceName } from './provinces';
import { text } from './text';

/** 统一社会信用代码: 18 characters from the national standard's alphabet (no I, O, S, V, Z). */
export const UnifiedSocialCreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'must be an 18-character unified social credit code (统一社会信用代码)');

/** A tip-off (举报线索) as staff submit it. */
export const TipSubmission = z.object({
  source: text(200),
  text: text(10_000),
  enterpriseCode: UnifiedSocialCreditCode.optional(),
  province: ProvinceName.optional(),
  receivedAt: z.iso.datetime({ offset: true }),
});
export type TipSubmission = z.infer<typeof TipSubmission>;

/** A tip as the intake workflow records it: the submission plus its id and who submitted it. */
export const Tip = TipSubmission.extend({
  id: z.string().min(1).max(100),
  recordedBy: z.string().min(1).max(200),
});
export type Tip = z.infer<typeof Tip>;

export function tipWorkflowId(tipId: string): string {
  return `tip/${tipId}`;
}
