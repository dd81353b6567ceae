import { randomBytes } from 'node:crypto';
import type { PasswordLink, PasswordLinkPurpose, Prisma, PrismaClient, SignInOutcome, StaffUser } from '@prisma/client';
import { sha256 } from './apiTokens';
import { normalEmail } from '../domain/directory';
import { appendAudit, type AuditEntry } from './audit';

export function accountForSignIn(prisma: PrismaClient, email: string): Promise<(StaffUser & { password: { hash: string } | null }) | null> {
  return prisma.staffUser.findFirst({ where: { email: { equals: normalEmail(email), mode: 'insensitive' } }, include: { password: { select: { hash: true } } } });
}

export interface LockoutPolicy {
  /** Failures in a row, per account, after which it is locked for `lockMs`. */
  accountLockAfter: number;
  /** The same, per client address, counting every account tried from it. */
  addressLockAfter: number;
  lockMs: number;
}

/** Failures that count towards a lockout: from the client's side each is "wrong email or password". */
const FAILURES: SignInOutcome[] = ['wrongPassword', 'unknownAccount', 'disabled'];
/** The failures just below the lock threshold that slow the next attempt: 1 s, then 2 s. */
const SLOWED_FAILURES = 2;

/**
 * When the next attempt for this account and address may be checked, if not now: the later of the
 * two keys' waits. Per key, the failures within `lockMs` up to its latest failure count (for the
 * account, only those since its last successful sign-in): the last SLOWED_FAILURES below the
 * key's lock threshold make the next attempt wait 1, 2, … seconds after the latest (slowed); at
 * the threshold, `lockMs` after it (locked). A refused attempt is recorded but does not count, so
 * waiting it out always works.
 */
export async function nextAttemptAt(prisma: PrismaClient, input: { email: string; address: string; now: Date; policy: LockoutPolicy }): Promise<Date | undefined> {
  const { lockMs } = input.policy;
  const email = normalEmail(input.email);
  const lastSuccess = await prisma.signInAttempt.findFirst({ where: { email, outcome: 'succeeded' }, orderBy: { id: 'desc' }, select: { id: true } });
  const waitUntil = async (where: Prisma.SignInAttemptWhereInput, lockAfter: number): Promise<number> => {
    // Attempts are ordered by id, not time: several may share a millisecond.
    const recent = await prisma.signInAttempt.findMany({
      where: { ...where, outcome: { in: FAILURES }, at: { gt: new Date(input.now.getTime() - 2 * lockMs) } },
      orderBy: { id: 'desc' },
      select: { at: true },
      take: lockAfter,
    });
    if (recent.length === 0) return 0;
    const last = recent[0].at.getTime();
    const failures = recent.filter((f) => last - f.at.getTime() < lockMs).length;
    const free = Math.max(1, lockAfter - SLOWED_FAILURES);
    if (failures >= lockAfter) return last + lockMs;
    return failures >= free ? last + 1000 * 2 ** (failures - free) : 0;
  };
  const until = Math.max(
    await waitUntil({ email, ...(lastSuccess ? { id: { gt: lastSuccess.id } } : {}) }, input.policy.accountLockAfter),
    await waitUntil({ address: input.address }, input.policy.addressLockAfter),
  );
  return until > input.now.getTime() ? new Date(until) : undefined;
}

export async function recordSignInAttempt(prisma: PrismaClient, attempt: { at: Date; email: string; staffId?: string; address: string; outcome: SignInOutcome }): Promise<void> {
  await prisma.signInAttempt.create({ data: { ...attempt, email: normalEmail(attempt.email) } });
}

/**
 * A new one-time link: its secret is returned once, only its hash is kept. `audit`, for a link
 * asked for through the API, makes its audit row, appended in the same transaction.
 */
export async function createPasswordLink(
  prisma: PrismaClient,
  input: { staffId: string; purpose: PasswordLinkPurpose; now: Date; lifetimeMs: number; createdBy: string },
  audit?: (row: PasswordLink) => AuditEntry,
): Promise<{ row: PasswordLink; secret: string }> {
  const secret = randomBytes(32).toString('base64url');
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.passwordLink.create({
    data: {
      id: `pwl_${randomBytes(9).toString('base64url')}`,
      hash: sha256(secret),
      staffId: input.staffId,
      purpose: input.purpose,
      createdAt: input.now,
      expiresAt: new Date(input.now.getTime() + input.lifetimeMs),
      createdBy: input.createdBy,
      },
    });
    if (audit) await appendAudit(tx, audit(created));
    return created;
  });
  return { row, secret };
}

/**
 * Sets the password of a link's holder and spends the link, with every other open link of theirs,
 * in one transaction with its audit row; their sessions end, since whoever knew the old password
 * may hold one.
 * Undefined when the link is unknown, spent, expired, or its holder is disabled.
 */
export async function setPasswordWithLink(
  prisma: PrismaClient,
  input: { secret: string; passwordHash: string; now: Date },
  audit: (done: { link: PasswordLink; staff: StaffUser }) => AuditEntry,
): Promise<{ link: PasswordLink; staff: StaffUser } | undefined> {
  return prisma.$transaction(async (tx) => {
    const link = await tx.passwordLink.findUnique({ where: { hash: sha256(input.secret) }, include: { staff: true } });
    if (!link || link.usedAt || link.expiresAt <= input.now || link.staff.disabledAt) return undefined;
    // The spend is conditional, so two requests racing with one link set the password once.
    const spent = await tx.passwordLink.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: input.now } });
    if (spent.count === 0) return undefined;
    await tx.passwordLink.updateMany({ where: { staffId: link.staffId, usedAt: null }, data: { usedAt: input.now } });
    await tx.localPassword.upsert({
      where: { staffId: link.staffId },
      create: { staffId: link.staffId, hash: input.passwordHash, setAt: input.now },
      update: { hash: input.passwordHash, setAt: input.now },
    });
    await tx.session.updateMany({ where: { staffId: link.staffId, revokedAt: null }, data: { revokedAt: input.now } });
    const { staff, ...row } = link;
    await appendAudit(tx, audit({ link: row, staff }));
    return { link: row, staff };
  });
}
