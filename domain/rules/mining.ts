import { type MiningLicence, type YearMonth, yearOf } from '../campaign';
import { Coverage } from './coverage';
import type { Evidence, HeldDocument } from './evidence';
import type { EnterpriseFacts } from './facts';
import type { Thresholds } from './thresholds';

export interface MiningCheck {
  evidence: Evidence[];
  /** The first month in which the enterprise's ore became illegal: its buyers are judged by it. */
  firstIllegalMonth?: YearMonth;
}

export function heldLicences(licences: readonly MiningLicence[]): HeldDocument[] {
  return licences.map((l) => ({ documentNo: l.number, validFrom: l.validFrom, validTo: l.validTo }));
}

/**
 * Annex 3 question 1 (是否存在非法、超指标开采). Whoever reports production of mineral products is
 * mining, whatever boxes it ticked. Illegal: a month of production that valid licences do not
 * cover. Over quota: cumulative production within a calendar year above the licence's annual
 * quota, or over the whole window above the quota pro-rated by month. Only the window's months of
 * a year are visible, so a year's check can only under-state.
 */
export function checkMining(facts: EnterpriseFacts, thresholds: Thresholds): MiningCheck {
  const produced = facts.production.mineral;
  if (produced.size === 0) return { evidence: [] };
  const licences = facts.dossier.miningLicences;
  const held = heldLicences(licences);
  const coverage = new Coverage(held);
  const evidence: Evidence[] = [];
  let firstIllegalMonth: YearMonth | undefined;
  const mark = (month: YearMonth) => {
    if (firstIllegalMonth === undefined || month < firstIllegalMonth) firstIllegalMonth = month;
  };

  for (const month of facts.months) {
    const kg = produced.get(month);
    if (kg === undefined || coverage.coversMonth(month, facts.days)) continue;
    evidence.push({ kind: 'monthNotCovered', code: 'illegalMining', document: 'miningLicence', month, producedKgReo: kg, held });
    mark(month);
  }

  const quotas = new Map<number, number | undefined>();
  for (const month of facts.months) {
    const year = yearOf(month);
    if (!quotas.has(year)) quotas.set(year, annualQuota(licences, year));
  }

  const tolerance = thresholds.miningQuotaToleranceKg;
  const byYear = new Map<number, { cumulative: number; firstOver?: YearMonth }>();
  // Pro-rating by month keeps integers: compare 12 × production with the sum of the monthly shares × 12.
  let windowAllowance12: number | undefined = 0;
  let windowCumulative = 0;
  for (const month of facts.months) {
    const year = yearOf(month);
    const quota = quotas.get(year);
    const kg = produced.get(month) ?? 0;
    windowAllowance12 = quota === undefined || windowAllowance12 === undefined ? undefined : windowAllowance12 + quota;
    windowCumulative += kg;
    if (quota === undefined) continue;
    const state = byYear.get(year) ?? { cumulative: 0 };
    state.cumulative += kg;
    if (state.firstOver === undefined && state.cumulative > quota + tolerance) state.firstOver = month;
    byYear.set(year, state);
  }
  for (const [year, state] of byYear) {
    if (state.firstOver === undefined) continue;
    const limitKgReo = quotas.get(year)!;
    evidence.push({ kind: 'limitExceeded', code: 'overQuotaMining', basis: 'licenceAnnualQuota', category: 'mineral', year, firstMonthOver: state.firstOver, producedKgReo: state.cumulative, limitKgReo });
    mark(state.firstOver);
  }
  if (windowAllowance12 !== undefined) {
    let windowFirstOver: YearMonth | undefined;
    let cumulative = 0;
    for (const month of facts.months) {
      cumulative += produced.get(month) ?? 0;
      if (cumulative * 12 > windowAllowance12 + tolerance * 12) {
        windowFirstOver = month;
        break;
      }
    }
    if (windowFirstOver !== undefined) {
      evidence.push({
        kind: 'limitExceeded',
        code: 'overQuotaMining',
        basis: 'licenceWindowQuota',
        category: 'mineral',
        firstMonthOver: windowFirstOver,
        producedKgReo: windowCumulative,
        limitKgReo: Math.floor(windowAllowance12 / 12),
      });
      mark(windowFirstOver);
    }
  }
  return { evidence, firstIllegalMonth };
}

/**
 * The quota for a year: the largest stated by a licence valid at some time in it. A renewal
 * repeats the quota rather than adding to it, so quotas are not summed.
 */
function annualQuota(licences: readonly MiningLicence[], year: number): number | undefined {
  let quota: number | undefined;
  for (const l of licences) {
    if (l.annualQuotaKgReo === undefined || yearOf(l.validFrom) > year || yearOf(l.validTo) < year) continue;
    quota = Math.max(quota ?? 0, l.annualQuotaKgReo);
  }
  return quota;
}
