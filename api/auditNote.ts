import type { Response } from 'express';
import type { Principal } from '../domain/access';
import type { AuditEntry } from '../store/audit';

/**
 * What a handler that changes state tells the audit trail, in `res.locals.audit`: the action, the
 * object it acted on and, for a change, the fields that changed as they were and as they became.
 * `updateId` names the Temporal update that made the change, when one did. The audit middleware
 * (api/audit.ts) writes the row when the answer goes out, with the actor, address, request id and
 * outcome filled in.
 */
export interface AuditNote {
  action: string;
  objectType: string;
  objectId: string;
  province?: string | null;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  updateId?: string;
}

/**
 * The request's part of an audit row, set by the audit middleware before authentication; a
 * credential that authentication refuses goes in `res.locals.presentedCredential`, so a denied
 * attempt can be tied to it.
 */
export interface AuditContext {
  requestId: string;
  clientAddress: string | null;
  at: Date;
}

function auditContextOf(res: Response): AuditContext {
  return res.locals.auditContext as AuditContext;
}

/** The row a request's answer adds, from its note (or the fallback the middleware names). */
export function auditEntryOf(res: Response, note: Partial<AuditNote> & { action: string }, outcome: AuditEntry['outcome'], status: number): AuditEntry {
  const context = auditContextOf(res);
  const principal = res.locals.principal as Principal | undefined;
  const presented = res.locals.presentedCredential as Principal['credential'] | undefined;
  return {
    at: context.at,
    actor: principal ? { staffId: principal.staffId, role: principal.role } : null,
    credential: principal?.credential ?? presented ?? null,
    clientAddress: context.clientAddress,
    requestId: context.requestId,
    method: res.req.method,
    path: res.req.originalUrl.split('?')[0],
    action: note.action,
    objectType: note.objectType ?? null,
    objectId: note.objectId ?? null,
    province: note.province ?? principal?.province ?? null,
    outcome,
    status,
    before: note.before ?? null,
    after: note.after ?? null,
    updateId: note.updateId ?? null,
  };
}

/**
 * For a handler whose change is a PostgreSQL write: the audit row to pass to the store function,
 * which appends it in the same transaction (`appendAudit` in store/audit.ts). The middleware then
 * adds no second row, unless the answer is an error (the transaction did not commit).
 */
export function auditInTransaction(res: Response, note: AuditNote, status = 200): AuditEntry {
  res.locals.audit = note;
  res.locals.auditWritten = true;
  return auditEntryOf(res, note, 'done', status);
}
