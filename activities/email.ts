import { createHash, randomUUID } from 'node:crypto';
import os from 'node:os';
import { ApplicationFailure } from '@temporalio/common';
import type { Prisma, PrismaClient } from '@prisma/client';
import { SendError, type Mailer } from '../platform/mailer';
import { reportFilePath } from '../store/reportStore';
import { addressedToAssignee } from './directory';
import { currentActivity } from './heartbeat';

export interface EmailToSend {
  /** The outbox key: one escalation step, one report submission. */
  key: string;
  to: string[];
  cc?: string[];
  subject: string;
  body: string;
  /** Files of the report store, read when the message is sent. */
  attachments?: EmailAttachment[];
}

export interface EmailAttachment {
  filename: string;
  /** Relative to the report store (REPORTS_DIR). */
  file: string;
}

export interface EmailSent {
  messageId: string;
  alreadySent: boolean;
  /** Whom the message went to: a reminder goes to the task's assignee, not where it was addressed. */
  to: string[];
  /** The server may or may not have taken it: the row is held as `unknown` for a person. */
  unconfirmed?: true;
}

/** Derived from the outbox key, so a resend after a crash carries the same Message-ID. */
export function messageIdFor(key: string): string {
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@rare-earth-campaign>`;
}

/** The escalation step (or report submission) an outbox key stands for, told to the mailbox in a header. */
function stepOf(key: string): string {
  const last = key.slice(key.lastIndexOf('/') + 1);
  if (last === 'reminder' || last === 'agencyHead') return last;
  return last === 'disciplineInspection' || last === 'referral' ? 'disciplineInspection' : 'report';
}

/** Room left at the end of an attempt to write its outcome down before Temporal gives up on it. */
const OUTCOME_MARGIN_MS = 2_000;
/**
 * A send lease runs this long past its holder's last renewal (one a second): a worker that dies
 * mid-send holds its message up this long, not for the rest of its attempt.
 */
const LEASE_TERM_MS = 15_000;
/** The attempt's length when not run by Temporal (the outbox tests call the activity directly). */
const DIRECT_ATTEMPT_MS = 15_000;

interface Attempt {
  owner: string;
  /** Aborts the SMTP session, whatever it is doing: at the attempt's deadline, on cancellation, or when the lease is lost. */
  signal: AbortSignal;
  /** The lease could not be renewed in time: another attempt may take it, so this one must stop. */
  loseLease(): void;
  heartbeat(): void;
}

function currentAttempt(): Attempt {
  const context = currentActivity();
  const attemptMs = context?.info.startToCloseTimeoutMs || DIRECT_ATTEMPT_MS;
  const deadline = AbortSignal.timeout(Math.max(0, attemptMs - OUTCOME_MARGIN_MS));
  const leaseLost = new AbortController();
  const loseLease = () => leaseLost.abort(new Error('the send lease could not be renewed'));
  const where = `${os.hostname()}:${process.pid}`;
  if (!context) return { owner: `direct:${randomUUID()}@${where}`, signal: AbortSignal.any([deadline, leaseLost.signal]), loseLease, heartbeat: () => undefined };
  const { info } = context;
  return {
    owner: `${info.workflowExecution?.workflowId}:${info.activityId}#${info.attempt}@${where}`,
    // Cancellation reaches an activity only through its heartbeats: the send heartbeats while it runs.
    signal: AbortSignal.any([context.cancellationSignal, deadline, leaseLost.signal]),
    loseLease,
    heartbeat: () => context.heartbeat(),
  };
}

/**
 * Sends a message at most once per key, whoever else is trying. Every attempt first takes the
 * row's send lease (an atomic update that succeeds only for a pending row whose lease is free), so
 * no two attempts ever talk to the SMTP server about one message at the same time. The holder
 * renews the lease every second and aborts its session before an unrenewed lease can run out, so
 * a dead holder delays its message by one lease term, and a live one never shares it. Just before the
 * body goes out the attempt notes `dataSentAt`: an attempt that dies, or whose session drops,
 * after that point may have delivered the message, and the row becomes `unknown`.
 *
 * The rule for `unknown`: it is held for a person and never resent on its own (a resend could be
 * the second delivery, and a receiver is not trusted to drop it by Message-ID). The workflow goes
 * on as if it were sent; `npm run outbox` lists such rows and resends or confirms one.
 */
export function emailActivities(deps: { prisma: PrismaClient; mailer: Mailer; from: string; reportsDir: string }) {
  const { prisma } = deps;
  const release = (key: string, owner: string, data: Prisma.OutboundEmailUpdateManyMutationInput) =>
    prisma.outboundEmail.updateMany({ where: { key, leaseOwner: owner }, data: { ...data, leaseOwner: null, leaseUntil: null } });

  return {
    async sendEmail(requested: EmailToSend): Promise<EmailSent> {
      const email = await addressedToAssignee(prisma, requested);
      const messageId = messageIdFor(email.key);
      const attempt = currentAttempt();
      await prisma.outboundEmail.upsert({
        where: { key: email.key },
        create: { key: email.key, messageId, to: email.to, cc: email.cc ?? [], subject: email.subject, body: email.body, attachments: (email.attachments ?? []) as unknown as Prisma.InputJsonArray },
        update: {},
      });
      // The database's clock decides whether a lease has run out, so workers' clocks need not agree;
      // this attempt counts its lease from before each update went out, which is never late.
      let renewedAt = Date.now();
      const claimed = await prisma.$executeRaw`
        UPDATE "OutboundEmail"
           SET "leaseOwner" = ${attempt.owner}, "leaseUntil" = now() + ${LEASE_TERM_MS} * interval '1 millisecond', "attempts" = "attempts" + 1
         WHERE "key" = ${email.key} AND "status" = 'pending' AND "dataSentAt" IS NULL
           AND ("leaseUntil" IS NULL OR "leaseUntil" < now())`;
      if (claimed === 0) return settled(email.key, messageId);
      const renew = async () => {
        const asked = Date.now();
        try {
          const renewed = await prisma.$executeRaw`
            UPDATE "OutboundEmail" SET "leaseUntil" = now() + ${LEASE_TERM_MS} * interval '1 millisecond'
             WHERE "key" = ${email.key} AND "leaseOwner" = ${attempt.owner}`;
          if (renewed === 0) attempt.loseLease();
          else renewedAt = asked;
        } catch {
          // A slow or failing database is given until the last renewal could run out.
        }
      };

      const row = await prisma.outboundEmail.findUniqueOrThrow({ where: { key: email.key } });
      const renewals = setInterval(() => {
        attempt.heartbeat();
        if (Date.now() - renewedAt > LEASE_TERM_MS - OUTCOME_MARGIN_MS) attempt.loseLease();
        else void renew();
      }, 1_000);
      try {
        attempt.heartbeat();
        await deps.mailer.send(
          {
            from: deps.from,
            to: row.to,
            cc: row.cc,
            subject: row.subject,
            text: row.body,
            messageId,
            headers: { 'X-Campaign-Step': stepOf(email.key) },
            attachments: (row.attachments as unknown as EmailAttachment[]).map((a) => ({ filename: a.filename, path: reportFilePath(deps.reportsDir, a.file) })),
          },
          {
            signal: attempt.signal,
            beforeData: async () => {
              const marked = await prisma.outboundEmail.updateMany({ where: { key: email.key, leaseOwner: attempt.owner }, data: { dataSentAt: new Date() } });
              if (marked.count === 0) throw new Error('the send lease was lost before the message body went out');
            },
          },
        );
      } catch (error) {
        const unknown = error instanceof SendError && error.outcomeUnknown;
        await release(email.key, attempt.owner, unknown ? { status: 'unknown', lastError: describe(error) } : { lastError: describe(error), dataSentAt: null });
        if (unknown) return { messageId, alreadySent: false, to: row.to, unconfirmed: true };
        throw error;
      } finally {
        clearInterval(renewals);
      }
      await release(email.key, attempt.owner, { status: 'sent', sentAt: new Date(), lastError: null });
      return { messageId, alreadySent: false, to: row.to };
    },
  };

  /** The lease could not be taken: the message is sent, held, or another attempt holds it. */
  async function settled(key: string, messageId: string): Promise<EmailSent> {
    // A holder that died after the body went out leaves a row with the body sent and the lease run out.
    await prisma.$executeRaw`
      UPDATE "OutboundEmail" SET "status" = 'unknown', "leaseOwner" = NULL, "leaseUntil" = NULL,
             "lastError" = 'the sending attempt ended after the message body went out, before the server''s answer was recorded'
       WHERE "key" = ${key} AND "status" = 'pending' AND "dataSentAt" IS NOT NULL AND "leaseUntil" < now()`;
    const row = await prisma.outboundEmail.findUniqueOrThrow({ where: { key } });
    if (row.status === 'sent') return { messageId, alreadySent: true, to: row.to };
    if (row.status === 'unknown') return { messageId, alreadySent: false, to: row.to, unconfirmed: true };
    const waitMs = Math.max(1_000, (row.leaseUntil?.getTime() ?? Date.now()) - Date.now());
    throw ApplicationFailure.create({
      type: 'EmailSendLeaseHeld',
      message: `another attempt (${row.leaseOwner}) may still be sending ${key}; its lease ends ${row.leaseUntil?.toISOString()}`,
      nextRetryDelay: waitMs,
    });
  }
}

function describe(error: unknown): string {
  return String(error instanceof Error ? error.message : error).slice(0, 2_000);
}
