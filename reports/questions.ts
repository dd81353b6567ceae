import { type ViolationCode, violationCatalogue } from '../domain/caseCatalogue';
import type { AgencyKind } from '../domain/enums';

/** Annex 3's answers: the five questions, the third stated for its three conditions separately (分述). */
export const answerSlots = [
  'illegalOrOverQuotaMining',
  'boughtIllegalOre',
  'miningConditions',
  'environmentalConditions',
  'safetyConditions',
  'productionWithoutOrAbovePlan',
  'soldOreToUnplanned',
] as const;
export type AnswerSlot = (typeof answerSlots)[number];

export const conditionSlots = { mining: 'miningConditions', environmental: 'environmentalConditions', safety: 'safetyConditions' } as const satisfies Record<
  string,
  AnswerSlot
>;
export type ConditionPart = keyof typeof conditionSlots;

/**
 * Which recorded violations answer which annex 3 question: the one table behind the form. A
 * violation in a "是否存在…" slot makes the answer 是; in a condition slot it makes the condition
 * not met (否). The rules' own findings agree with it (findingCatalogue's questions). Violations in
 * no slot (taxes, smuggling, export sources, crimes) are not asked by annex 3: annex 4 lists them.
 */
export const slotViolations: Readonly<Record<AnswerSlot, readonly ViolationCode[]>> = {
  illegalOrOverQuotaMining: ['illegalMining', 'crossBoundaryMining', 'overQuotaMining'],
  // 买卖非法稀土矿产品 includes the buying.
  boughtIllegalOre: ['boughtIllegalOre', 'tradedIllegalOre'],
  // By-product recovery without approval lacks the mining side's papers (section 一.(一)).
  miningConditions: ['noMiningLicence', 'unapprovedByProductRecovery'],
  environmentalConditions: ['noEiaApproval', 'buildBeforeApproval', 'pollutantsOverLimit'],
  safetyConditions: ['noSafetyFiling'],
  productionWithoutOrAbovePlan: ['productionWithoutPlan', 'productionAbovePlan'],
  soldOreToUnplanned: ['soldToUnplanned'],
};

/**
 * Whose check can still change an answer: the agencies the catalogue makes responsible for the
 * slot's violations. While one of them has a verification open, a 否 is not yet known.
 */
export const slotAgencies: Readonly<Record<AnswerSlot, readonly AgencyKind[]>> = Object.fromEntries(
  answerSlots.map((slot) => [slot, [...new Set(slotViolations[slot].map((v) => violationCatalogue[v].agency))]]),
) as Record<AnswerSlot, AgencyKind[]>;

/** Violation → slot, for reading findings in one pass. */
export const violationSlot: ReadonlyMap<ViolationCode, AnswerSlot> = new Map(answerSlots.flatMap((slot) => slotViolations[slot].map((v) => [v, slot] as const)));
