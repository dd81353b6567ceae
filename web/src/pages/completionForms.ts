import { z } from 'zod';
import { IsoDate } from '../../../domain/campaign';
import { tryParseTonnes, tryParseYuan } from '../../../domain/campaign/quantity';
import { InvalidCompletion, parseCompletion } from '../../../domain/case/completions';
import { DispositionCode, measures, type DispositionAmount } from '../../../domain/catalogue';
import { ActingAgency } from '../../../domain/enums';
import type { Text } from '../locale';
import { officialUnits, taskUi } from '../taskLocale';

/**
 * The completion forms of the plan's later steps, as officials fill them in: amounts in 元 and
 * tonnes as text, dates as YYYY-MM-DD. Each schema turns its input into the completion the API
 * takes and then holds it to `parseCompletion`, the very check the API makes (api/tasks.ts), so the
 * form refuses exactly what the API refuses. A form field is named as its completion path, so an
 * issue of the server's answer ("completion.amounts.fineFen") finds its field unchanged.
 */

/** An amount typed in 元 (fen fields) or tonnes (kg fields), converted exactly through decimal strings. */
export function officialAmount(field: DispositionAmount | 'illegalGainsFen' | 'unpaidTaxFen') {
  const kg = field === 'tonnesKg';
  return z.string().transform((text, ctx) => {
    if (text.trim() === '') return undefined;
    const result = (kg ? tryParseTonnes : tryParseYuan)(text.trim());
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: (kg ? taskUi.notTonnes : taskUi.notYuan).zh });
    return z.NEVER;
  });
}

/** The catalogue's words for a field it requires, in the units the form asks for (元, 吨) rather than the stored fen and kg. */
export function inOfficialUnits(label: Text): Text {
  const swap = (lang: 'zh' | 'en') => officialUnits.reduce((words, [stored, official]) => words.replace(stored[lang], official[lang]), label[lang]);
  return { zh: swap('zh'), en: swap('en') };
}

/** Holds a completion to the API's check for its kind; its issues go back onto the form's fields. */
function checkedAs(kind: string, evidence?: unknown) {
  return <T>(completion: T, ctx: z.RefinementCtx): T => {
    try {
      parseCompletion(kind, completion, evidence);
    } catch (error) {
      if (!(error instanceof InvalidCompletion)) throw error;
      for (const issue of error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: fieldOfIssue(issue.path).split('.') });
      return z.NEVER;
    }
    return completion;
  };
}

const optionalText = (s: string) => (s.trim() ? s.trim() : undefined);
const filled = (message: Text) => z.string().refine((s) => s.trim() !== '', { message: message.zh });

export const HandlingPlanForm = z
  .object({
    annex2Verified: z.boolean(),
    dispositions: z.array(z.object({ disposition: DispositionCode, agencyKind: ActingAgency, dueDate: filled(taskUi.dueDateRequired).pipe(IsoDate), note: z.string() })),
    note: z.string(),
  })
  .transform((form) => ({
    annex2Verified: form.annex2Verified,
    dispositions: form.dispositions.map((d) => ({ disposition: d.disposition, agencyKind: d.agencyKind, dueDate: d.dueDate, ...(optionalText(d.note) ? { note: optionalText(d.note) } : {}) })),
    ...(optionalText(form.note) ? { note: optionalText(form.note) } : {}),
  }))
  .transform(checkedAs('handlingPlan'));
export type HandlingPlanFormInput = z.input<typeof HandlingPlanForm>;

/** The disposition form of one measure: its document number and exactly the fields the catalogue requires of it. */
export function dispositionForm(code: DispositionCode) {
  const required = measures[code].mustState;
  const amountFields = required.flatMap((r) => (r.field === 'rectificationDeadline' ? [] : [r.field]));
  return z
    .object({
      documentNo: filled(taskUi.documentNoRequired),
      amounts: z.object(Object.fromEntries(amountFields.map((f) => [f, officialAmount(f)]))),
      rectificationDeadline: z.string(),
      note: z.string(),
    })
    .transform((form) => ({
      documentNo: form.documentNo.trim(),
      amounts: Object.fromEntries(Object.entries(form.amounts).filter(([, v]) => v !== undefined)),
      ...(form.rectificationDeadline ? { rectificationDeadline: form.rectificationDeadline } : {}),
      ...(optionalText(form.note) ? { note: optionalText(form.note) } : {}),
    }))
    .transform(checkedAs('disposition', { disposition: code }));
}
export interface DispositionFormInput {
  documentNo: string;
  amounts: Partial<Record<DispositionAmount, string>>;
  rectificationDeadline: string;
  note: string;
}

export const AcceptanceForm = z
  .object({
    accepted: z.boolean(),
    note: z.string(),
    reason: z.string(),
    newCompletionDate: z.string(),
    dereliction: z.boolean(),
    officials: z.string(),
    facts: z.string(),
  })
  .transform((form) => {
    const derelictionOrCollusion = form.dereliction ? { derelictionOrCollusion: { officials: form.officials, facts: form.facts } } : {};
    return form.accepted
      ? { accepted: true as const, ...(optionalText(form.note) ? { note: optionalText(form.note) } : {}), ...derelictionOrCollusion }
      : { accepted: false as const, reason: form.reason, newCompletionDate: form.newCompletionDate, ...derelictionOrCollusion };
  })
  .transform(checkedAs('acceptance'));
export type AcceptanceFormInput = z.input<typeof AcceptanceForm>;

/** The form field an issue names: its completion path without "completion." (a dereliction's fields sit at the form's top). */
export function fieldOfIssue(path: string): string {
  return path.replace(/^completion\.?/, '').replace(/^derelictionOrCollusion\./, '') || 'root';
}

const CJK = /[\u3400-\u9fff]/;
/**
 * An issue as the form shows it, in Chinese first: the catalogue's messages are "zh / en" already;
 * a schema's bare English one (a date's pattern, a text's length) is introduced in Chinese.
 */
export function shownIssue(message: string, lang: 'zh' | 'en'): string {
  if (!CJK.test(message)) return lang === 'zh' ? `${taskUi.invalidValue.zh}${message}` : message;
  const [zh, en] = message.split(' / ');
  return lang === 'en' && en ? en : zh;
}
