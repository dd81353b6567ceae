import { type ProductCategory, ProductCategory as Categories, type YearMonth, yearOf } from '../campaign';
import type { Evidence } from './evidence';
import type { EnterpriseFacts } from './facts';
import type { Thresholds } from './thresholds';

export interface PlanCheck {
  evidence: Evidence[];
  /** First month of mineral production in a year without a mineral plan: unplanned ore is illegal ore. */
  firstUnplannedMineralMonth?: YearMonth;
}

/**
 * Annex 3 question 4 (是否存在无计划、超计划生产行为), per category and calendar year: production in a
 * year with no plan of that category, or cumulative production that passes the year's plan (the
 * evidence names the month it did). Only the window's months of a year are visible.
 */
export function checkPlans(facts: EnterpriseFacts, thresholds: Thresholds): PlanCheck {
  const quotas = new Map<string, number>();
  for (const plan of facts.dossier.plans) {
    const key = planKey(plan.year, plan.category);
    quotas.set(key, (quotas.get(key) ?? 0) + plan.quotaKgReo);
  }
  const evidence: Evidence[] = [];
  let firstUnplannedMineralMonth: YearMonth | undefined;

  for (const category of Categories.options) {
    const produced = facts.production[category];
    if (produced.size === 0) continue;
    const years = new Map<number, { months: YearMonth[]; cumulative: number; firstOver?: YearMonth }>();
    for (const month of facts.months) {
      const kg = produced.get(month);
      if (kg === undefined) continue;
      const year = yearOf(month);
      const state = years.get(year) ?? { months: [], cumulative: 0 };
      state.months.push(month);
      state.cumulative += kg;
      const quota = quotas.get(planKey(year, category));
      if (quota !== undefined && state.firstOver === undefined && state.cumulative > quota + thresholds.planToleranceKg) state.firstOver = month;
      years.set(year, state);
    }
    for (const [year, state] of years) {
      const quota = quotas.get(planKey(year, category));
      if (quota === undefined) {
        evidence.push({ kind: 'noPlan', code: 'productionWithoutPlan', category, year, months: state.months, producedKgReo: state.cumulative });
        if (category === 'mineral' && (firstUnplannedMineralMonth === undefined || state.months[0] < firstUnplannedMineralMonth)) {
          firstUnplannedMineralMonth = state.months[0];
        }
      } else if (state.firstOver !== undefined) {
        evidence.push({
          kind: 'limitExceeded',
          code: 'productionAbovePlan',
          basis: 'plan',
          category,
          year,
          firstMonthOver: state.firstOver,
          producedKgReo: state.cumulative,
          limitKgReo: quota,
        });
      }
    }
  }
  return { evidence, firstUnplannedMineralMonth };
}

function planKey(year: number, category: ProductCategory): string {
  return `${year}|${category}`;
}

/** Whether an enterprise holds any plan for a year: annex 3 question 5's "计划企业". */
export function holdsPlan(plans: readonly { year: number }[], year: number): boolean {
  return plans.some((p) => p.year === year);
}
