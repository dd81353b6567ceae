import type { z } from 'zod';
import { ViolationCode } from '../catalogue';

/**
 * The violations the rules can find in the archive, under the catalogue's codes; they also fill the
 * Violations search attribute. Listed in the order reports list findings: annex 3's columns first.
 * What each one is, who acts on it and what annex 3 column it answers is the catalogue's.
 */
export const FindingCode = ViolationCode.extract([
  'illegalMining',
  'overQuotaMining',
  'boughtIllegalOre',
  'noMiningLicence',
  'noEiaApproval',
  'noSafetyFiling',
  'productionWithoutPlan',
  'productionAbovePlan',
  'soldToUnplanned',
  'massBalanceGap',
  'offSiteInvoicing',
  'unexplainedSource',
  'unapprovedByProductRecovery',
]);
export type FindingCode = z.infer<typeof FindingCode>;

const order = new Map(FindingCode.options.map((code, i) => [code, i]));

/** Codes in the rules' order, without repeats. */
export function sortFindingCodes(codes: Iterable<FindingCode>): FindingCode[] {
  return [...new Set(codes)].sort((a, b) => order.get(a)! - order.get(b)!);
}
