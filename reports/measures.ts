import { type DispositionAmount, DispositionCode } from '../domain/catalogue';
import type { DispositionRecord, DispositionStatus } from './data';

/** A measure counts as carried out once its agency has completed it, whether or not acceptance has verified it yet. */
export function carriedOut(status: DispositionStatus): boolean {
  return status === 'done' || status === 'accepted';
}

const measureOrder = new Map(DispositionCode.options.map((code, i) => [code, i]));

/** Catalogue order, then id: the order measures are listed in everywhere. */
export function byMeasure(a: DispositionRecord, b: DispositionRecord): number {
  return measureOrder.get(a.disposition)! - measureOrder.get(b.disposition)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

type MoneyTotal = 'confiscatedFen' | 'fineFen' | 'recoveredFen';

/**
 * Which total of the summary report each stated sum adds to. Late fees go with the tax they are
 * charged on (section 一: 补缴增值税，并按相关规定缴纳滞纳金及罚款); compensation and sewage fees are fees
 * recovered. Quantities depend on the measure (see tonnesTotals), so they are not money here.
 */
export const moneyTotals: Readonly<Record<DispositionAmount, MoneyTotal | undefined>> = {
  confiscatedFen: 'confiscatedFen',
  fineFen: 'fineFen',
  recoveredFen: 'recoveredFen',
  lateFeeFen: 'recoveredFen',
  compensationFeeFen: 'recoveredFen',
  sewageFeeFen: 'recoveredFen',
  tonnesKg: undefined,
};

/** The same tonnes field is products confiscated for one measure and a plan cut for another. */
export const tonnesTotals: Readonly<Partial<Record<DispositionCode, 'confiscatedKg' | 'planCutKg'>>> = {
  confiscateProductsAndGains: 'confiscatedKg',
  confiscateExportProducts: 'confiscatedKg',
  reduceNextYearPlan: 'planCutKg',
};

export type EnforcementFigure = 'productionStopped' | 'sitesClosed' | 'casesOpened' | 'transferredToPublicSecurity' | 'referredToDisciplineInspection';

/** The measures behind each enforcement figure of the summary report; an enterprise counts once per figure. */
export const enforcementMeasures: Readonly<Record<EnforcementFigure, readonly DispositionCode[]>> = {
  productionStopped: ['stopProduction', 'stopAndRectify', 'stopUnapprovedRecovery'],
  sitesClosed: ['closeIllegalSite'],
  casesOpened: ['openCase'],
  transferredToPublicSecurity: ['transferToPublicSecurity'],
  referredToDisciplineInspection: ['referToDisciplineInspection'],
};
