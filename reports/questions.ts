import { type Annex3Column, type ViolationCode, annex3Columns, annex3Violations, violations } from '../domain/catalogue';
import type { AgencyKind } from '../domain/enums';

/** Annex 3's answers: the five questions, the third stated for its three conditions separately (分述). */
export const answerSlots = annex3Columns;
export type AnswerSlot = Annex3Column;

export const conditionSlots = { mining: 'miningConditions', environmental: 'environmentalConditions', safety: 'safetyConditions' } as const satisfies Record<
  string,
  AnswerSlot
>;
export type ConditionPart = keyof typeof conditionSlots;

/**
 * Which recorded violations answer which annex 3 question: the catalogue's. A violation in a
 * "是否存在…" slot makes the answer 是; in a condition slot it makes the condition not met (否).
 * Violations in no slot (taxes, smuggling, export sources, crimes) are not asked by annex 3:
 * annex 4 lists them.
 */
export const slotViolations = annex3Violations;

/**
 * Whose check can still change an answer: the agencies the catalogue makes responsible for the
 * slot's violations. While one of them has a verification open, a 否 is not yet known.
 */
export const slotAgencies: Readonly<Record<AnswerSlot, readonly AgencyKind[]>> = Object.fromEntries(
  answerSlots.map((slot) => [slot, [...new Set(slotViolations[slot].flatMap((v) => violations[v].agencies))]]),
) as Record<AnswerSlot, AgencyKind[]>;

/** Violation → slot, for reading findings in one pass. */
export const violationSlot: ReadonlyMap<ViolationCode, AnswerSlot> = new Map(answerSlots.flatMap((slot) => slotViolations[slot].map((v) => [v, slot] as const)));
