import { z } from 'zod';
import { IsoDate } from '../campaign';
import { DispositionCode, ViolationCode, measures, type DispositionAmount, type DispositionField } from '../catalogue';
import { ActingAgency } from '../enums';
import { agencyLabels, completionMessages } from '../labels';
import { text } from '../text';
import type { MustState } from './taskKeys';
import { isTransferStep, transferCompletions, type TransferCompletion } from './transferCompletions';

/**
 * What agencies answer to their tasks: one schema per kind of task. The API (request bodies, the
 * OpenAPI document) and the case workflow's update use the same ones.
 *
 * Two ways in, on purpose:
 * - `parseCompletion` holds a new completion to everything asked today: the shape of its kind, a
 *   plan that names each measure once per agency, and, for a disposition, the fields the catalogue
 *   requires of its measure. The API calls it before it sends a completion, the workflow's update
 *   validator (which does not run on replay) before it takes one.
 * - `acceptedCompletion` normalises a completion the workflow has accepted by its kind's shape
 *   alone. The update handler uses it, because on replay it meets completions accepted before the
 *   catalogue required what it requires now, and must take them again as it took them then.
 */

const Fen = z.number().int().min(0).max(100_000_000_000_000);

export const VerificationCompletion = z.object({
  findings: z
    .array(
      z.object({
        violation: ViolationCode,
        amounts: z.object({ illegalGainsFen: Fen.optional(), unpaidTaxFen: Fen.optional(), tonnesKg: z.number().int().min(0).max(1_000_000_000).optional() }).strict().default({}),
        note: text(2_000).optional(),
      }),
    )
    .max(50),
  suspectedCrime: z.boolean().default(false),
  note: text(4_000).optional(),
});
export type VerificationCompletion = z.infer<typeof VerificationCompletion>;

export const HandlingPlan = z.object({
  annex2Verified: z.boolean(),
  dispositions: z.array(z.object({ disposition: DispositionCode, agencyKind: ActingAgency, dueDate: IsoDate, note: text(2_000).optional() })).max(30),
  note: text(4_000).optional(),
});
export type HandlingPlan = z.infer<typeof HandlingPlan>;

/** A new plan names each measure once per agency: the measure's task, its row and its acceptance are keyed by the two. */
const NewHandlingPlan = HandlingPlan.superRefine((plan, ctx) => {
  const seen = new Map<string, number>();
  plan.dispositions.forEach((d, i) => {
    const key = `${d.agencyKind}/${d.disposition}`;
    const first = seen.get(key);
    if (first === undefined) return void seen.set(key, i);
    const message = completionMessages.repeatedMeasure(measures[d.disposition].label, agencyLabels[d.agencyKind], d.agencyKind, first + 1);
    ctx.addIssue({ code: 'custom', path: ['dispositions', i], message: `${message.zh} / ${message.en}` });
  });
});

const dispositionAmounts = {
  confiscatedFen: Fen.optional(),
  fineFen: Fen.optional(),
  recoveredFen: Fen.optional(),
  lateFeeFen: Fen.optional(),
  compensationFeeFen: Fen.optional(),
  sewageFeeFen: Fen.optional(),
  tonnesKg: z.number().int().min(0).optional(),
} satisfies Record<DispositionAmount, z.ZodType>;

/** Every field any measure may state; dispositionCompletionFor adds which of them a given measure must. */
export const DispositionCompletion = z.object({
  documentNo: text(100),
  amounts: z.object(dispositionAmounts).strict().default({}),
  rectificationDeadline: IsoDate.optional(),
  note: text(4_000).optional(),
});
export type DispositionCompletion = z.infer<typeof DispositionCompletion>;

const Dereliction = z.object({ officials: text(500), facts: text(4_000) });
export const AcceptanceCompletion = z.discriminatedUnion('accepted', [
  z.object({ accepted: z.literal(true), note: text(4_000).optional(), derelictionOrCollusion: Dereliction.optional() }),
  z.object({ accepted: z.literal(false), reason: text(2_000), newCompletionDate: IsoDate, derelictionOrCollusion: Dereliction.optional() }),
]);
export type AcceptanceCompletion = z.infer<typeof AcceptanceCompletion>;

/** Where a field sits in a completion, as the API reports it. */
function pathOf(field: DispositionField): string[] {
  return field === 'rectificationDeadline' ? [field] : ['amounts', field];
}

/** Read from what was sent, which may be malformed: the check also runs beside the shape's own issues. */
function stated(c: Partial<Record<string, unknown>>, field: DispositionField): boolean {
  if (field === 'rectificationDeadline') return c.rectificationDeadline !== undefined;
  const amounts: unknown = c.amounts;
  return typeof amounts === 'object' && amounts !== null && field in amounts && Reflect.get(amounts, field) !== undefined;
}

/** What a disposition task asks its agency to state: the document number and the catalogue's fields. */
export function mustStateOf(code: DispositionCode): MustState[] {
  return [{ field: 'documentNo', ...completionMessages.documentNo }, ...measures[code].mustState.map(({ field, label }) => ({ field: pathOf(field).join('.'), ...label }))];
}

/** The completion schema of one measure: the common fields, and those the catalogue requires of it. */
export function dispositionCompletionFor(code: DispositionCode) {
  const measure = measures[code].label;
  return DispositionCompletion.superRefine(
    (completion, ctx) => {
      for (const { field, label } of measures[code].mustState) {
        if (stated(completion, field)) continue;
        const path = pathOf(field);
        const message = completionMessages.mustState(measure, label, path.join('.'));
        ctx.addIssue({ code: 'custom', path, message: `${message.zh} / ${message.en}` });
      }
    },
    // Alongside a missing document number, say what else is missing: staff fix it all in one go.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
}

/** A completion with its task's kind, so what it leads to is read without casts. */
export type Completion =
  | { kind: 'verification'; value: VerificationCompletion }
  | { kind: 'handlingPlan'; value: HandlingPlan }
  | { kind: 'disposition'; value: DispositionCompletion }
  | { kind: 'acceptance'; value: AcceptanceCompletion }
  | TransferCompletion;

export class InvalidCompletion extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`invalid completion: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'InvalidCompletion';
  }
}

function parseWith<T>(schema: z.ZodType<T>, completion: unknown): T {
  const result = schema.safeParse(completion);
  if (!result.success) throw new InvalidCompletion(result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  return result.data;
}

/** A new completion, held to the catalogue (see the top of this file). `evidence` is the task's: for a disposition it names the measure. */
export function parseCompletion(kind: string, completion: unknown, evidence?: unknown): Completion {
  if (kind === 'handlingPlan') return { kind, value: parseWith(NewHandlingPlan, completion) };
  if (kind !== 'disposition') return acceptedCompletion(kind, completion);
  const named = typeof evidence === 'object' && evidence !== null ? Reflect.get(evidence, 'disposition') : undefined;
  const measure = DispositionCode.safeParse(named);
  if (!measure.success) throw new InvalidCompletion([{ path: '', message: 'the task names no disposition of the catalogue' }]);
  return { kind, value: parseWith(dispositionCompletionFor(measure.data), completion) };
}

/** A completion the workflow accepted, by its kind's shape alone (see the top of this file). */
export function acceptedCompletion(kind: string, completion: unknown): Completion {
  switch (kind) {
    case 'verification':
      return { kind, value: parseWith(VerificationCompletion, completion) };
    case 'handlingPlan':
      return { kind, value: parseWith(HandlingPlan, completion) };
    case 'disposition':
      return { kind, value: parseWith(DispositionCompletion, completion) };
    case 'acceptance':
      return { kind, value: parseWith(AcceptanceCompletion, completion) };
    default:
      if (isTransferStep(kind)) return { kind, value: parseWith<unknown>(transferCompletions[kind], completion) } as TransferCompletion;
      throw new InvalidCompletion([{ path: '', message: `unknown task kind ${kind}` }]);
  }
}
