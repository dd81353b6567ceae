import { Context } from '@temporalio/activity';

/** Well inside the workflows' heartbeat timeout (workflows/activityOptions.ts). */
export const HEARTBEAT_EVERY_MS = 2_000;

/** The running activity's context; none when the function is called directly (tests, scripts). */
export function currentActivity(): Context | undefined {
  try {
    return Context.current();
  } catch {
    return undefined;
  }
}

/**
 * Runs `work` while telling Temporal every couple of seconds that the attempt is alive, so a worker
 * that dies in the middle is noticed within the heartbeat timeout and the work retried elsewhere,
 * instead of the case waiting out the activity's whole start-to-close timeout.
 */
export async function whileBeating<T>(work: () => Promise<T>, details?: unknown): Promise<T> {
  const context = currentActivity();
  if (!context) return work();
  context.heartbeat(details);
  const beat = setInterval(() => context.heartbeat(details), HEARTBEAT_EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(beat);
  }
}
