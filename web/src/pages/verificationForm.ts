import { z } from 'zod';
import { VerificationCompletion } from '../../../domain/case/completions';
import { ViolationCode } from '../../../domain/catalogue';
import { officialAmount } from './completionForms';

/**
 * The verification form as officials fill it in: amounts in 元 and tonnes, as text, converted
 * exactly (through decimal strings, never floats) to the fen and kg the API stores, then held to
 * the API's own schema, so the form refuses exactly what the API refuses.
 */
export const VerificationForm = z
  .object({
    findings: z.array(
      z.object({
        violation: ViolationCode,
        illegalGainsYuan: officialAmount('illegalGainsFen'),
        unpaidTaxYuan: officialAmount('unpaidTaxFen'),
        tonnes: officialAmount('tonnesKg'),
        note: z.string(),
      }),
    ),
    suspectedCrime: z.boolean(),
    note: z.string(),
  })
  .transform((form) => ({
    findings: form.findings.map((f) => ({
      violation: f.violation,
      amounts: {
        ...(f.illegalGainsYuan !== undefined ? { illegalGainsFen: f.illegalGainsYuan } : {}),
        ...(f.unpaidTaxYuan !== undefined ? { unpaidTaxFen: f.unpaidTaxYuan } : {}),
        ...(f.tonnes !== undefined ? { tonnesKg: f.tonnes } : {}),
      },
      ...(f.note.trim() ? { note: f.note.trim() } : {}),
    })),
    suspectedCrime: form.suspectedCrime,
    ...(form.note.trim() ? { note: form.note.trim() } : {}),
  }))
  // Held to the API's schema; its issues are put back on the form's fields (fen → the 元 field).
  .transform((completion, ctx) => {
    const result = VerificationCompletion.safeParse(completion);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: formFieldOf(issue.path.join('.')).split('.') });
    return z.NEVER;
  });

export type VerificationFormInput = z.input<typeof VerificationForm>;

const FIELD_OF_AMOUNT: Record<string, string> = { illegalGainsFen: 'illegalGainsYuan', unpaidTaxFen: 'unpaidTaxYuan', tonnesKg: 'tonnes' };

/** The form field an issue of the API's completion names ("completion.findings.0.amounts.illegalGainsFen"). */
export function formFieldOf(path: string): string {
  const parts = path.replace(/^completion\.?/, '').split('.');
  if (parts[0] === 'findings' && parts[2] === 'amounts' && parts[3]) return `findings.${parts[1]}.${FIELD_OF_AMOUNT[parts[3]] ?? parts[3]}`;
  return parts.join('.') || 'root';
}
