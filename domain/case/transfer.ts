import { z } from 'zod';
import { transferOutcomes, transferStepAgency, transferSteps, type TransferStep } from '../catalogue';
import type { ActingAgency } from '../enums';
import { agencyLabels, bilingual, reportPunctuation as p, taskKindLabels, transferLabels } from '../labels';
import { taskKey } from './taskKeys';
import type { TransferCompletion } from './transferCompletions';

/**
 * The transfer of a suspected crime (Order 310, domain/catalogue/transfer.ts) as work: the task of
 * each step, what a step's completion leads to, and the measure's row annex 4 reads its outcome from.
 */

/** What the transfer's disposition row keeps beside the transfer letter's number (result.transfer). */
export const TransferResult = z.object({
  outcome: z.enum(transferOutcomes),
  caseNo: z.string().optional(),
  reasons: z.string().optional(),
});
export type TransferResult = z.infer<typeof TransferResult>;

/** The transfer workflow of the agency that found the crime: one per agency and case. */
export function transferWorkflowId(caseId: string, finder: ActingAgency): string {
  return `${caseId}/transfer/${finder}`;
}

export interface TransferStepSpec {
  kind: TransferStep;
  agencyKind: ActingAgency;
  purpose: string;
  title: string;
}

/** Keyed like the case's own tasks (taskKey), so the Web UI's summaries name the agency and step. */
export function transferStepSpec(step: TransferStep, finder: ActingAgency): TransferStepSpec {
  const { article } = transferSteps[step];
  const cited = transferLabels.article(article);
  const title = `${bilingual(taskKindLabels[step])}${p.open}${transferLabels.order.zh}${cited.zh} ${transferLabels.order.en}, ${cited.en}${p.close}${p.list}${bilingual(transferLabels.finder)}: ${agencyLabels[finder].zh}`;
  return { kind: step, agencyKind: transferStepAgency(step, finder), purpose: `transfer-${finder}`, title };
}

export function transferTaskKey(caseId: string, step: TransferStep, finder: ActingAgency): string {
  return taskKey(caseId, transferStepSpec(step, finder));
}

/** The step after a completion (none: the procedure has ended), and where the transfer now stands if that changed. */
export function afterTransferStep(c: TransferCompletion): { next?: TransferStep; result?: TransferResult; transferLetterNo?: string } {
  switch (c.kind) {
    case 'transferReport':
      return { next: 'transferApproval' };
    case 'transferApproval':
      return c.value.approved ? { next: 'transferDelivery' } : { result: { outcome: 'notApproved', reasons: c.value.reasons } };
    case 'transferDelivery':
      return { next: 'transferDecision', result: { outcome: 'transferred' }, transferLetterNo: c.value.transferLetterNo };
    case 'transferDecision':
      return c.value.opened ? { result: { outcome: 'caseOpened', caseNo: c.value.caseNo } } : { next: 'reconsiderationRequest', result: { outcome: 'notOpened', reasons: c.value.reasons } };
    case 'reconsiderationRequest':
      return c.value.requested ? { next: 'reconsiderationDecision' } : {};
    case 'reconsiderationDecision':
      return c.value.opened
        ? { result: { outcome: 'caseOpenedOnReconsideration', caseNo: c.value.caseNo } }
        : { result: { outcome: 'notOpenedOnReconsideration', reasons: c.value.reasons } };
  }
}

/**
 * The transferToPublicSecurity measure's row: carried out (done) once the case is handed over, so
 * the summary counts it as a transfer; not approved, it stays unfinished with the head's reasons.
 */
export function transferDisposition(transferId: string, finder: ActingAgency, dueDate: string, result: TransferResult, transferLetterNo: string | undefined) {
  return {
    id: transferId,
    disposition: 'transferToPublicSecurity',
    agencyKind: finder,
    dueDate,
    status: result.outcome === 'notApproved' ? 'unfinished' : 'done',
    result: { ...(transferLetterNo === undefined ? {} : { documentNo: transferLetterNo }), transfer: result },
    unfinishedReason: result.outcome === 'notApproved' ? result.reasons : undefined,
  };
}
