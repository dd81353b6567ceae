/**
 * Every tolerance the rules apply, in one place so that a province or MIIT can see (and argue
 * about) exactly where "no finding" ends. Quantities are integer kg REO; ratios are basis points
 * (1 bp = 0.01 %) so that comparisons stay in integers.
 */
export interface Thresholds {
  /**
   * Kilograms a mine may extract above its licence quota before it is over quota. Zero: a quota is
   * a legal limit, and the ledger is in whole kilograms, so any excess is real.
   */
  readonly miningQuotaToleranceKg: number;
  /** Kilograms of production above the plan that still count as within it. Zero for the same reason. */
  readonly planToleranceKg: number;
  /**
   * Purchases plus production against sales plus exports over the window. Separation loses a few
   * percent of the REO it is fed, and stock at the window's ends is not reported, so a gap up to
   * 5 % of the larger side passes.
   */
  readonly massBalanceToleranceBp: number;
  /** …and a gap up to 1 t always passes: a very small enterprise's rounding is not a finding. */
  readonly massBalanceMinToleranceKg: number;
}

export const defaultThresholds: Thresholds = Object.freeze({
  miningQuotaToleranceKg: 0,
  planToleranceKg: 0,
  massBalanceToleranceBp: 500,
  massBalanceMinToleranceKg: 1000,
});
