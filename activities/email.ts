import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '@prisma/client';
import type { Transporter } from 'nodemailer';
import { addressedToAssignee } from './directory';
import { reportFilePath } from '../store/reportStore';

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

/** Derived from the outbox key, so a resend after a crash carries the same Message-ID. */
export function messageIdFor(key: string): string {
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@rare-earth-campaign>`;
}

export function emailActivities(deps: { prisma: PrismaClient; mailer: Transporter; from: string; reportsDir: string }) {
  return {
    /**
     * Sends a message at most once per key. The outbox row is written first; a retry finds it
     * and, once it is marked sent, sends nothing. What remains is the instant between the SMTP
     * server's acceptance and the row's update: a crash exactly there resends with the same
     * Message-ID, which receivers (and the bundled mail sink) use to drop the duplicate.
     */
    /** Answers with whom the message went to: a reminder goes to the task's assignee, not where it was addressed. */
    async sendEmail(requested: EmailToSend): Promise<{ messageId: string; alreadySent: boolean; to: string[] }> {
      const email = await addressedToAssignee(deps.prisma, requested);
      const messageId = messageIdFor(email.key);
      const row = await deps.prisma.outboundEmail.upsert({
        where: { key: email.key },
        create: { key: email.key, messageId, to: email.to, cc: email.cc ?? [], subject: email.subject, body: email.body, attachments: (email.attachments ?? []) as unknown as Prisma.InputJsonArray },
        update: { attempts: { increment: 1 } },
      });
      if (row.status === 'sent') return { messageId, alreadySent: true, to: row.to };
      try {
        const attachments = (row.attachments as unknown as EmailAttachment[]).map((a) => ({ filename: a.filename, path: reportFilePath(deps.reportsDir, a.file) }));
        await deps.mailer.sendMail({ from: deps.from, to: row.to, cc: row.cc, subject: row.subject, text: row.body, messageId, attachments });
      } catch (error) {
        await deps.prisma.outboundEmail.update({ where: { key: email.key }, data: { lastError: String(error).slice(0, 2_000) } });
        throw error;
      }
      await deps.prisma.outboundEmail.update({ where: { key: email.key }, data: { status: 'sent', sentAt: new Date(), lastError: null } });
      return { messageId, alreadySent: false, to: row.to };
    },
  };
}
