import { z } from 'zod';
import { caseTeamMinimum, requiredTransferMaterials, transferMaterials, type TransferStep } from '../catalogue';
import { text } from '../text';

/**
 * What each step of a transfer to public security (domain/catalogue/transfer.ts, Order 310) asks
 * its task to state. The API checks a completion against its step's schema before it is sent; the
 * transfer workflow parses it again with the same one.
 */

/** Article 5: the case team's written report, by two officials or more. */
export const TransferReportCompletion = z.object({
  caseTeam: z.array(text(100)).min(caseTeamMinimum, { error: `the case team is ${caseTeamMinimum} officials or more` }).max(20),
  facts: text(8_000),
  note: text(4_000).optional(),
});

/** Article 5: the head approves, or refuses with the reasons on record. */
export const TransferApprovalCompletion = z.discriminatedUnion('approved', [
  z.object({ approved: z.literal(true), note: text(4_000).optional() }),
  z.object({ approved: z.literal(false), reasons: text(4_000) }),
]);

const Material = z.object({ kind: z.enum(transferMaterials), title: text(500) });

/** Article 6: the transfer letter (移送书) and the materials handed over, as public security received them (the shape alone). */
const TransferDeliveryShape = z.object({
  transferLetterNo: text(100),
  materials: z.array(Material).min(1).max(100),
  receivedBy: text(200),
  note: text(4_000).optional(),
});

/** The materials article 6 always requires: a rule JSON Schema cannot state, so the API answers 422 for it, not 400. */
export const TransferDeliveryCompletion = TransferDeliveryShape.superRefine((delivery, ctx) => {
    for (const kind of requiredTransferMaterials) {
      if (!delivery.materials.some((m) => m.kind === kind)) ctx.addIssue({ code: 'custom', path: ['materials'], message: `article 6 requires the material ${kind}` });
    }
  });

/** Articles 8 and 9: public security opens a criminal case (立案) or declines with its reasons in writing. */
export const CaseDecisionCompletion = z.discriminatedUnion('opened', [
  z.object({ opened: z.literal(true), caseNo: text(100), note: text(4_000).optional() }),
  z.object({ opened: z.literal(false), reasons: text(4_000) }),
]);

/** Article 9: the agency may ask for reconsideration, stating its grounds. */
export const ReconsiderationRequestCompletion = z.discriminatedUnion('requested', [
  z.object({ requested: z.literal(true), grounds: text(4_000) }),
  z.object({ requested: z.literal(false), note: text(4_000).optional() }),
]);

export const transferCompletions = {
  transferReport: TransferReportCompletion,
  transferApproval: TransferApprovalCompletion,
  transferDelivery: TransferDeliveryCompletion,
  transferDecision: CaseDecisionCompletion,
  reconsiderationRequest: ReconsiderationRequestCompletion,
  reconsiderationDecision: CaseDecisionCompletion,
} as const satisfies Record<TransferStep, z.ZodType>;

/** The request body's shapes (api/tasks.ts): what JSON Schema can state of each step. */
export const transferCompletionShapes = { ...transferCompletions, transferDelivery: TransferDeliveryShape };

export type TransferCompletion = { [S in TransferStep]: { kind: S; value: z.infer<(typeof transferCompletions)[S]> } }[TransferStep];

export function isTransferStep(kind: string): kind is TransferStep {
  return Object.hasOwn(transferCompletions, kind);
}
