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

// Arbitrary, fixed, and distinct from the migrations' lock (platform/migrations.ts).
const AUDIT_CHAIN_LOCK = 72_707_370;

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
 * The lock, then the row in one statement that reads the previous row's hash and hashes the new
 * row in PostgreSQL (sha256 over the same bytes as auditHash), so the lock is held for two round
 * trips only: appends are serialised, and a request waits little for another's.
 */
function appendStatements(entry: AuditEntry): [Prisma.Sql, Prisma.Sql] {
  const c = contentOf(entry);
  const jsonb = (value: unknown) => (value === null ? null : JSON.stringify(value));
  const lock = Prisma.sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}::bigint)`;
  const insert = Prisma.sql`
    INSERT INTO "AuditEvent" ("at", "actorStaffId", "actorRole", "credentialKind", "credentialId", "clientAddress", "requestId", "method", "path",
      "action", "objectType", "objectId", "province", "outcome", "status", "before", "after", "updateId", "prevHash", "hash")
    SELECT ${c.at}::timestamptz, ${c.actorStaffId}, ${c.actorRole}::"StaffRole", ${c.credentialKind}, ${c.credentialId}, ${c.clientAddress}, ${c.requestId}, ${c.method}, ${c.path},
      ${c.action}, ${c.objectType}, ${c.objectId}, ${c.province}, ${c.outcome}::"AuditOutcome", ${c.status}::int, ${jsonb(c.before)}::jsonb, ${jsonb(c.after)}::jsonb, ${c.updateId},
      prev.hash, encode(sha256(convert_to(prev.hash || ${`\n${canonicalJson(c)}`}::text, 'UTF8')), 'hex')
    FROM (SELECT COALESCE((SELECT "hash" FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1), ${GENESIS_HASH}) AS hash) AS prev`;
  return [lock, insert];
}

/**
 * Appends one row to the audit chain inside `tx`, the transaction of the change it records: both
 * commit or neither does. The advisory lock (held to the end of the transaction) serialises
 * appends, so two requests never chain onto the same previous row.
 */
export async function appendAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  for (const statement of appendStatements(entry)) await tx.$executeRaw(statement);
}

/** An audit row on its own, for a request whose change (if any) is not a PostgreSQL write. */
export async function recordAudit(prisma: PrismaClient, entry: AuditEntry): Promise<void> {
  await prisma.$transaction(appendStatements(entry).map((statement) => prisma.$executeRaw(statement)));
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
