import { z } from 'zod';
import type { AgencyKind, EnterpriseType } from './enums';
import { dispositionLabels, violationLabels } from './labels';
import type { FindingCode } from './rules';

function keysOf<T extends object>(table: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];
}

export const ViolationCode = z.enum(keysOf(violationLabels), { error: 'must be a violation code of the catalogue' });
export type ViolationCode = z.infer<typeof ViolationCode>;

export const DispositionCode = z.enum(keysOf(dispositionLabels), { error: 'must be a disposition code of the catalogue' });
export type DispositionCode = z.infer<typeof DispositionCode>;

const all: EnterpriseType[] = ['mine', 'smelting', 'recycling', 'trading', 'export'];

/**
 * Who investigates each violation (section 三.(一) of the plan), the enterprise types it concerns,
 * and the measures section 一 prescribes for it; a proposed handling plan starts from these.
 */
export const violationCatalogue: Record<ViolationCode, { agency: AgencyKind; types: EnterpriseType[]; measures: DispositionCode[] }> = {
  illegalMining: { agency: 'landResources', types: ['mine'], measures: ['closeIllegalSite', 'confiscateProductsAndGains'] },
  crossBoundaryMining: { agency: 'landResources', types: ['mine'], measures: ['confiscateProductsAndGains', 'fine'] },
  overQuotaMining: { agency: 'landResources', types: ['mine'], measures: ['confiscateProductsAndGains', 'fine'] },
  noMiningLicence: { agency: 'landResources', types: ['mine'], measures: ['closeIllegalSite', 'confiscateProductsAndGains'] },
  buildBeforeApproval: { agency: 'environment', types: ['mine', 'smelting', 'recycling'], measures: ['stopAndRectify'] },
  unapprovedByProductRecovery: { agency: 'landResources', types: ['mine', 'recycling'], measures: ['stopUnapprovedRecovery'] },
  productionWithoutPlan: { agency: 'industry', types: ['mine', 'smelting'], measures: ['stopProduction', 'barFromNationalFunding', 'reduceNextYearPlan'] },
  productionAbovePlan: { agency: 'industry', types: ['mine', 'smelting'], measures: ['stopProduction', 'barFromNationalFunding', 'reduceNextYearPlan'] },
  noEiaApproval: { agency: 'environment', types: ['mine', 'smelting', 'recycling'], measures: ['stopAndRectify'] },
  noSafetyFiling: { agency: 'workSafety', types: ['mine', 'smelting', 'recycling'], measures: ['stopAndRectify'] },
  pollutantsOverLimit: { agency: 'environment', types: ['mine', 'smelting', 'recycling'], measures: ['rectifyByDeadline'] },
  boughtIllegalOre: { agency: 'industry', types: ['smelting', 'recycling', 'trading'], measures: ['confiscateProductsAndGains', 'fine'] },
  tradedIllegalOre: { agency: 'commerce', types: ['trading'], measures: ['confiscateProductsAndGains', 'fine', 'openCase'] },
  soldToUnplanned: { agency: 'industry', types: ['mine', 'trading'], measures: ['fine'] },
  unexplainedSource: { agency: 'tax', types: ['smelting', 'recycling', 'trading', 'export'], measures: ['recoverResourceTax'] },
  massBalanceGap: { agency: 'tax', types: all, measures: ['recoverVat'] },
  unpaidVat: { agency: 'tax', types: all, measures: ['recoverVat'] },
  unpaidResourceTax: { agency: 'tax', types: ['mine'], measures: ['recoverResourceTax'] },
  offSiteInvoicing: { agency: 'tax', types: all, measures: ['recoverVat', 'openCase'] },
  taxEvasion: { agency: 'tax', types: all, measures: ['recoverVat', 'recoverResourceTax'] },
  smuggling: { agency: 'customs', types: ['export', 'trading'], measures: ['confiscateExportProducts', 'transferToPublicSecurity'] },
  illegalSourceExport: { agency: 'customs', types: ['export'], measures: ['confiscateExportProducts', 'fine'] },
  businessAdministrationViolation: { agency: 'commerce', types: ['trading'], measures: ['openCase', 'fine'] },
  suspectedCrime: { agency: 'publicSecurity', types: all, measures: ['transferToPublicSecurity'] },
  derelictionOrCollusion: { agency: 'disciplineInspection', types: all, measures: ['referToDisciplineInspection'] },
};

/** The agency that carries out each measure. */
export const dispositionAgency: Record<DispositionCode, AgencyKind> = {
  stopProduction: 'industry',
  stopAndRectify: 'environment',
  rectifyByDeadline: 'environment',
  confiscateProductsAndGains: 'landResources',
  confiscateExportProducts: 'customs',
  fine: 'industry',
  recoverVat: 'tax',
  recoverResourceTax: 'tax',
  reduceNextYearPlan: 'industry',
  barFromNationalFunding: 'industry',
  closeIllegalSite: 'landResources',
  stopUnapprovedRecovery: 'landResources',
  openCase: 'commerce',
  transferToPublicSecurity: 'publicSecurity',
  referToDisciplineInspection: 'disciplineInspection',
};

/** Every rule finding is a violation of the catalogue under the same code. */
export function violationOfFinding(code: FindingCode): ViolationCode {
  return ViolationCode.parse(code);
}

/** A handling plan's starting point: each violation's measures, once each, by their agencies. */
export function proposeHandlingPlan(violations: readonly ViolationCode[]): { disposition: DispositionCode; agencyKind: AgencyKind }[] {
  const seen = new Set<DispositionCode>();
  return violations
    .flatMap((v) => violationCatalogue[v].measures)
    .filter((d) => !seen.has(d) && seen.add(d))
    .map((disposition) => ({ disposition, agencyKind: dispositionAgency[disposition] }));
}
