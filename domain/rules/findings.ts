import { z } from 'zod';
import type { AgencyKind } from '../enums';
import { annex3QuestionLabels, findingLabels, type Label } from '../labels';

/** The stable codes the rules emit; they also fill the Violations search attribute. */
export const FindingCode = z.enum(Object.keys(findingLabels) as [keyof typeof findingLabels, ...(keyof typeof findingLabels)[]]);
export type FindingCode = z.infer<typeof FindingCode>;

/** The annex 3 column a finding answers; the last three feed annex 4 and the case files only. */
export type Annex3Question = keyof typeof annex3QuestionLabels;

export interface FindingInfo {
  readonly label: Label;
  readonly question: Annex3Question | null;
  /** The agencies the plan (三、组织保障) makes responsible for acting on it. */
  readonly agencies: readonly AgencyKind[];
}

export const findingCatalogue: Readonly<Record<FindingCode, FindingInfo>> = {
  illegalMining: { label: findingLabels.illegalMining, question: 'illegalOrOverQuotaMining', agencies: ['landResources'] },
  overQuotaMining: { label: findingLabels.overQuotaMining, question: 'illegalOrOverQuotaMining', agencies: ['landResources'] },
  boughtIllegalOre: { label: findingLabels.boughtIllegalOre, question: 'boughtIllegalOre', agencies: ['industry', 'commerce'] },
  noMiningLicence: { label: findingLabels.noMiningLicence, question: 'conditions', agencies: ['landResources'] },
  noEiaApproval: { label: findingLabels.noEiaApproval, question: 'conditions', agencies: ['environment'] },
  noSafetyFiling: { label: findingLabels.noSafetyFiling, question: 'conditions', agencies: ['workSafety'] },
  productionWithoutPlan: { label: findingLabels.productionWithoutPlan, question: 'productionWithoutOrAbovePlan', agencies: ['industry'] },
  productionAbovePlan: { label: findingLabels.productionAbovePlan, question: 'productionWithoutOrAbovePlan', agencies: ['industry'] },
  soldToUnplanned: { label: findingLabels.soldToUnplanned, question: 'soldOreToUnplanned', agencies: ['industry', 'landResources'] },
  massBalanceGap: { label: findingLabels.massBalanceGap, question: null, agencies: ['industry', 'tax'] },
  offSiteInvoicing: { label: findingLabels.offSiteInvoicing, question: null, agencies: ['tax'] },
  unexplainedSource: { label: findingLabels.unexplainedSource, question: null, agencies: ['tax', 'industry'] },
  unapprovedByProductRecovery: { label: findingLabels.unapprovedByProductRecovery, question: 'conditions', agencies: ['landResources'] },
};

const order = new Map(FindingCode.options.map((code, i) => [code, i]));

/** Codes in catalogue order, without repeats: the order reports list them in. */
export function sortFindingCodes(codes: Iterable<FindingCode>): FindingCode[] {
  return [...new Set(codes)].sort((a, b) => order.get(a)! - order.get(b)!);
}
