import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { createApp, type ApiDependencies } from '../../api/app';
import type { CaseSettings } from '../../api/campaigns';
import { config } from '../../platform/config';
import { type PdfRenderer, libreOfficePdfRenderer } from '../../platform/libreOffice';
import { createLogger } from '../../platform/logger';
import { createMailer } from '../../platform/mailer';
import { provinces } from '../../domain/generator';
import { createPrisma, type PrismaClient } from '../../platform/prisma';
import { seedDemoDirectory } from '../../store/directory';
import { installTemporalLogging } from '../../platform/temporalLogging';
import { createWorker } from '../../worker/createWorker';
import { services } from './services';

export interface Harness {
  baseUrl: string;
  /** Demo directory tokens, by `<province code>-<agency>-<role>` (and `miit`). */
  tokens: Record<string, string>;
  /** fetch against the API as the holder of `token`. */
  as(token: string): (path: string, init?: RequestInit) => Promise<Response>;
  prisma: PrismaClient;
  client: Client;
  taskQueue: string;
  /** This harness's report store. */
  reportsDir: string;
  stop(): Promise<void>;
}

/** Where the harness's worker emails the phase reports. */
export const MIIT_REPORT_EMAIL = 'miit-reports@test.example';

/**
 * The production pieces wired together against the real test services: a worker on its own task
 * queue (so test files running in parallel do not steal each other's tasks) and the API on a free
 * port, talking to Temporal through the same client code as `npm start`.
 */
let sdkLoggingInstalled = false;

async function startWorker(taskQueue: string, prisma: PrismaClient, reportsDir: string, pdf: PdfRenderer | undefined): Promise<{ stop(): Promise<void> }> {
  const svc = services();
  const connection = await NativeConnection.connect({ address: svc.temporalAddress });
  const worker: Worker = await createWorker({
    connection,
    namespace: 'default',
    taskQueue,
    activities: createActivities({ prisma, mailer: createMailer(svc.smtpUrl), mailFrom: 'campaign@test.example', reportsDir, miitReportEmail: MIIT_REPORT_EMAIL, pdf }),
    workflowBundlePath: svc.workflowBundlePath,
    shutdownGraceSeconds: 5,
    activityConcurrency: config().WORKER_ACTIVITY_CONCURRENCY,
  });
  const running = worker.run();
  return {
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}

export async function startHarness(
  name: string,
  options: { databaseUrl?: string; caseSettings?: CaseSettings; inProcessWorker?: boolean; app?: Partial<ApiDependencies>; seedDemoDirectory?: boolean } = {},
): Promise<Harness> {
  const svc = services();
  if (!sdkLoggingInstalled) {
    installTemporalLogging(createLogger('temporal-sdk', process.env.TEST_LOG_LEVEL ?? 'warn'));
    sdkLoggingInstalled = true;
  }
  const taskQueue = `test-${name}-${process.pid}`;
  const log = createLogger(`test-${name}`, process.env.TEST_LOG_LEVEL ?? 'silent');
  // The API and the worker share this client: the worker's pool as in production, and pg's default 10 for the API.
  const prisma = createPrisma(options.databaseUrl ?? svc.databaseUrl, { poolSize: config().WORKER_ACTIVITY_CONCURRENCY + 10 });
  // Without it the installation is empty, as a province's is before its first administrator.
  const directory = options.seedDemoDirectory === false ? [] : await seedDemoDirectory(prisma, provinces);
  const tokens = Object.fromEntries(directory.map((e) => [e.role === 'miitCoordinator' ? 'miit' : e.token.replace(/^demo-/, ''), e.token]));
  const connection = await Connection.connect({ address: svc.temporalAddress });
  const client = new Client({ connection, namespace: 'default' });
  const reportsDir = mkdtempSync(path.join(os.tmpdir(), `reports-${name}-`));
  const pdf = await libreOfficePdfRenderer(log);
  const worker = options.inProcessWorker === false ? undefined : await startWorker(taskQueue, prisma, reportsDir, pdf);
  const app = createApp({
    prisma,
    temporal: client,
    namespace: 'default',
    taskQueue,
    log,
    reportsDir,
    pdf,
    mailer: createMailer(svc.smtpUrl),
    caseSettings: options.caseSettings ?? { scale: { kind: 'realtime' }, taskDueDays: 20, reminderBeforeDays: 3, graceDays: 7 },
    ...options.app,
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    tokens,
    as: (token) => (path, init = {}) =>
      fetch(`${baseUrl}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } }),
    prisma,
    client,
    taskQueue,
    reportsDir,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await worker?.stop();
      await connection.close();
      await prisma.$disconnect();
      rmSync(reportsDir, { recursive: true, force: true });
    },
  };
}
