import path from 'node:path';
import type { EmailAttachment } from '../activities/email';
import { config } from '../platform/config';
import { createMailer } from '../platform/mailer';
import { embeddedDatabaseUrl } from '../platform/postgres';
import { createPrisma } from '../platform/prisma';
import { commandLine, runCommand } from './lib/commandLine';

const usage = 'usage: npm run outbox -- [list | confirm <key> | resend <key>]';

/**
 * `npm run outbox`: the emails whose delivery is unknown (the session dropped after the body went
 * out), held for a person. Look the Message-ID up in the relay's log or the recipient's mailbox,
 * then either
 *   npm run outbox -- confirm <key>   it arrived: mark it sent
 *   npm run outbox -- resend <key>    it did not: send it once more, with the same Message-ID
 * Beside `npm start` it finds the embedded PostgreSQL and mail sink; otherwise DATABASE_URL and SMTP_URL.
 */
async function main(): Promise<number> {
  const [command = 'list', key] = commandLine({}).positionals;
  const cfg = config();
  const prisma = createPrisma(cfg.DATABASE_URL ?? embeddedDatabaseUrl(cfg.EMBEDDED_POSTGRES_PORT));
  try {
    if (command === 'list') {
      const held = await prisma.outboundEmail.findMany({ where: { status: 'unknown' }, orderBy: { createdAt: 'asc' } });
      for (const row of held) console.log(`${row.key}\t${row.messageId}\t${row.to.join(',')}\t${row.subject}\t${row.lastError ?? ''}`);
      console.error(`${held.length} email(s) of unknown delivery`);
      return 0;
    }
    if (!key || !['confirm', 'resend'].includes(command)) {
      console.error(usage);
      return 2;
    }
    const row = await prisma.outboundEmail.findUnique({ where: { key } });
    if (row?.status !== 'unknown') {
      console.error(`${key}: ${row ? `is ${row.status}, not unknown` : 'no such outbox key'}`);
      return 1;
    }
    if (command === 'resend') {
      const mailer = createMailer(cfg.SMTP_URL ?? `smtp://127.0.0.1:${cfg.MAIL_SINK_SMTP_PORT}`);
      await mailer.send(
        { from: cfg.MAIL_FROM, to: row.to, cc: row.cc, subject: row.subject, text: row.body, messageId: row.messageId, attachments: (row.attachments as unknown as EmailAttachment[]).map((a) => ({ filename: a.filename, path: path.join(cfg.REPORTS_DIR, a.file) })) },
        { signal: AbortSignal.timeout(30_000), beforeData: async () => undefined },
      );
    }
    await prisma.outboundEmail.update({ where: { key }, data: { status: 'sent', sentAt: new Date(), lastError: command === 'resend' ? 'resent by hand' : 'confirmed by hand' } });
    console.log(`${key}: ${command === 'resend' ? 'resent' : 'confirmed'}`);
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

runCommand(main, { usage });
