import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createActivities, type Activities } from '../../activities';
import { createApp, type ApiDependencies } from '../../api/app';
import type { CaseSettings } from '../../api/campaigns';
import { config, workerPoolSize } from '../../platform/config';
import { libreOfficePdfRenderer } from '../../platform/libreOffice';
import { createLogger } from '../../platform/logger';
import { createMailer } from '../../platform/mailer';
import { provinces } from '../../demo/generator';
import { createPrisma, type PrismaClient } from '../../platform/prisma';
import { seedDemoDirectory } from '../../store/directory';
import { installTemporalLogging } from '../../platform/temporalLogging';
import { createWorker } from '../../worker/createWorker';
import { flattenDossiers, type EnterpriseDossier } from '../../domain/campaign';
import { saveCampaignRecords } from '../../store/saveCampaignRecords';
import { taskChangeFeed } from '../../store/taskChanges';
import { freshDatabase } from './freshDatabase';
import { services } from './services';

export interface Harness {
  baseUrl: string;
  /** The database the API and the worker use. */
  databaseUrl: string;
  /** Demo directory tokens, by `<province code>-<agency>-<role>` (and `miit`). */
  tokens: Record<string, string>;
  /** fetch against the API as the holder of `token`. */
  as(token: string): (path: string, init?: RequestInit) => Promise<Response>;
  prisma: PrismaClient;
  client: Client;
  taskQueue: string;
  /** The activities its worker runs, for a test that runs a worker of its own. */
  activities: Activities;
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

async function startWorker(temporalAddress: string, taskQueue: string, activities: Activities): Promise<{ stop(): Promise<void> }> {
  const svc = services();
  const connection = await NativeConnection.connect({ address: temporalAddress });
  const worker = await createWorker({
    connection,
    namespace: 'default',
    taskQueue,
    activities,
    workflowBundlePath: svc.workflowBundlePath,
    shutdownGraceSeconds: 5,
    activityConcurrency: config().WORKER_ACTIVITY_CONCURRENCY,
    updateActivityConcurrency: config().WORKER_UPDATE_ACTIVITY_CONCURRENCY,
    workflowTaskConcurrency: config().WORKER_WORKFLOW_TASK_CONCURRENCY,
    maxCachedWorkflows: config().WORKER_MAX_CACHED_WORKFLOWS,
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

export interface HarnessOptions {
  databaseUrl?: string;
  /** A Temporal server of the test's own instead of the test run's dev server. */
  temporalAddress?: string;
  caseSettings?: CaseSettings;
  inProcessWorker?: boolean;
  /** What the API takes beyond the defaults: its clock, sign-in settings, rate limits. */
  app?: Partial<ApiDependencies>;
  /** false: an empty installation, as a province's is before its first administrator. */
  seedDemoDirectory?: boolean;
}

export async function startHarness(name: string, options: HarnessOptions = {}): Promise<Harness> {
  const svc = services();
  if (!sdkLoggingInstalled) {
    installTemporalLogging(createLogger('temporal-sdk', process.env.TEST_LOG_LEVEL ?? 'warn'));
    sdkLoggingInstalled = true;
  }
  const taskQueue = `test-${name}-${process.pid}`;
  const log = createLogger(`test-${name}`, process.env.TEST_LOG_LEVEL ?? 'silent');
  // The API and the worker share this client: the worker's pool as in production, and pg's default 10 for the API.
  const prisma = createPrisma(options.databaseUrl ?? svc.databaseUrl, { poolSize: workerPoolSize(config()) + 10 });
  const directory = options.seedDemoDirectory === false ? [] : await seedDemoDirectory(prisma, provinces);
  const tokens = Object.fromEntries(directory.map((e) => [e.role === 'miitCoordinator' ? 'miit' : e.token.replace(/^demo-/, ''), e.token]));
  const connection = await Connection.connect({ address: options.temporalAddress ?? svc.temporalAddress });
  const client = new Client({ connection, namespace: 'default' });
  // The store sits alone in a folder of the harness's own, so a test can see that nothing lands beside it.
  const ownDir = mkdtempSync(path.join(os.tmpdir(), `harness-${name}-`));
  const reportsDir = path.join(ownDir, 'reports');
  mkdirSync(reportsDir);
  const pdf = await libreOfficePdfRenderer(log);
  const activities = createActivities({ prisma, mailer: createMailer(svc.smtpUrl), mailFrom: 'campaign@test.example', reportsDir, miitReportEmail: MIIT_REPORT_EMAIL, pdf });
  const worker = options.inProcessWorker === false ? undefined : await startWorker(options.temporalAddress ?? svc.temporalAddress, taskQueue, activities);
  const app = createApp({
    prisma,
    temporal: client,
    namespace: 'default',
    taskQueue,
    log,
    reportsDir,
    pdf,
    mailer: createMailer(svc.smtpUrl),
    taskChanges: taskChangeFeed(options.databaseUrl ?? svc.databaseUrl, (error) => log.warn({ err: error }, 'task change feed lost its connection')),
    caseSettings: options.caseSettings ?? { scale: { kind: 'realtime' }, taskDueDays: 20, reminderBeforeDays: 3, graceDays: 7 },
    // A test sends in seconds what people send in an hour: the production limits would answer it
    // 429 as soon as the machine is fast. The tests of the limits set their own.
    rateLimits: { signIn: { limit: 100_000, windowMs: 60_000 }, imports: { limit: 100_000, windowMs: 60_000 } },
    ...options.app,
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    databaseUrl: options.databaseUrl ?? svc.databaseUrl,
    tokens,
    as: (token) => (path, init = {}) =>
      fetch(`${baseUrl}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } }),
    prisma,
    client,
    taskQueue,
    activities,
    reportsDir,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await worker?.stop();
      await connection.close();
      await prisma.$disconnect();
      rmSync(ownDir, { recursive: true, force: true });
    },
  };
}

/**
 * For a test file: a fresh database with `dossiers` on file, and a harness on it, started before
 * the file's own `beforeAll`s. After its tests, whatever still runs on the harness's task queue is
 * terminated (a campaign sleeps until its calendar's end), the harness stopped, the database
 * dropped. The harness it returns is usable from the first `beforeAll` on.
 */
export function useHarness(name: string, options: Omit<HarnessOptions, 'databaseUrl'> & { dossiers?: readonly EnterpriseDossier[] } = {}): Harness {
  let db: Awaited<ReturnType<typeof freshDatabase>> | undefined;
  let started: Harness | undefined;
  beforeAll(async () => {
    db = await freshDatabase();
    started = await startHarness(name, { ...options, databaseUrl: db.url });
    if (options.dossiers) await saveCampaignRecords(started.prisma, flattenDossiers(options.dossiers), { source: 'test', actor: 'test' });
  });
  afterAll(async () => {
    if (started) {
      const h = started;
      for await (const wf of h.client.workflow.list({ query: `TaskQueue = '${h.taskQueue}' AND ExecutionStatus = 'Running'` })) {
        await h.client.workflow.getHandle(wf.workflowId).terminate('test over').catch(() => undefined);
      }
      await h.stop();
    }
    await db?.drop();
  });
  return new Proxy({} as Harness, {
    get(_target, property: keyof Harness) {
      if (!started) throw new Error(`harness ${name} used before its beforeAll`);
      return started[property];
    },
  });
}

/** A row of GET /tasks, as far as the tests read it. */
export interface TaskRow {
  key: string;
  caseId: string;
  kind: string;
  agency: string;
  status: string;
  createdOn: string;
  dueAt: string;
  dueOn: string;
  completedOn?: string;
  assignee: { staffId: string; name?: string; email?: string } | null;
}

/** GET /tasks?pageSize=500 as the holder of `token`, with further `query` parameters. */
export async function tasksOf(h: Harness, token: string, query: Record<string, string> = {}): Promise<TaskRow[]> {
  const res = await h.as(token)(`/tasks?${new URLSearchParams({ pageSize: '500', ...query })}`);
  return ((await res.json()) as { items: TaskRow[] }).items;
}
