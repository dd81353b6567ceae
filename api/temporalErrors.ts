import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { HttpError } from './errors';

/** Turns the reasons a case refuses an update into the HTTP answers a client can act on. */
export function httpErrorOfUpdate(error: unknown): unknown {
  if (error instanceof WorkflowNotFoundError) return new HttpError(404, 'case not found');
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const { type, message } = error.cause;
    if (type === 'TaskNotFound') return new HttpError(404, 'task not found');
    if (type === 'TaskNotOpen') return new HttpError(409, message);
    if (type === 'InvalidCompletion') return new HttpError(422, message);
    if (type === 'InvalidEnterprise') return new HttpError(400, message);
    if (type === 'CampaignClosed') return new HttpError(409, message);
    if (type === 'CompletionNotRecorded') return new HttpError(422, message);
  }
  return error;
}
