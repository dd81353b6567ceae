import { z } from 'zod';

/**
 * One HTTP operation, declared once: its router validates requests with these schemas and the
 * OpenAPI document at /openapi.json is generated from them, so the two cannot disagree.
 */
export interface Operation {
  method: 'get' | 'post' | 'delete';
  /** In express syntax (`/tasks/:key`); the document writes it `/tasks/{key}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** Answers without a bearer token (health probes). */
  public?: true;
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  body?: JsonBody | RawBody;
  responses: Record<number, Reply>;
}

/** What an express path (`/tasks/:key`) matches of a request's path. */
export function pathPattern(expressPath: string): RegExp {
  return new RegExp(`^${expressPath.replace(/:\w+/g, '[^/]+')}/?$`, 'i');
}

export interface JsonBody {
  schema: z.ZodType;
  /** Shown on /docs as the body to try; a test checks it passes `schema`. */
  example: unknown;
}

export interface RawBody {
  mediaTypes: readonly string[];
  description: string;
}

export interface Reply {
  description: string;
  /** A JSON body; absent with `mediaTypes` for a file. */
  schema?: z.ZodType;
  mediaTypes?: readonly string[];
  headers?: Record<string, { description: string; schema: object }>;
}

/** Every error leaves with this body (api/errors.ts). */
export const ErrorBody = z.object({
  error: z.string(),
  /** What exactly was wrong: zod issues as { path, message }, or the offending values. */
  details: z.array(z.unknown()).optional(),
});

export const error = (description: string): Reply => ({ description, schema: ErrorBody });

/** A caller's key for a retried submission; the same key answers with the first result. */
export const IdempotencyKey = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only (8 to 100)')
  .meta({ description: 'Retrying with the same key returns the first result instead of recording twice.', example: 'retry-2014-10-11-001' });

export const IdempotencyHeaders = z.object({ 'Idempotency-Key': IdempotencyKey.optional() });

/** `?x=true|false` as query strings carry it. */
export const QueryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');
