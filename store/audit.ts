import { createHash } from 'node:crypto';
import { Prisma, type AuditOutcome, type PrismaClient } from '@prisma/client';
import type { StaffRole } from '../domain/access';
import { canonicalJson } from './canonicalJson';

/** What one audit row says: who did what to which object, from where, and how it ended. */
export interface AuditEntry {
  at: Date;
  /** null when nobody was authenticated (a 401) */
  actor: { staffId: string; role: StaffRole } | null;
  /** What the request was authenticated with, or presented and refused: the session id or the token's hash prefix, never the secret. */
  credential: { kind: 'session' | 'token'; id: string } | null;
  clientAddress: string | null;
  requestId: string;
  method: string;
  path: string;
  action: string;
  objectType: string | null;
  objectId: string | null;
  province: string | null;
  outcome: AuditOutcome;
  status: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  updateId: string | null;
}

/** The prevHash of the first row of an installation. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a row's hash covers: the entry's fields, flattened as the table stores them. */
type ChainedContent = Omit<AuditEntry, 'at' | 'actor' | 'credential' | 'outcome' | 'before' | 'after'> & {
  at: string;
  actorStaffId: string | null;
  actorRole: string | null;
  credentialKind: string | null;
  credentialId: string | null;
  outcome: string;
  before: unknown;
  after: unknown;
};

/** A row's hash: sha256 over the previous row's hash and this row's content as canonical JSON. */
export function auditHash(prevHash: string, content: ChainedContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

/** As jsonb will give it back (Dates as strings, undefined dropped), so the hash is of what is stored. */
function asStored(value: Record<string, unknown> | null): unknown {
  return value === null ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

function contentOf(entry: AuditEntry): ChainedContent {
  return {
    at: entry.at.toISOString(),
    actorStaffId: entry.actor?.staffId ?? null,
    actorRole: entry.actor?.role ?? null,
    credentialKind: entry.credential?.kind ?? null,
    credentialId: entry.credential?.id ?? null,
    clientAddress: entry.clientAddress,
    requestId: entry.requestId,
    method: entry.method,
    path: entry.path,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    province: entry.province,
    outcome: entry.outcome,
    status: entry.status,
    before: asStored(entry.before),
    after: asStored(entry.after),
    updateId: entry.updateId,
  };
}

/**
 * The statement that appends `entries` to the chain, in order: audit_append (its migration) takes
 * the chain's lock, reads the previous row's hash and inserts each row chained onto the one before,
 * in one round trip, so the lock (held to the end of the transaction) is held for that call and the
 * commit only.
 */
export function appendSql(entries: readonly AuditEntry[]): Prisma.Sql {
  const rows = entries.map((entry) => {
    const content = contentOf(entry);
    return { ...content, canonical: canonicalJson(content) };
  });
  return Prisma.sql`SELECT audit_append(${JSON.stringify(rows)}::jsonb)`;
}

/**
 * Appends one row to the audit chain inside `tx`, the transaction of the change it records: both
 * commit or neither does. Call it last in the transaction: the chain's lock is then held one round
 * trip and the commit, and appends from other requests wait little.
 */
export async function appendAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.$executeRaw(appendSql([entry]));
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  province?: string;
  outcome?: AuditOutcome;
  from?: Date;
  to?: Date;
}

/** A page of the trail, newest first. */
export async function listAudit(prisma: PrismaClient, filter: AuditFilter, page: { page: number; pageSize: number }) {
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.actor ? { actorStaffId: filter.actor } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.objectType ? { objectType: filter.objectType } : {}),
    ...(filter.objectId ? { objectId: filter.objectId } : {}),
    ...(filter.province ? { province: filter.province } : {}),
    ...(filter.outcome ? { outcome: filter.outcome } : {}),
    ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
  };
  const [total, rows] = await Promise.all([
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.findMany({ where, orderBy: { id: 'desc' }, skip: (page.page - 1) * page.pageSize, take: page.pageSize }),
  ]);
  return { total, rows };
}

type AuditRow = Prisma.AuditEventGetPayload<object>;

function contentOfRow(row: AuditRow): ChainedContent {
  return {
    at: row.at.toISOString(),
    actorStaffId: row.actorStaffId,
    actorRole: row.actorRole,
    credentialKind: row.credentialKind,
    credentialId: row.credentialId,
    clientAddress: row.clientAddress,
    requestId: row.requestId,
    method: row.method,
    path: row.path,
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    province: row.province,
    outcome: row.outcome,
    status: row.status,
    before: row.before,
    after: row.after,
    updateId: row.updateId,
  };
}

export type ChainVerdict = { intact: true; rows: number; head: string } | { intact: false; rows: number; row: string; problem: string };

/**
 * Walks the chain in append order and names the first row where it fails: a row whose content no
 * longer gives its hash (altered), a row the chain runs past (inserted), or a link to a row that
 * is not there (deleted). Rows read in pages, with one row of look-ahead to tell an inserted row
 * from a deleted one. (Rows appended at the end by someone who knows the scheme, or the last rows
 * deleted, need an anchor kept outside the database: the head this returns.)
 */
export async function verifyAuditChain(prisma: PrismaClient, onProgress?: (rows: number) => void): Promise<ChainVerdict> {
  const PAGE = 2_000;
  let page: AuditRow[] = [];
  let cursor: bigint | undefined;
  const nextRow = async (): Promise<AuditRow | undefined> => {
    if (page.length === 0) {
      page = await prisma.auditEvent.findMany({ ...(cursor === undefined ? {} : { where: { id: { gt: cursor } } }), orderBy: { id: 'asc' }, take: PAGE });
      if (page.length > 0) cursor = page[page.length - 1].id;
    }
    return page.shift();
  };
  let previous: AuditRow | undefined;
  let current = await nextRow();
  let rows = 0;
  while (current) {
    const following = await nextRow();
    const expected = previous?.hash ?? GENESIS_HASH;
    const sealed = auditHash(current.prevHash, contentOfRow(current)) === current.hash;
    const linked = current.prevHash === expected;
    const at = `row ${current.id}`;
    const after = previous ? `row ${previous.id}` : 'the start';
    if (!linked && following?.prevHash === expected) {
      return { intact: false, rows, row: current.id.toString(), problem: `${at} was inserted: the chain runs from ${after} to row ${following.id} past it` };
    }
    if (!sealed) {
      const problem = linked ? `${at} was altered: its content no longer gives its hash` : `${at} was inserted or altered: neither its hash nor its link to ${after} holds`;
      return { intact: false, rows, row: current.id.toString(), problem };
    }
    if (!linked) {
      return { intact: false, rows, row: current.id.toString(), problem: `rows were deleted between ${after} and ${at} (or ${after} was altered and its hash recomputed)` };
    }
    rows += 1;
    if (rows % 10_000 === 0) onProgress?.(rows);
    previous = current;
    current = following;
  }
  return { intact: true, rows, head: previous?.hash ?? GENESIS_HASH };
}
