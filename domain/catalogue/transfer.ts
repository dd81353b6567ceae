import type { ActingAgency } from '../enums';

/**
 * Transfer of a suspected crime to public security (一.(五) of the plan: 按照《行政执法机关移送涉嫌
 * 犯罪案件的规定》移送公安机关). The plan names the regulation but not its steps, so these entries
 * cite State Council Order No. 310 by article instead of quoting the plan (docs/plan/plan.txt does
 * not hold the order's text); the plan's own words for the measure are measures.transferToPublicSecurity's.
 *
 * Each step is one task: who does it (the agency that found the crime, its head, or public
 * security at the same level) and how long the order gives for it, counted from the step before.
 */
export type TransferStep = 'transferReport' | 'transferApproval' | 'transferDelivery' | 'transferDecision' | 'reconsiderationRequest' | 'reconsiderationDecision';

export interface TransferStepInfo {
  /** The article of Order 310 the step and its deadline come from. */
  readonly article: number;
  /** The finding agency's staff, its head (正职负责人), or public security. */
  readonly by: 'agency' | 'agencyHead' | 'publicSecurity';
  /** The order's time limit in days; absent where it says 立即 (at once): the campaign's usual time for a task then. */
  readonly days?: number;
}

export const transferSteps = {
  // 第五条: 专案组核实情况后提出移送涉嫌犯罪案件的书面报告 (at once, by at least two officials).
  transferReport: { article: 5, by: 'agency' },
  // 第五条: 负责人应当自接到报告之日起3日内作出批准移送或者不批准移送的决定.
  transferApproval: { article: 5, by: 'agencyHead', days: 3 },
  // 第五条、第六条: 决定批准的，应当在24小时内向同级公安机关移送, with the materials of article 6.
  transferDelivery: { article: 6, by: 'agency', days: 1 },
  // 第八条: 公安机关应当自接受移送之日起3日内决定立案或不予立案，不予立案的书面说明理由.
  transferDecision: { article: 8, by: 'publicSecurity', days: 3 },
  // 第九条: 行政执法机关可以自接到不予立案通知书之日起3日内提请复议.
  reconsiderationRequest: { article: 9, by: 'agency', days: 3 },
  // 第九条: 公安机关应当自收到提请复议的文件之日起3日内作出立案或者不予立案的决定.
  reconsiderationDecision: { article: 9, by: 'publicSecurity', days: 3 },
} as const satisfies Record<TransferStep, TransferStepInfo>;

/** Article 6: what the transfer must carry; the first three always, conclusions where there are any. */
export const transferMaterials = ['transferLetter', 'investigationReport', 'itemsList', 'inspectionConclusions', 'otherMaterials'] as const;
export type TransferMaterial = (typeof transferMaterials)[number];
export const requiredTransferMaterials: readonly TransferMaterial[] = ['transferLetter', 'investigationReport', 'itemsList'];

/** Article 5: the case team (专案组) is two officials or more. */
export const caseTeamMinimum = 2;

/** The agency a step's task goes to. */
export function transferStepAgency(step: TransferStep, finder: ActingAgency): ActingAgency {
  return transferSteps[step].by === 'publicSecurity' ? 'publicSecurity' : finder;
}

/** Where the procedure stands, as annex 4 states it: the last until it ends. */
export const transferOutcomes = ['notApproved', 'transferred', 'caseOpened', 'notOpened', 'caseOpenedOnReconsideration', 'notOpenedOnReconsideration'] as const;
export type TransferOutcome = (typeof transferOutcomes)[number];
