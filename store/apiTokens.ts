import { createHash, randomBytes } from 'node:crypto';
import type { ApiToken, PrismaClient } from '@prisma/client';
import type { Principal } from '../domain/access';
import { appendAudit, type AuditEntry } from './audit';
import { principalOfStaff, staffWithAgency } from './principals';

export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A token's last use is written at most this often: not one write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The principal of a bearer token that is neither revoked nor expired, held by someone who is not
 * disabled, as of `now`; undefined otherwise. Checked on every request, so a revocation, an expiry
 * or a disabling stops the very next one.
 */
export async function principalForApiToken(prisma: PrismaClient, token: string, now: Date): Promise<Principal | undefined> {
  const row = await prisma.apiToken.findUnique({ where: { hash: sha256(token) }, include: { staff: staffWithAgency } });
  if (!row || row.revokedAt || row.expiresAt <= now || row.staff.disabledAt) return undefined;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return principalOfStaff(row.staff, { kind: 'token', id: row.id });
}

/** A new token for `staffId`: the secret is returned once, only its hash is kept; `audit` makes its audit row, appended in the same transaction. */
export async function issueApiToken(
  prisma: PrismaClient,
  input: { staffId: string; name: string; expiresAt: Date; createdBy: string },
  audit: (row: ApiToken) => AuditEntry,
): Promise<{ row: ApiToken; token: string }> {
  const id = `tok_${randomBytes(9).toString('base64url')}`;
  // The id is part of the token so that a leaked one names itself in logs and in the list.
  const token = `${id}.${randomBytes(32).toString('base64url')}`;
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({ data: { id, hash: sha256(token), ...input } });
    await appendAudit(tx, audit(created));
    return created;
  });
  return { row, token };
}

export function listApiTokens(prisma: PrismaClient, staffId: string): Promise<ApiToken[]> {
  return prisma.apiToken.findMany({ where: { staffId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
}

/**
 * The holder's own token, revoked (a second revocation keeps the first time), with the audit row
 * `audit` makes in the same transaction; undefined, and nothing written, when it is not theirs.
 */
export async function revokeApiToken(
  prisma: PrismaClient,
  input: { staffId: string; id: string; now: Date },
  audit: (change: { before: ApiToken; after: ApiToken }) => AuditEntry,
): Promise<{ before: ApiToken; after: ApiToken } | undefined> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.apiToken.findFirst({ where: { id: input.id, staffId: input.staffId } });
    if (!before) return undefined;
    const after = before.revokedAt ? before : await tx.apiToken.update({ where: { id: before.id }, data: { revokedAt: input.now } });
    await appendAudit(tx, audit({ before, after }));
    return { before, after };
  });
}

/**
 * The demo directory's tokens, derived from each entry so that they are stable across restarts and
 * can be printed: (re)activated each time the demo starts, for a year.
 */
export async function activateDemoTokens(prisma: PrismaClient, entries: readonly { staffId: string; token: string }[], now: Date): Promise<void> {
  const expiresAt = new Date(now.getTime() + 365 * 86_400_000);
  const rows = entries.map((e) => ({ id: `demo_${e.staffId}`, staffId: e.staffId, name: 'demo directory', hash: sha256(e.token), demo: true, expiresAt, createdBy: 'demo' }));
  await prisma.apiToken.createMany({ data: rows, skipDuplicates: true });
  await prisma.apiToken.updateMany({ where: { id: { in: rows.map((r) => r.id) }, demo: true }, data: { revokedAt: null, expiresAt } });
}

/** Demo tokens exist only while the demo is on: a start with the demo off revokes every one. */
export async function revokeDemoTokens(prisma: PrismaClient, now: Date): Promise<number> {
  const { count } = await prisma.apiToken.updateMany({ where: { demo: true, revokedAt: null }, data: { revokedAt: now } });
  return count;
}
