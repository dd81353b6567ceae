import { setHandler } from '@temporalio/workflow';
import { reportPunctuation } from '../domain/labels';
import { refusal } from './refusals';
import { updateWrites } from './caseActivities';
import { cancelTaskUpdate, type CaseTask, type TimelineEntry } from './caseMessages';

/**
 * What the case and the transfer workflows do alike with the task API's updates: refuse one for a
 * task they do not hold or that is no longer open, and withdraw a task a coordinator cancels.
 */

/** The open task of that key, or the failure the API answers 404 or 409 with. `holder` names the workflow in the message. */
export function openTaskOf(tasks: ReadonlyMap<string, CaseTask>, holder: string): (taskKey: string) => CaseTask {
  return (taskKey) => {
    const task = tasks.get(taskKey);
    if (!task) throw refusal('TaskNotFound', `no task ${taskKey} in this ${holder}`);
    if (task.status !== 'open') throw refusal('TaskNotOpen', `task ${taskKey} is ${task.status}`);
    return task;
  };
}

/** A coordinator withdraws a task issued in error: its ladder stops, and the workflow goes on without it. */
export function handleTaskCancellation(
  tasks: ReadonlyMap<string, CaseTask>,
  openTaskOrFail: (taskKey: string) => CaseTask,
  record: (entry: Omit<TimelineEntry, 'at'>) => void,
  publish: () => void,
): void {
  setHandler(
    cancelTaskUpdate,
    async ({ taskKey, actor, reason }) => {
      const task = tasks.get(taskKey)!;
      task.status = 'cancelled';
      const cancelledAt = new Date().toISOString();
      record({ kind: 'taskCancelled', actor, summary: `${task.title}${reportPunctuation.colon}${reason}`, taskKey });
      publish();
      await updateWrites().cancelTask(taskKey);
      return { taskKey, cancelledAt, cancelledBy: actor };
    },
    { validator: ({ taskKey }) => void openTaskOrFail(taskKey) },
  );
}
