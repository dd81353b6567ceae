import type { PrismaClient } from '@prisma/client';
import { Router, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { auditScope } from '../domain/access';
import { ProvinceName } from '../domain/provinces';
import { identifier } from '../domain/text';
import type { Logger } from '../platform/logger';
import { listAudit } from '../store/audit';
import { auditWriter } from '../store/auditWriter';
import { auditEntryOf, type AuditContext, type AuditNote } from './auditNote';
import { principalOf } from './auth';
import { HttpError, RETRY_AFTER_S, parseOr400 } from './errors';
import { error, pathPattern, type Operation } from './operation';
import { PageQuery, Paged, paged } from './pagination';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The answer when a request's audit row could not be written: never the handler's answer, since
 * nothing may happen unrecorded as far as the client knows. A 503 with Retry-After instead; a
 * Temporal update retried with the same Idempotency-Key returns its first result, and the retry
 * writes the row. An answer already streaming cannot be taken back: its connection is cut.
 */
function answerUnaudited(res: Response, end: (...args: unknown[]) => Response): void {
  if (res.headersSent) return void res.destroy();
  for (const name of res.getHeaderNames()) if (name.startsWith('content-') || name === 'etag' || name === 'location') res.removeHeader(name);
  res.statusCode = 503;
  res.setHeader('Retry-After', String(RETRY_AFTER_S));
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  end(JSON.stringify({ error: 'the audit trail could not record this request, so its answer is withheld: retry it (with the same Idempotency-Key) after Retry-After seconds', component: 'postgres' }));
}

/**
 * The audit trail's middleware: exactly one row for every request that may change state, whatever
 * its outcome, and for every refusal of a read (401, 403, and the 404 scoping answers for an
 * object that exists: OutOfScopeError). The handler's `res.locals.audit` names what it did; without
 * one the row names the operation. The row is written before the answer leaves (as express-session
 * saves a session: `res.end` waits for it), so whoever has the answer can find the row. A handler
 * that wrote its row in its own transaction (auditInTransaction) gets no second one, unless it
 * failed. `enabled: false` exists only for `npm run bench:audit`, which measures the trail's cost.
 */
export function auditTrail(prisma: PrismaClient, log: Logger, operations: readonly { method: string; path: string; id: string }[], options: { enabled?: boolean } = {}): RequestHandler {
  const routes = operations.map((op) => ({ method: op.method.toUpperCase(), pattern: pathPattern(op.path), id: op.id }));
  const operationOf = (method: string, path: string) => routes.find((r) => r.method === method && r.pattern.test(path))?.id ?? 'unknownRoute';
  const writer = auditWriter(prisma);
  return (req, res, next) => {
    const context: AuditContext = { requestId: res.locals.requestId as string, clientAddress: req.ip ?? null, at: new Date() };
    res.locals.auditContext = context;
    if (options.enabled === false) return next();
    const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
    res.end = ((...args: unknown[]) => {
      const status = res.statusCode;
      const refusal = status === 401 || status === 403 || (status === 404 && res.locals.outOfScope === true);
      // A read that changes state all the same (the OpenID callback opens a session) says so with its note.
      const changes = !READS.has(req.method) || res.locals.audit !== undefined;
      const written = res.locals.auditWritten === true && status < 400;
      if (written || !(changes || refusal)) return end(...args);
      const note = (res.locals.audit as AuditNote | undefined) ?? { action: operationOf(req.method, req.path) };
      const entry = auditEntryOf(res, note, status < 400 ? 'done' : status < 500 ? 'refused' : 'failed', status);
      writer.append(entry).then(
        () => end(...args),
        (error: unknown) => {
          log.error({ err: error, requestId: context.requestId, action: entry.action, status }, 'audit row not written');
          answerUnaudited(res, end);
        },
      );
      return res;
    }) as typeof res.end;
    next();
  };
}

const AuditOutcomeSchema = z.enum(['done', 'refused', 'failed']);
const AuditQuery = PageQuery.extend({
  actor: identifier(200).optional().meta({ description: 'staff id' }),
  action: identifier(200).optional().meta({ description: 'e.g. tasks.complete' }),
  objectType: identifier(100).optional(),
  objectId: identifier(300).optional(),
  province: ProvinceName.optional(),
  outcome: AuditOutcomeSchema.optional(),
  from: z.iso.datetime({ offset: true }).optional().meta({ description: 'from this instant on' }),
  to: z.iso.datetime({ offset: true }).optional().meta({ description: 'before this instant' }),
});

const AuditRow = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actor: z.object({ staffId: z.string(), role: z.string() }).nullable().meta({ description: 'null when nobody was authenticated (401)' }),
  credential: z.object({ kind: z.string(), id: z.string() }).nullable(),
  clientAddress: z.string().nullable(),
  requestId: z.string(),
  method: z.string(),
  path: z.string(),
  action: z.string(),
  object: z.object({ type: z.string(), id: z.string().nullable() }).nullable(),
  province: z.string().nullable(),
  outcome: AuditOutcomeSchema,
  status: z.number().int(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  updateId: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});

export const auditOperations = {
  list: {
    method: 'get',
    path: '/audit',
    tag: 'audit',
    summary: 'The audit trail, newest first: every change and every refusal (MIIT and discipline inspection: all; provincial coordinators: their province)',
    query: AuditQuery,
    responses: { 200: { description: 'a page of audit rows', schema: Paged(AuditRow) }, 403: error('not MIIT, discipline inspection or a provincial coordinator') },
  },
} satisfies Record<string, Operation>;

export function auditRoutes(deps: { prisma: PrismaClient }): Router {
  const router = Router();
  router.get(auditOperations.list.path, async (req, res) => {
    const scope = auditScope(principalOf(res));
    if (!scope) throw new HttpError(403, 'the audit trail is for MIIT, discipline inspection and provincial coordinators');
    const query = parseOr400(AuditQuery, req.query, 'query');
    if (scope !== 'all' && query.province !== undefined && query.province !== scope.province) return void res.json(paged([], query, 0));
    const province = scope === 'all' ? query.province : (scope.province ?? undefined);
    const { total, rows } = await listAudit(
      deps.prisma,
      { ...query, province, from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined },
      query,
    );
    res.json(
      paged(
        rows.map((r) => ({
          id: r.id.toString(),
          at: r.at.toISOString(),
          actor: r.actorStaffId && r.actorRole ? { staffId: r.actorStaffId, role: r.actorRole } : null,
          credential: r.credentialKind && r.credentialId ? { kind: r.credentialKind, id: r.credentialId } : null,
          clientAddress: r.clientAddress,
          requestId: r.requestId,
          method: r.method,
          path: r.path,
          action: r.action,
          object: r.objectType ? { type: r.objectType, id: r.objectId } : null,
          province: r.province,
          outcome: r.outcome,
          status: r.status,
          before: r.before as Record<string, unknown> | null,
          after: r.after as Record<string, unknown> | null,
          updateId: r.updateId,
          prevHash: r.prevHash,
          hash: r.hash,
        })),
        query,
        total,
      ),
    );
  });
  return router;
}
