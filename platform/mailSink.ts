import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Logger } from './logger';

export interface StoredMail {
  id: string;
  messageId?: string;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  /** What came attached; the content itself is not kept. Absent on mail stored by older versions. */
  attachments?: { filename: string; contentType: string; bytes: number; sha256: string }[];
  receivedAt: string;
}

export interface RunningMailSink {
  smtpUrl: string;
  httpUrl: string;
  stop(): Promise<void>;
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value.map((v) => v.address ?? '')).filter(Boolean);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A real SMTP server for when no SMTP_URL is configured: it accepts every message, keeps each one
 * as a JSON file under `dir` (so the mailbox survives restarts), and shows them over HTTP:
 * `/` as a page, `/messages` as JSON (optionally `?to=address`).
 */
export async function startMailSink(options: { dir: string; smtpPort: number; httpPort: number; log: Logger }): Promise<RunningMailSink> {
  const { dir, smtpPort, httpPort, log } = options;
  fs.mkdirSync(dir, { recursive: true });

  const readAll = (): StoredMail[] =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as StoredMail);

  const seen = new Set(readAll().flatMap((m) => (m.messageId ? [m.messageId] : [])));
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: StoredMail = {
            id: randomUUID(),
            messageId: parsed.messageId,
            from: addresses(parsed.from)[0] ?? '',
            to: addresses(parsed.to),
            cc: addresses(parsed.cc),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            attachments: parsed.attachments.map((a) => ({
              filename: a.filename ?? '',
              contentType: a.contentType,
              bytes: a.content.length,
              sha256: createHash('sha256').update(a.content).digest('hex'),
            })),
            receivedAt: new Date().toISOString(),
          };
          // Like large mail providers, keep one copy per Message-ID: a sender that retries after
          // a crash re-sends the same message, not a new one.
          if (mail.messageId && seen.has(mail.messageId)) {
            log.info({ messageId: mail.messageId }, 'duplicate message dropped');
            callback();
            return;
          }
          if (mail.messageId) seen.add(mail.messageId);
          const file = `${Date.now().toString().padStart(15, '0')}-${mail.id}.json`;
          fs.writeFileSync(path.join(dir, file), JSON.stringify(mail, null, 2));
          log.debug({ to: mail.to, subject: mail.subject }, 'mail received');
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  const web = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/messages') {
      const to = url.searchParams.get('to');
      const mails = readAll().filter((m) => !to || m.to.includes(to) || m.cc.includes(to));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(mails));
      return;
    }
    if (url.pathname === '/') {
      const rows = readAll()
        .reverse()
        .map(
          (m) =>
            `<tr><td>${escapeHtml(m.receivedAt)}</td><td>${escapeHtml(m.to.join(', '))}</td><td>${escapeHtml(m.subject)}</td>` +
            `<td><pre>${escapeHtml(m.text)}</pre></td></tr>`,
        )
        .join('');
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><meta charset="utf-8"><title>Mailbox</title><h1>Outgoing mail (${readAll().length})</h1>` +
            `<table border="1" cellpadding="4"><tr><th>Received</th><th>To</th><th>Subject</th><th>Body</th></tr>${rows}</table>`,
        );
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
  });

  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(smtpPort, '127.0.0.1', () => resolve());
  });
  await new Promise<void>((resolve, reject) => {
    web.once('error', reject);
    web.listen(httpPort, '127.0.0.1', () => resolve());
  });
  const actualSmtpPort = (smtp.server.address() as { port: number }).port;
  const actualHttpPort = (web.address() as { port: number }).port;
  log.info({ smtpPort: actualSmtpPort, httpPort: actualHttpPort, dir }, 'mail sink ready');
  return {
    smtpUrl: `smtp://127.0.0.1:${actualSmtpPort}`,
    httpUrl: `http://127.0.0.1:${actualHttpPort}`,
    stop: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => web.close(() => resolve()));
    },
  };
}
