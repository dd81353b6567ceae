import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { emailActivities, messageIdFor } from '../../activities/email';
import { freePort } from '../../platform/freePort';
import { createLogger } from '../../platform/logger';
import { createMailer } from '../../platform/mailer';
import { installTemporalLogging } from '../../platform/temporalLogging';
import { spawnMailSink, type MailSinkProcess } from '../../scripts/lib/mailSinkProcess';
import { useFreshDatabase } from '../support/freshDatabase';
import { services } from '../support/services';
import { waitFor } from '../support/waitFor';

/**
 * The SMTP relay freezes (SIGSTOP: connections are accepted, nothing answers) while emails are
 * due. Temporal times the attempts out and retries them, again and again; when the relay thaws,
 * every email must have arrived exactly once, counted at a sink that keeps repeated Message-IDs.
 */
const db = useFreshDatabase();
let sink: MailSinkProcess;
let dataDir: string;

beforeAll(async () => {
  installTemporalLogging(createLogger('temporal-sdk', process.env.TEST_LOG_LEVEL ?? 'warn'));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-stall-'));
  sink = await spawnMailSink({ dataDir, smtpPort: await freePort(), httpPort: await freePort() });
});
afterAll(async () => {
  await sink.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a frozen relay: attempts time out and retry, and each email is delivered once', async () => {
  const taskQueue = `test-smtp-stall-${process.pid}`;
  const nativeConnection = await NativeConnection.connect({ address: services().temporalAddress });
  const worker = await Worker.create({
    connection: nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('../support/workflows/sendEmailOnce'),
    activities: emailActivities({ prisma: db.prisma, mailer: createMailer(sink.smtpUrl), from: 'campaign@test.example', reportsDir: os.tmpdir() }),
  });
  const running = worker.run();
  const connection = await Connection.connect({ address: services().temporalAddress });
  const client = new Client({ connection });
  try {
    const emails = Array.from({ length: 3 }, (_, i) => ({ key: `stall-${randomUUID()}/agencyHead`, to: [`head-${i}@tax.example`], subject: `stall ${i}`, body: 'body' }));
    sink.freeze();
    const handles = await Promise.all(emails.map((email) => client.workflow.start('sendEmailOnceWorkflow', { taskQueue, workflowId: email.key, args: [email] })));
    // Every email's activity has timed out and been retried at least twice while the relay was frozen.
    for (const handle of handles) {
      await waitFor(`${handle.workflowId} to be on its third attempt`, async () => {
        const pending = (await handle.describe()).raw.pendingActivities ?? [];
        return (pending[0]?.attempt ?? 0) >= 3 ? true : undefined;
      }, 90_000);
    }
    sink.thaw();
    const results = await Promise.all(handles.map((h) => h.result()));
    expect(results.every((r) => r.alreadySent === false && !r.unconfirmed)).toBe(true);

    const delivered = (await sink.messages()).filter((m) => emails.some((e) => messageIdFor(e.key) === m.messageId));
    expect(delivered.map((m) => m.messageId).sort()).toEqual(emails.map((e) => messageIdFor(e.key)).sort());
    expect(delivered.filter((m) => m.repeatOf)).toEqual([]);
    const rows = await db.prisma.outboundEmail.findMany({ where: { key: { in: emails.map((e) => e.key) } } });
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(rows.every((r) => r.attempts >= 3 && r.leaseOwner === null)).toBe(true);
  } finally {
    sink.thaw();
    worker.shutdown();
    await running;
    await nativeConnection.close();
    await connection.close();
  }
}, 150_000);
