import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../platform/projectRoot';
import type { StoredMail } from '../../platform/mailSink';

export interface MailSinkProcess {
  child: ChildProcess;
  smtpUrl: string;
  httpUrl: string;
  messages(): Promise<StoredMail[]>;
  /** SIGSTOP: connections are still accepted by the kernel, and nothing answers them. */
  freeze(): void;
  thaw(): void;
  stop(): Promise<void>;
}

/** The compiled mail sink (dist/scripts/mail-sink.js) as a child process a fault experiment can freeze or kill. */
export async function spawnMailSink(options: { dataDir: string; smtpPort: number; httpPort: number }): Promise<MailSinkProcess> {
  const child = spawn(process.execPath, [path.join(projectRoot(), 'dist', 'scripts', 'mail-sink.js')], {
    env: { PATH: process.env.PATH, DATA_DIR: options.dataDir, MAIL_SINK_SMTP_PORT: String(options.smtpPort), MAIL_SINK_HTTP_PORT: String(options.httpPort), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const httpUrl = `http://127.0.0.1:${options.httpPort}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the mail sink exited (${child.exitCode}) before it answered`);
    if (Date.now() > deadline) throw new Error('the mail sink did not answer within 30 s');
    try {
      if ((await fetch(`${httpUrl}/messages`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    smtpUrl: `smtp://127.0.0.1:${options.smtpPort}`,
    httpUrl,
    messages: async () => (await (await fetch(`${httpUrl}/messages`)).json()) as StoredMail[],
    freeze: () => child.kill('SIGSTOP'),
    thaw: () => child.kill('SIGCONT'),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGCONT');
      child.kill('SIGKILL');
      await exited;
    },
  };
}
