import { agenciesFor, leadAgency, measures, violations, type ViolationCode } from '../catalogue';
import type { EnterpriseType } from '../enums';
import { agencyLabels, bilingual, enterpriseTypeLabels, reportPunctuation as p, taskTitleLabels as t } from '../labels';
import type { RuleResult } from '../rules';
import { mustStateOf, type HandlingPlan } from './completions';
import type { PlannedDisposition, TaskSpec } from './taskKeys';

/**
 * The tasks a case issues, phase by phase: self-inspection checks by the agencies the catalogue
 * routes the enterprise's types to, a handling plan (处理方案) by the lead agency, a rectification
 * task per measure of the plan for the agency that carries it out, and the lead's acceptance of each.
 */

export function selfInspectionTasks(types: readonly EnterpriseType[], rules: RuleResult | undefined): TaskSpec[] {
  return agenciesFor(types).map((agencyKind) => ({
    kind: 'verification',
    agencyKind,
    purpose: 'selfInspection',
    title: `${bilingual(t.selfInspection)}: ${bilingual(agencyLabels[agencyKind])} (${types.map((type) => enterpriseTypeLabels[type].zh).join(p.enumeration)})`,
    evidence: { findings: rules?.findings ?? [], annex3: rules?.annex3 },
  }));
}

/** Round 0 is the plan after self-inspection; each later round plans for violations found since. */
export function handlingPlanTask(found: readonly ViolationCode[], round = 0): TaskSpec {
  const named = found.map((v) => violations[v].label.zh).join(p.enumeration);
  return round === 0
    ? { kind: 'handlingPlan', agencyKind: leadAgency, purpose: 'plan', title: bilingual(t.handlingPlan), evidence: { violations: [...found] } }
    : { kind: 'handlingPlan', agencyKind: leadAgency, purpose: `plan/round-${round}`, title: `${bilingual(t.furtherHandlingPlan)}: ${named}`, evidence: { violations: [...found], round } };
}

/** A measure as its tasks name it, with the due date and what its completion must state, told in the title too so staff see it before they submit. */
function measureTitle(kind: { zh: string; en: string }, d: PlannedDisposition, dueDate: string): string {
  const measure = measures[d.disposition].label;
  const mustState = mustStateOf(d.disposition).map((f) => `${f.zh} ${f.en}`).join(', ');
  return `${bilingual(kind)}: ${bilingual(measure)}${p.open}${agencyLabels[d.agencyKind].zh}${p.close}${p.comma}${t.due.zh} ${t.due.en} ${dueDate}${p.list}${bilingual(t.mustState)}: ${mustState}`;
}

function acceptanceTitle(kind: { zh: string; en: string }, d: PlannedDisposition): string {
  return `${bilingual(kind)}: ${bilingual(measures[d.disposition].label)}${p.open}${agencyLabels[d.agencyKind].zh}${p.close}`;
}

export function rectificationTasks(plan: HandlingPlan | undefined): TaskSpec[] {
  return (plan?.dispositions ?? []).map((d) => ({
    kind: 'disposition',
    agencyKind: d.agencyKind,
    purpose: d.disposition,
    title: measureTitle(t.measure, d, d.dueDate),
    evidence: { ...d, mustState: mustStateOf(d.disposition) },
  }));
}

export function acceptanceTasks(plan: HandlingPlan | undefined): TaskSpec[] {
  return (plan?.dispositions ?? []).map((d) => ({
    kind: 'acceptance',
    agencyKind: leadAgency,
    purpose: `${d.agencyKind}-${d.disposition}`,
    title: acceptanceTitle(t.acceptance, d),
    evidence: d,
  }));
}

/** A measure not accepted goes back to its agency with the new completion date (section 二, 验收总结). */
export function reworkTask(planned: PlannedDisposition, newCompletionDate: string, reason: string): TaskSpec {
  const round = (planned.round ?? 0) + 1;
  return {
    kind: 'disposition',
    agencyKind: planned.agencyKind,
    purpose: `${planned.disposition}/round-${round}`,
    title: measureTitle(t.rework, planned, newCompletionDate),
    evidence: { ...planned, dueDate: newCompletionDate, round, reason, mustState: mustStateOf(planned.disposition) },
  };
}

/** A reworked measure, once done, is accepted again. */
export function reacceptanceTask(planned: PlannedDisposition & { round: number }): TaskSpec {
  return {
    kind: 'acceptance',
    agencyKind: leadAgency,
    purpose: `${planned.agencyKind}-${planned.disposition}/round-${planned.round}`,
    title: acceptanceTitle(t.acceptanceAgain, planned),
    evidence: planned,
  };
}
