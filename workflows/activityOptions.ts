import type { ActivityOptions } from '@temporalio/workflow';

/**
 * How long Temporal waits to hear from an attempt before it retries it: a worker that dies in the
 * middle of an activity costs its case this long, never the activity's whole start-to-close
 * timeout. Every activity given it heartbeats while it runs (activities/heartbeat.ts).
 */
const DEAD_WORKER_NOTICED = '15 seconds';

const retry = { initialInterval: '1 second', maximumInterval: '30 seconds' };

/** A few rows read or written: a dead worker is noticed by the timeout itself. */
export const quickActivity = { startToCloseTimeout: '15 seconds', retry } satisfies ActivityOptions;

/** Work over a whole archive or province (a dataset, a trace, a province's reports). */
export function longActivity(startToCloseTimeout: `${number} minutes`): ActivityOptions {
  return { startToCloseTimeout, heartbeatTimeout: DEAD_WORKER_NOTICED, retry };
}

/**
 * A report submission through the outbox: its attachments may take a while to go out, so the
 * attempt is long, and it heartbeats (and renews its send lease) throughout.
 */
export const attachmentEmail = { startToCloseTimeout: '1 minute', heartbeatTimeout: DEAD_WORKER_NOTICED, retry } satisfies ActivityOptions;
