import type { Connection } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';

/**
 * A live worker re-polls its task queue at least once a minute (the server's long-poll timeout),
 * so a poller Temporal has not heard from for longer than this is gone.
 */
export const POLLER_FRESH_MS = 70_000;

/** Identities of the workers Temporal has heard polling `taskQueue` lately, for workflow tasks or for activities. */
export async function livePollers(workflowService: Connection['workflowService'], namespace: string, taskQueue: string, tasks: 'workflow' | 'activity' = 'workflow'): Promise<string[]> {
  const { pollers } = await workflowService.describeTaskQueue({
    namespace,
    taskQueue: { name: taskQueue, kind: proto.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
    taskQueueType: tasks === 'workflow' ? proto.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW : proto.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY,
  });
  return (pollers ?? []).filter((p) => Date.now() - Number(p.lastAccessTime?.seconds ?? 0) * 1000 < POLLER_FRESH_MS).map((p) => p.identity ?? '');
}
