import { WorkflowNotFoundError } from '@temporalio/client';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import type { Logger } from '../platform/logger';

/** An error the client caused or should know about; its message is safe to show. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new HttpError(
      400,
      `invalid ${what}`,
      result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  return result.data;
}

export const notFound: RequestHandler = (req, _res, next) => next(new HttpError(404, `no route ${req.method} ${req.path}`));

/** Every error leaves as JSON; client mistakes as 4xx with the reason, anything else as a bare 500. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (error instanceof HttpError) {
      res.status(error.status).json({ error: error.message, ...(error.details ? { details: error.details } : {}) });
      return;
    }
    // A campaign or case named in the path that has no workflow: what the route did not check itself.
    if (error instanceof WorkflowNotFoundError) {
      res.status(404).json({ error: 'not found: no such campaign or case' });
      return;
    }
    // body-parser marks its own errors (malformed JSON, body too large) with a 4xx status.
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status < 500) {
      res.status(status).json({ error: error.type === 'entity.parse.failed' ? 'request body is not valid JSON' : String(error.message) });
      return;
    }
    log.error({ err: error, method: req.method, path: req.path }, 'request failed');
    res.status(500).json({ error: 'internal error' });
  };
}
