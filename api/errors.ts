import { ServiceError, WorkflowNotFoundError, WorkflowUpdateRPCTimeoutOrCancelledError, isGrpcServiceError } from '@temporalio/client';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import type { Logger } from '../platform/logger';
import { databaseOutageOf } from '../store/database';
import { pathPattern } from './operation';

/** An error the client caused or should know about; its message is safe to show. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
    /** Sent with the answer: WWW-Authenticate on a 401, Retry-After on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/**
 * The 404 that scoping answers for an object that exists but is not the caller's to see: to the
 * client a plain 404, as if it did not exist; to the audit trail a refusal.
 */
export class OutOfScopeError extends HttpError {
  constructor(message: string) {
    super(404, message);
  }
}

export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  return parseOr(400, schema, value, what);
}

/**
 * 400 when a request does not fit its schema in the OpenAPI document; 422 when it does but breaks
 * a rule JSON Schema cannot state (a window that ends before it starts).
 */
export function parseOr<T extends z.ZodType>(status: 400 | 422, schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new HttpError(
      status,
      `invalid ${what}`,
      result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  return result.data;
}

/**
 * A path the API has, asked with a method it does not: 405 with the methods it does (OPTIONS
 * answers with them too), before any router sees it.
 */
export function methodNotAllowed(operations: readonly { method: string; path: string }[]): RequestHandler {
  const byPath = new Map<string, { pattern: RegExp; methods: Set<string> }>();
  for (const op of operations) {
    const entry = byPath.get(op.path) ?? { pattern: pathPattern(op.path), methods: new Set(['OPTIONS']) };
    entry.methods.add(op.method.toUpperCase());
    if (op.method === 'get') entry.methods.add('HEAD');
    byPath.set(op.path, entry);
  }
  const routes = [...byPath.values()];
  return (req, res, next) => {
    const matching = routes.filter((r) => r.pattern.test(req.path));
    if (matching.length === 0) return next();
    const allowed = new Set(matching.flatMap((r) => [...r.methods]));
    if (allowed.has(req.method) && req.method !== 'OPTIONS') return next();
    res.setHeader('Allow', [...allowed].join(', '));
    if (req.method === 'OPTIONS') return void res.status(204).end();
    next(new HttpError(405, `${req.method} is not allowed on ${req.path}: ${[...allowed].join(', ')}`));
  };
}

/** Seconds a client is told to wait when a part of the stack is down: about what a restart takes. */
export const RETRY_AFTER_S = 5;

const componentNames = { postgres: 'PostgreSQL', temporal: 'Temporal' } as const;
export type Component = keyof typeof componentNames;

// gRPC: UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED.
const TEMPORAL_OUTAGE_CODES = new Set([14, 4, 8]);
// pg's own messages when it gives up on a connection or a reply, and PostgreSQL's when it cancels
// a statement at statement_timeout or is not accepting connections (starting up, shutting down).
const POSTGRES_OUTAGE_MESSAGE =
  /Connection terminated|Query read timeout|timeout exceeded when trying to connect|ECONNREFUSED|ECONNRESET|Can't reach database server|server closed the connection|canceling statement due to statement timeout|the database system is (starting up|shutting down|in recovery)|terminating connection/;

/**
 * Whether an error means a part of the stack is down or not answering in time (rather than a bug):
 * the component and a short reason, or undefined.
 */
export function outageOf(error: unknown): { component: Component; reason: string } | undefined {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return { component: 'temporal', reason: 'the case did not answer in time (Temporal or its worker is down)' };
  const grpc = error instanceof ServiceError ? error.cause : error;
  if (isGrpcServiceError(grpc) && TEMPORAL_OUTAGE_CODES.has(grpc.code)) return { component: 'temporal', reason: grpc.details || grpc.message };
  const database = databaseOutageOf(error);
  if (database !== undefined) return { component: 'postgres', reason: database };
  const message = error instanceof Error ? error.message : '';
  if (POSTGRES_OUTAGE_MESSAGE.test(message)) return { component: 'postgres', reason: message.trim().split('\n').pop() ?? message };
  return undefined;
}

export const notFound: RequestHandler = (req, _res, next) => next(new HttpError(404, `no route ${req.method} ${req.path}`));

/**
 * Every error leaves as JSON; client mistakes as 4xx with the reason, an outage of PostgreSQL or
 * Temporal as 503 with Retry-After and the component named, anything else as a bare 500.
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (error instanceof HttpError) {
      if (error.headers) res.set(error.headers);
      if (error instanceof OutOfScopeError) res.locals.outOfScope = true;
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
    const outage = outageOf(error);
    if (outage) {
      log.warn({ component: outage.component, reason: outage.reason, method: req.method, path: req.path }, 'request failed: a component is unavailable');
      res
        .status(503)
        .set('Retry-After', String(RETRY_AFTER_S))
        .json({ error: `${componentNames[outage.component]} is unavailable: ${outage.reason}`, component: outage.component });
      return;
    }
    log.error({ err: error, method: req.method, path: req.path }, 'request failed');
    res.status(500).json({ error: 'internal error' });
  };
}
