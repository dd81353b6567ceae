import { z } from 'zod';
import type { AgencyKind, EnterpriseType } from './enums';
import { dispositionLabels, violationLabels, type Label } from './labels';
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

/** Sums of money a disposition's completion states, in fen; quantities in kg of REO. */
export type DispositionAmount = 'confiscatedFen' | 'fineFen' | 'recoveredFen' | 'lateFeeFen' | 'compensationFeeFen' | 'sewageFeeFen' | 'tonnesKg';
export type DispositionField = DispositionAmount | 'rectificationDeadline';

/**
 * What the completion of each measure must state besides its document number (文书编号), which
 * every completion states, in the words the agency is shown. A measure that only orders something
 * (stop, bar, open a case, transfer) is proved by its document alone; one that takes money or
 * product, or cuts a plan, must say how much, or acceptance (验收) has nothing to verify it
 * against. The pairs follow section 一: VAT is recovered with late fees and fines, resource tax with
 * compensation fees, and a deadline rectification with sewage fees.
 */
export const dispositionRequirements: Record<DispositionCode, Partial<Record<DispositionField, Label>>> = {
  stopProduction: {},
  stopAndRectify: {},
  rectifyByDeadline: {
    sewageFeeFen: { zh: '追缴排污费（分）', en: 'sewage fees recovered (fen)' },
    rectificationDeadline: { zh: '整改期限', en: 'rectification deadline' },
  },
  confiscateProductsAndGains: {
    tonnesKg: { zh: '没收矿产品数量（千克，折REO）', en: 'mineral products confiscated (kg REO)' },
    confiscatedFen: { zh: '没收违法所得（分）', en: 'illegal gains confiscated (fen)' },
  },
  confiscateExportProducts: {
    tonnesKg: { zh: '没收出口产品数量（千克，折REO）', en: 'export products confiscated (kg REO)' },
    confiscatedFen: { zh: '没收各环节违法所得（分）', en: 'illegal gains of every link confiscated (fen)' },
  },
  fine: { fineFen: { zh: '罚款金额（分）', en: 'fine (fen)' } },
  recoverVat: {
    recoveredFen: { zh: '补缴增值税（分）', en: 'VAT recovered (fen)' },
    lateFeeFen: { zh: '滞纳金（分）', en: 'late fees (fen)' },
    fineFen: { zh: '罚款（分）', en: 'fine (fen)' },
  },
  recoverResourceTax: {
    recoveredFen: { zh: '追缴矿产资源税（分）', en: 'resource tax recovered (fen)' },
    compensationFeeFen: { zh: '追缴矿产资源补偿费（分）', en: 'resource compensation fees recovered (fen)' },
  },
  reduceNextYearPlan: { tonnesKg: { zh: '下一年度计划核减量（千克，折REO）', en: "next year's plan reduced by (kg REO)" } },
  barFromNationalFunding: {},
  closeIllegalSite: {},
  stopUnapprovedRecovery: {},
  openCase: {},
  transferToPublicSecurity: {},
  referToDisciplineInspection: {},
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
