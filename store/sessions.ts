import { randomBytes } from 'node:crypto';
import type { PrismaClient, Session, SignInMethod } from '@prisma/client';
import type { Principal } from '../domain/access';
import { sha256 } from './apiTokens';
import { appendAudit, type AuditEntry } from './audit';
import { principalOfStaff, staffWithAgency } from './principals';

export interface SessionLifetime {
  /** A session ends this long after sign-in, however busy. */
  maxMs: number;
  /** ... and this long after its last request. */
  idleMs: number;
}

/** A session's last request is written at most this often: not one write per request. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/** A new session: the cookie's secret is returned once, only its hash is kept; `audit` makes the sign-in's audit row, appended in the same transaction. */
export async function openSession(
  prisma: PrismaClient,
  input: { staffId: string; method: SignInMethod; address: string; userAgent?: string; now: Date; lifetime: SessionLifetime },
  audit: (row: Session) => AuditEntry,
): Promise<{ row: Session; secret: string }> {
  const secret = randomBytes(32).toString('base64url');
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.session.create({
    data: {
      id: `ses_${randomBytes(9).toString('base64url')}`,
      hash: sha256(secret),
      staffId: input.staffId,
      method: input.method,
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt: new Date(input.now.getTime() + input.lifetime.maxMs),
      address: input.address,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
      },
    });
    await appendAudit(tx, audit(created));
    return created;
  });
  return { row, secret };
}

/**
 * The principal and session of a cookie's secret, as of `now`: undefined once the session is
 * signed out, past its expiry or idle too long, or its holder is disabled.
 */
export async function sessionForSecret(
  prisma: PrismaClient,
  secret: string,
  now: Date,
  lifetime: SessionLifetime,
): Promise<{ principal: Principal; session: Session } | undefined> {
  const row = await prisma.session.findUnique({ where: { hash: sha256(secret) }, include: { staff: staffWithAgency } });
  if (!row || row.revokedAt || row.expiresAt <= now || now.getTime() - row.lastSeenAt.getTime() >= lifetime.idleMs || row.staff.disabledAt) return undefined;
  const { staff, ...session } = row;
  if (now.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) await prisma.session.update({ where: { id: row.id }, data: { lastSeenAt: now } });
  return { principal: principalOfStaff(staff, { kind: 'session', id: row.id }), session };
}

/** Signs a session out, with the audit row in the same transaction. */
export async function closeSession(prisma: PrismaClient, id: string, now: Date, audit: AuditEntry): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    await appendAudit(tx, audit);
  });
}
