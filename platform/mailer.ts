import { Readable } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import SMTPConnection, { type SMTPConnectionOptions } from 'nodemailer/lib/smtp-connection';

export interface OutgoingMail {
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  messageId: string;
  attachments: { filename: string; path: string }[];
  headers?: Record<string, string>;
}

export interface SendHooks {
  /** Ends the SMTP session at once (the socket is destroyed, so nothing more reaches the server). */
  signal: AbortSignal;
  /**
   * Awaited after the server has accepted the envelope and before the first byte of the body
   * goes out: once the body has gone, a dropped session leaves the outcome unknown.
   */
  beforeData(): Promise<void>;
}

/** Why a send failed, and whether the server may have taken the message all the same. */
export class SendError extends Error {
  constructor(
    message: string,
    /** The whole body went out and no final answer came back. */
    readonly outcomeUnknown: boolean,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

/**
 * The SMTP relay, one session per message. Its own timeouts are short (an outbox send must end
 * well inside its activity's timeout), and the caller can end a session at any point through an
 * AbortSignal. The session is driven below nodemailer's transport so that we know when the body
 * starts to go out: that is the line between "not sent" and "maybe sent".
 */
export interface Mailer {
  send(mail: OutgoingMail, hooks: SendHooks): Promise<{ response: string }>;
  /** Connects and says EHLO (and logs in when configured): the relay answers. */
  verify(timeoutMs: number): Promise<void>;
  readonly url: string;
}

/** Upper bounds of one session's phases; the activity's own deadline cuts them shorter. */
export const SMTP_TIMEOUTS = { connectionTimeout: 4_000, greetingTimeout: 4_000, socketTimeout: 8_000 } as const;

export function createMailer(url: string): Mailer {
  const parsed = parseConnectionUrl(url) as SMTPConnectionOptions & { auth?: { user: string; pass: string } };
  const { auth, ...connection } = parsed;
  const options: SMTPConnectionOptions = { ...connection, ...SMTP_TIMEOUTS, socketCloseTimeout: 0, logger: false };

  const session = <T>(signal: AbortSignal, work: (conn: SMTPConnection, done: (error: Error | null, value?: T) => void) => void): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const conn = new SMTPConnection(options);
      let finished = false;
      const finish = (error: Error | null, value?: T) => {
        if (finished) return;
        finished = true;
        signal.removeEventListener('abort', onAbort);
        conn.close();
        if (error) reject(error);
        else resolve(value as T);
      };
      const onAbort = () => finish(signal.reason instanceof Error ? signal.reason : new Error('SMTP session aborted'));
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      conn.once('error', (error: Error) => finish(error));
      conn.connect(() => {
        if (!auth) return work(conn, finish);
        conn.login(auth, (error) => (error ? finish(error) : work(conn, finish)));
      });
    });

  return {
    url,
    async send(mail, hooks) {
      const body = await new MailComposer({
        from: mail.from,
        to: mail.to,
        cc: mail.cc,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        attachments: mail.attachments,
        headers: mail.headers,
      })
        .compile()
        .build();
      let bodyWent = false;
      const data = new Readable({
        read() {
          if (bodyWent) return;
          bodyWent = true;
          hooks.beforeData().then(
            () => {
              this.push(body);
              this.push(null);
            },
            (error: Error) => this.destroy(error),
          );
        },
      });
      try {
        return await session<{ response: string }>(hooks.signal, (conn, done) => {
          conn.send({ from: mail.from, to: [...mail.to, ...mail.cc] }, data, (error, info) => {
            if (error) return done(error);
            done(null, { response: info.response });
          });
        });
      } catch (error) {
        // A failure the server answered (a 4xx/5xx to the body) is definite: the message was refused.
        const answered = typeof (error as { responseCode?: unknown }).responseCode === 'number';
        const unknown = bodyWent && data.readableEnded && !answered;
        throw new SendError(error instanceof Error ? error.message : String(error), unknown, error);
      }
    },
    async verify(timeoutMs) {
      await session<void>(AbortSignal.timeout(timeoutMs), (_conn, done) => done(null));
    },
  };
}
