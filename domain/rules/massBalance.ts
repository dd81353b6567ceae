import type { Evidence } from './evidence';
import type { EnterpriseFacts } from './facts';
import type { Thresholds } from './thresholds';

/**
 * The enterprise's own ledger over the window: REO in (purchases, plus production that brings REO
 * in) against REO out (sales and exports). Separation only changes the form of ore it bought, so
 * an enterprise that smelts counts its mining but not its smelted output as coming in; recyclers
 * and others that do not smelt ore count all their production.
 */
export function checkMassBalance(facts: EnterpriseFacts, thresholds: Thresholds): Evidence[] {
  const totals = facts.ledgerTotals;
  const smelts = facts.dossier.enterprise.types.includes('smelting');
  const productionKgReo = totals.production.mineral + (smelts ? 0 : totals.production.smelted);
  const inflow = totals.purchases + productionKgReo;
  const outflow = totals.sales + totals.exports;
  const gapKgReo = inflow - outflow;
  const toleranceKgReo = Math.max(
    thresholds.massBalanceMinToleranceKg,
    Math.floor((Math.max(inflow, outflow) * thresholds.massBalanceToleranceBp) / 10_000),
  );
  if (Math.abs(gapKgReo) <= toleranceKgReo) return [];
  return [
    {
      kind: 'massBalance',
      code: 'massBalanceGap',
      purchasesKgReo: totals.purchases,
      productionKgReo,
      salesKgReo: totals.sales,
      exportKgReo: totals.exports,
      gapKgReo,
      toleranceKgReo,
    },
  ];
}
