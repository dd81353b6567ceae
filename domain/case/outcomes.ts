import type { ActingAgency } from '../enums';
import type { Completion } from './completions';
import { reacceptanceTask, reworkTask } from './tasks';
import { dispositionKey, type TaskSpec } from './taskKeys';

/**
 * What a completion leads to: the violations it records (findings), where the plan's measures
 * stand (dispositions), a referral to discipline inspection, and work beyond the phase's plan.
 * Each reads the task's own spec and the completion, both typed by the task's kind.
 */

export function findingsOf(spec: { agencyKind: ActingAgency }, completion: Completion) {
  if (completion.kind !== 'verification') return [];
  return completion.value.findings.map((f) => ({ violation: f.violation, agencyKind: spec.agencyKind, amounts: f.amounts, note: f.note }));
}

export function dispositionsOf(spec: TaskSpec, completion: Completion, caseId: string) {
  if (completion.kind === 'handlingPlan') {
    return completion.value.dispositions.map((d) => ({ id: dispositionKey(caseId, d), disposition: d.disposition, agencyKind: d.agencyKind, dueDate: d.dueDate, status: 'planned' }));
  }
  if (spec.kind !== 'disposition' && spec.kind !== 'acceptance') return [];
  const planned = spec.evidence;
  const row = { id: dispositionKey(caseId, planned), disposition: planned.disposition, agencyKind: planned.agencyKind, dueDate: planned.dueDate };
  if (completion.kind === 'disposition') return [{ ...row, status: 'done', result: completion.value }];
  if (completion.kind !== 'acceptance') return [];
  const verdict = completion.value;
  return [verdict.accepted ? { ...row, status: 'accepted' } : { ...row, status: 'unfinished', unfinishedReason: verdict.reason, newCompletionDate: verdict.newCompletionDate }];
}

export function referralOf(completion: Completion): { officials: string; facts: string } | undefined {
  return completion.kind === 'acceptance' ? completion.value.derelictionOrCollusion : undefined;
}

/**
 * Work a completion calls for beyond the phase's plan (section 二, 验收总结): a measure not
 * accepted goes back to its agency with the new completion date, and is accepted again once done.
 */
export function followUpOf(spec: TaskSpec, completion: Completion): TaskSpec | undefined {
  if (spec.kind === 'acceptance' && completion.kind === 'acceptance') {
    const verdict = completion.value;
    return verdict.accepted ? undefined : reworkTask(spec.evidence, verdict.newCompletionDate, verdict.reason);
  }
  if (spec.kind === 'disposition' && spec.evidence.round) return reacceptanceTask({ ...spec.evidence, round: spec.evidence.round });
  return undefined;
}
