import { allHandlersFinished, condition, setHandler, workflowInfo } from '@temporalio/workflow';
import { campaignDay } from '../domain/campaignClock';
import { transferSteps, type TransferStep } from '../domain/catalogue';
import * as work from '../domain/case';
import { bilingual, timelineLabels } from '../domain/labels';
import { refusal } from './refusals';
import { deterministicFailureOf } from './activityFailures';
import { caseActivities as activities, updateWrites } from './caseActivities';
import { completeTaskUpdate, type CaseTask, type TimelineEntry } from './caseMessages';
import { runLadder } from './taskLadder';
import { handleTaskCancellation, openTaskOf } from './taskUpdates';
import type { TransferInput, TransferView } from './transferMessages';

/**
 * A suspected crime's transfer to public security (一.(五), State Council Order No. 310), started
 * by the case whose verification found it: the agency's written report, its head's approval
 * within 3 days, the transfer with its materials within 24 hours, public security's decision
 * within 3 days, and if it declines, the agency's request for reconsideration and the answer,
 * 3 days each (domain/catalogue/transfer.ts). Each step is a task of the case's enterprise that
 * climbs the escalation ladder when late; staff complete it through the task API, which reaches
 * this workflow because its tasks name it as their case. Each completion that changes where the
 * transfer stands rewrites the transferToPublicSecurity measure's row, which annex 4 and the
 * summary read.
 */
export async function criminalTransferWorkflow(input: TransferInput): Promise<TransferView> {
  const transferId = workflowInfo().workflowId;
  const now = () => new Date().toISOString();
  const state = {
    tasks: new Map<string, CaseTask>(),
    timeline: [] as TimelineEntry[],
    result: undefined as work.TransferResult | undefined,
    transferLetterNo: undefined as string | undefined,
    /** What the completion of the current step leads to, set by the update handler. */
    after: undefined as ReturnType<typeof work.afterTransferStep> | undefined,
  };
  const record = (entry: Omit<TimelineEntry, 'at'>) => state.timeline.push({ at: now(), ...entry });
  const view = (): TransferView => ({ caseId: input.caseId, finder: input.finder, tasks: [...state.tasks.values()], timeline: state.timeline, result: state.result });
  const owner = { facts: input, timing: input.timing, supervised: () => input.supervised, timeline: () => state.timeline, record, publish: () => undefined };

  const openTaskOrFail = openTaskOf(state.tasks, 'transfer');
  setHandler(
    completeTaskUpdate,
    async ({ taskKey, actor, completion }) => {
      const task = state.tasks.get(taskKey)!;
      const parsed = work.acceptedCompletion(task.kind, completion);
      if (!work.isTransferStep(parsed.kind)) throw refusal('TaskNotFound', `task ${taskKey} is no step of a transfer`);
      const after = work.afterTransferStep(parsed as work.TransferCompletion);
      const letterNo = after.transferLetterNo ?? state.transferLetterNo;
      const result = after.result ?? state.result;
      const completedAt = now();
      const disposition = after.result ? work.transferDisposition(transferId, input.finder, campaignDay(input.clock, completedAt), after.result, letterNo) : undefined;
      Object.assign(task, { status: 'completed', completedAt, completedBy: actor, completion: parsed.value });
      record({ kind: 'taskCompleted', actor, summary: task.title, taskKey });
      try {
        await updateWrites().recordTaskCompletion({ taskKey, completion: parsed.value, actor, completedAt, findings: [], dispositions: disposition ? [disposition] : [] });
      } catch (error) {
        const failure = deterministicFailureOf(error);
        if (!failure) throw error;
        // As in a case: refused for good, the step is open again and can be completed anew.
        Object.assign(task, { status: 'open', completedAt: undefined, completedBy: undefined, completion: undefined });
        ladders.push(runLadder(owner, task));
        record({ kind: 'completionNotRecorded', actor: 'system', summary: `${bilingual(timelineLabels.completionNotRecorded)}: ${failure.message}`, taskKey, detail: { notRecorded: failure.message } });
        throw refusal('CompletionNotRecorded', `the completion could not be recorded, the task is open again: ${failure.message}`);
      }
      state.transferLetterNo = letterNo;
      state.result = result;
      state.after = after;
      return { taskKey, completedAt, completedBy: actor };
    },
    {
      validator: ({ taskKey, completion }) => {
        const task = openTaskOrFail(taskKey);
        work.parseCompletion(task.kind, completion);
      },
    },
  );
  // Withdrawn by the coordinator (a transfer opened in error): the procedure ends where it stands.
  handleTaskCancellation(state.tasks, openTaskOrFail, record, owner.publish);

  const ladders: Promise<void>[] = [];
  const nextStep = () => state.after?.next;
  for (let step: TransferStep | undefined = 'transferReport'; step; ) {
    const spec = work.transferStepSpec(step, input.finder);
    const key = work.taskKey(input.caseId, spec);
    const { days } = transferSteps[step] as { days?: number };
    const createdAt = now();
    const dueAt = new Date(Date.parse(createdAt) + (days === undefined ? input.timing.taskDueMs : days * input.timing.dayMs)).toISOString();
    const task: CaseTask = { key, kind: step, agencyKind: spec.agencyKind, phase: 'selfInspection', title: spec.title, createdAt, dueAt, status: 'open', overdue: false, escalations: [] };
    state.tasks.set(key, task);
    state.after = undefined;
    await activities.createTask({
      key,
      caseId: transferId,
      campaignId: input.campaignId,
      province: input.province,
      enterpriseCode: input.enterprise.code,
      kind: step,
      agencyKind: spec.agencyKind,
      title: spec.title,
      evidence: { step, article: transferSteps[step].article, finder: input.finder, caseId: input.caseId, before: [...state.tasks.values()].filter((t) => t.status === 'completed').map((t) => ({ step: t.kind, completion: t.completion })) },
      dueAt,
    });
    record({ kind: 'taskCreated', actor: 'system', summary: spec.title, taskKey: key });
    ladders.push(runLadder(owner, task));
    await condition(() => task.status === 'cancelled' || (task.status === 'completed' && state.after !== undefined));
    if (task.status === 'cancelled') break;
    step = nextStep();
  }
  await Promise.all(ladders);
  await condition(allHandlersFinished);
  return view();
}
