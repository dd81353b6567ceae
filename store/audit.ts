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

interface ChainedContent {
  at: string;
  actorStaffId: string | null;
  actorRole: string | null;
  credentialKind: string | null;
  credentialId: string | null;
  clientAddress: string | null;
  requestId: string;
  method: string;
  path: string;
  action: string;
  objectType: string | null;
  objectId: string | null;
  province: string | null;
  outcome: string;
  status: number;
  before: unknown;
  after: unknown;
  updateId: string | null;
}

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

const json = (value: unknown) => (value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue));

/**
 * Appends one row to the audit chain inside `tx`, the transaction of the change it records: both
 * commit or neither does. The advisory lock (held to the end of the transaction) serialises
 * appends, so two requests never chain onto the same previous row.
 */
export async function appendAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}::bigint)`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: 'desc' }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content = contentOf({ ...entry, at: new Date(entry.at.getTime()) });
  await tx.auditEvent.create({
    data: {
      ...content,
      at: entry.at,
      actorRole: entry.actor?.role ?? null,
      outcome: entry.outcome,
      before: json(content.before),
      after: json(content.after),
      prevHash,
      hash: auditHash(prevHash, content),
    },
  });
}

/** An audit row on its own, for a request whose change (if any) is not a PostgreSQL write. */
export async function recordAudit(prisma: PrismaClient, entry: AuditEntry): Promise<void> {
  await prisma.$transaction((tx) => appendAudit(tx, entry));
}
