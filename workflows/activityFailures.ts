import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';

/**
 * The failure of an activity that retrying cannot mend (activities/failures.ts marks them
 * non-retryable), if that is what `error` is: the workflow records it and waits for a fix instead.
 */
export function deterministicFailureOf(error: unknown): ApplicationFailure | undefined {
  return error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.nonRetryable ? error.cause : undefined;
}
