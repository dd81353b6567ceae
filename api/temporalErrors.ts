import { WorkflowNotFoundError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { isRefusalType, refusalStatus } from '../workflows/refusals';
import { HttpError, OutOfScopeError } from './errors';

/**
 * The 404 for a campaign or case of a province the caller does not see: the same answer either
 * way, but marked for the audit trail when the workflow exists (a probe of someone else's object).
 */
export async function outOfScopeIfExists(handle: WorkflowHandle, message: string): Promise<HttpError> {
  const exists = await handle.describe().then(
    () => true,
    (error: unknown) => {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    },
  );
  return exists ? new OutOfScopeError(message) : new HttpError(404, message);
}

/** Turns the reasons a workflow refuses an update into the HTTP answers a client can act on. */
export function httpErrorOfUpdate(error: unknown): unknown {
  if (error instanceof WorkflowNotFoundError) return new HttpError(404, 'case not found');
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && isRefusalType(error.cause.type)) {
    return new HttpError(refusalStatus[error.cause.type], error.cause.message);
  }
  return error;
}
