import { patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { quickActivity } from './activityOptions';
import { updateWritesQueueOf } from '../domain/taskQueues';

// Database writes and one SMTP exchange: seconds at most. A short timeout is what lets a case
// recover quickly when a worker dies mid-activity (the retry waits for the timeout). Shared by the
// case, transfer, referral and tip workflows.
export const caseActivities = proxyActivities<Activities>(quickActivity);

/**
 * The activities an update waits on before it answers the person who sent it, on the queue kept
 * for them (domain/taskQueues.ts). On the shared queue a completion waited behind hundreds of
 * cases' work at a campaign's start, until the API's Temporal deadline answered 503. (Local
 * activities would skip the queue altogether, but two of them resolving in one workflow task, the
 * update's and the main flow's, replayed in another order than they ran.)
 */
export function updateWrites(): Activities {
  return patched('update-writes-queue') ? proxyActivities<Activities>({ ...quickActivity, taskQueue: updateWritesQueueOf(workflowInfo().taskQueue) }) : caseActivities;
}
