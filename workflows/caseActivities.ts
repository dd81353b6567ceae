import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';

// Database writes and one SMTP exchange: seconds at most. A short timeout is what lets a case
// recover quickly when a worker dies mid-activity (the retry waits for the timeout). Shared by the
// case and the transfer workflows, which issue and escalate tasks the same way.
export const caseActivities = proxyActivities<Activities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});
