import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Logger } from './logger';

/** Which escalation step (or report submission) a message is, from the sender's X-Campaign-Step header. */
export const MAIL_STEPS = ['reminder', 'agencyHead', 'disciplineInspection', 'report'] as const;
export type MailStep = (typeof MAIL_STEPS)[number];
const stepNames: Record<MailStep, string> = { reminder: 'reminder', agencyHead: 'agency head', disciplineInspection: 'discipline inspection', report: 'report' };

export interface StoredMail {
  id: string;
  messageId?: string;
  /** Set when a message with the same Message-ID arrived before: the id of the first one. */
  repeatOf?: string;
  step?: MailStep;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  /** What came attached; the content is downloadable from the mailbox. Absent on mail stored by older versions. */
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
 * as a JSON file under `dir` (attachments beside it, so the mailbox survives restarts), and shows
 * them over HTTP: `/` as a page, `/messages` as JSON (`?to=address`, `?step=`), each message's
 * body and attachments as downloads. A message that arrives again with a Message-ID already seen
 * is kept too, marked as a repeat: the sink counts real deliveries, it does not hide them.
 */
export async function startMailSink(options: { dir: string; smtpPort: number; httpPort: number; log: Logger }): Promise<RunningMailSink> {
  const { dir, smtpPort, httpPort, log } = options;
  const filesDir = path.join(dir, 'files');
  fs.mkdirSync(filesDir, { recursive: true });

  const readAll = (): StoredMail[] =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as StoredMail);

  const firstById = new Map(readAll().flatMap((m) => (m.messageId && !m.repeatOf ? [[m.messageId, m.id] as const] : [])));
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const id = randomUUID();
          const step = String(parsed.headers.get('x-campaign-step') ?? '');
          const repeatOf = parsed.messageId ? firstById.get(parsed.messageId) : undefined;
          const mail: StoredMail = {
            id,
            messageId: parsed.messageId,
            ...(repeatOf ? { repeatOf } : {}),
            ...((MAIL_STEPS as readonly string[]).includes(step) ? { step: step as MailStep } : {}),
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
          if (parsed.attachments.length) {
            fs.mkdirSync(path.join(filesDir, id));
            parsed.attachments.forEach((a, i) => fs.writeFileSync(path.join(filesDir, id, String(i)), a.content));
          }
          if (parsed.messageId && !repeatOf) firstById.set(parsed.messageId, id);
          fs.writeFileSync(path.join(dir, `${Date.now().toString().padStart(15, '0')}-${id}.json`), JSON.stringify(mail, null, 2));
          if (repeatOf) log.warn({ messageId: mail.messageId, repeatOf }, 'mail received again: a repeated Message-ID, kept and marked');
          else log.debug({ to: mail.to, subject: mail.subject }, 'mail received');
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  // A client that drops its connection (a send aborted at its lease's deadline, a killed worker)
  // surfaces here; unhandled, it would take the sink down with every message still to come.
  smtp.on('error', (error: Error & { code?: string }) => log.debug({ code: error.code, err: error.message }, 'SMTP client connection ended abruptly'));

  const web = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const to = url.searchParams.get('to')?.trim() || undefined;
    const step = url.searchParams.get('step') || undefined;
    const selected = () => readAll().filter((m) => (!to || m.to.includes(to) || m.cc.includes(to)) && (!step || m.step === step));
    const download = /^\/messages\/([0-9a-f-]{36})\/(body\.txt|attachments\/(\d+))$/.exec(url.pathname);
    if (url.pathname === '/messages') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(selected()));
    } else if (download) {
      const mail = readAll().find((m) => m.id === download[1]);
      const attachment = download[3] === undefined ? undefined : mail?.attachments?.[Number(download[3])];
      const file = attachment ? path.join(filesDir, mail!.id, download[3]) : undefined;
      if (mail && download[2] === 'body.txt') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-disposition': `attachment; filename="${mail.id}.txt"` }).end(mail.text);
      } else if (attachment && file && fs.existsSync(file)) {
        res
          .writeHead(200, { 'content-type': attachment.contentType, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}` })
          .end(fs.readFileSync(file));
      } else {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
      }
    } else if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(mailboxPage(selected().reverse(), readAll().length, { to, step }));
    } else {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
    }
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
      web.closeAllConnections();
      await new Promise<void>((resolve) => web.close(() => resolve()));
    },
  };
}

/** The mailbox page: newest first, filterable by recipient and step, bodies and attachments downloadable. */
function mailboxPage(mails: StoredMail[], total: number, filter: { to?: string; step?: string }): string {
  const rows = mails
    .map((m) => {
      const files = (m.attachments ?? [])
        .map((a, i) => `<a href="/messages/${m.id}/attachments/${i}">${escapeHtml(a.filename)}</a> <small>${Math.ceil(a.bytes / 1024)} KB</small>`)
        .join('<br>');
      const recipients = [...m.to, ...m.cc.map((c) => `cc ${c}`)].map(escapeHtml).join('<br>');
      return (
        `<tr${m.repeatOf ? ' class="repeat"' : ''}><td class="when">${escapeHtml(m.receivedAt.replace('T', ' ').slice(0, 19))}</td>` +
        `<td>${m.step ? `<span class="step ${m.step}">${stepNames[m.step]}</span>` : ''}${m.repeatOf ? '<span class="step again">repeat</span>' : ''}</td>` +
        `<td><details><summary>${escapeHtml(m.subject)}</summary><pre>${escapeHtml(m.text)}</pre></details></td>` +
        `<td class="to">${recipients}</td><td><a href="/messages/${m.id}/body.txt">body</a>${files ? `<br>${files}` : ''}</td></tr>`
      );
    })
    .join('');
  const stepOptions = ['', ...MAIL_STEPS]
    .map((s) => `<option value="${s}"${s === (filter.step ?? '') ? ' selected' : ''}>${s ? stepNames[s as MailStep] : 'every step'}</option>`)
    .join('');
  const repeats = mails.filter((m) => m.repeatOf).length;
  return `<!doctype html><meta charset="utf-8"><title>Mailbox</title>
<style>
body{font:14px system-ui,"Noto Sans CJK SC",sans-serif;margin:1.5em;color:#222}
h1{font-size:1.3em;margin:0 0 .6em}
form{margin-bottom:1em;display:flex;gap:.5em;align-items:center}
input,select,button{font:inherit;padding:.2em .4em}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.4em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f4}
td.when{white-space:nowrap;color:#555}
td.to{font-size:.9em;color:#444}
summary{cursor:pointer}
pre{white-space:pre-wrap;background:#fafafa;padding:.6em;margin:.4em 0 0}
.step{display:inline-block;border-radius:3px;padding:0 .4em;font-size:.85em;white-space:nowrap;margin-right:.2em;background:#e8eef8}
.step.agencyHead{background:#fdf0d5}.step.disciplineInspection{background:#f9d6d5}.step.report{background:#dcefdc}
.step.again{background:#c0392b;color:#fff}
tr.repeat{background:#fff6f6}
</style>
<h1>Outgoing mail: ${mails.length} shown of ${total}${repeats ? `, <span class="step again">${repeats} repeated Message-ID</span>` : ''}</h1>
<form method="get" action="/">
<label>Recipient <input name="to" value="${escapeHtml(filter.to ?? '')}" placeholder="address" size="36"></label>
<label>Step <select name="step">${stepOptions}</select></label>
<button>Filter</button> <a href="/">clear</a>
</form>
<table><tr><th>Received</th><th>Step</th><th>Subject</th><th>Recipients</th><th>Download</th></tr>${rows}</table>`;
}
