import type { ProductCategory, YearMonth } from '../campaign';
import type { Evidence, UncoveredOutflow } from './evidence';
import type { EnterpriseFacts, LedgerLine } from './facts';
import type { Thresholds } from './thresholds';

/**
 * The enterprise's own ledger over the window, balanced for each product category on its own:
 * what came in (purchases, and production that brings REO in) against what went out (sales,
 * exports, and ore fed to separation). Only smelting converts, and only mineral products into
 * smelted ones, so a smelter's smelted output is its ore in another form: it comes in as smelted
 * and goes out as mineral. Recyclers and mines bring REO in by producing it; traders convert nothing.
 */
export interface MassBalanceResult {
  /** Gaps beyond the tolerance either way (massBalanceGap). */
  gaps: Evidence[];
  /** More went out of a category than came in (无法说明矿产品来源): the outflows nothing covered. */
  unexplained: Evidence[];
}

const categories: ProductCategory[] = ['mineral', 'smelted'];

export function checkMassBalance(facts: EnterpriseFacts, thresholds: Thresholds): MassBalanceResult {
  const smelts = facts.dossier.enterprise.types.includes('smelting');
  const gaps: Evidence[] = [];
  const unexplained: Evidence[] = [];
  for (const category of categories) {
    const lines = facts.ledgerLines.filter((l) => l.category === category);
    const fedToSeparation = smelts && category === 'mineral' ? facts.ledgerLines.filter((l) => l.category === 'smelted') : [];
    const sum = (of: readonly LedgerLine[], pick: (l: LedgerLine) => number) => of.reduce((total, l) => total + pick(l), 0);
    const purchasesKgReo = sum(lines, (l) => l.purchaseKgReo);
    const productionKgReo = sum(lines, (l) => l.productionKgReo);
    const convertedKgReo = sum(fedToSeparation, (l) => l.productionKgReo);
    const salesKgReo = sum(lines, (l) => l.salesKgReo);
    const exportKgReo = sum(lines, (l) => l.exportKgReo);
    const inflow = purchasesKgReo + productionKgReo;
    const outflow = salesKgReo + exportKgReo + convertedKgReo;
    const gapKgReo = inflow - outflow;
    const toleranceKgReo = Math.max(
      thresholds.massBalanceMinToleranceKg,
      Math.floor((Math.max(inflow, outflow) * thresholds.massBalanceToleranceBp) / 10_000),
    );
    if (Math.abs(gapKgReo) <= toleranceKgReo) continue;
    gaps.push({ kind: 'massBalance', code: 'massBalanceGap', category, purchasesKgReo, productionKgReo, convertedKgReo, salesKgReo, exportKgReo, gapKgReo, toleranceKgReo });
    if (gapKgReo < 0) {
      unexplained.push({ kind: 'unexplainedQuantity', code: 'unexplainedSource', category, kgReo: -gapKgReo, outflows: uncovered(lines, fedToSeparation, facts.months) });
    }
  }
  return { gaps, unexplained };
}

/**
 * Month by month, the outflows that went beyond what the category had in by then: the sales,
 * exports and separation runs whose source the enterprise's own account cannot show.
 */
function uncovered(lines: readonly LedgerLine[], fedToSeparation: readonly LedgerLine[], months: readonly YearMonth[]): UncoveredOutflow[] {
  const result: UncoveredOutflow[] = [];
  let stock = 0;
  for (const month of months) {
    const inMonth = lines.filter((l) => l.month === month);
    stock += inMonth.reduce((total, l) => total + l.purchaseKgReo + l.productionKgReo, 0);
    const outflows: Omit<UncoveredOutflow, 'uncoveredKgReo'>[] = [
      ...inMonth.filter((l) => l.salesKgReo > 0).map((l) => ({ month, kind: 'sale' as const, ...(l.customer && { partner: l.customer }), kgReo: l.salesKgReo })),
      ...inMonth.filter((l) => l.exportKgReo > 0).map((l) => ({ month, kind: 'export' as const, kgReo: l.exportKgReo })),
      ...fedToSeparation.filter((l) => l.month === month && l.productionKgReo > 0).map((l) => ({ month, kind: 'separation' as const, kgReo: l.productionKgReo })),
    ];
    for (const outflow of outflows) {
      const covered = Math.min(Math.max(stock, 0), outflow.kgReo);
      stock -= outflow.kgReo;
      if (covered < outflow.kgReo) result.push({ ...outflow, uncoveredKgReo: outflow.kgReo - covered });
    }
  }
  return result;
}
