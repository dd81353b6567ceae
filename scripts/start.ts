import path from 'node:path';
import { ConfigError, config, workerNodeOptions } from '../platform/config';
import { spawnManaged, type ManagedProcess } from '../platform/childProcess';
import { createLogger, logLineForwarder, resolveLogFormat } from '../platform/logger';
import { applyMigrations } from '../platform/migrations';
import { migrationsDir } from '../platform/migrationsDir';
import { startEmbeddedPostgres } from '../platform/postgres';
import { createPrisma } from '../platform/prisma';
import { projectRoot, toolsDir } from '../platform/projectRoot';
import { Supervisor } from '../platform/supervisor';
import { findOrInstallTemporalCli } from '../platform/temporalCli';
import { CLUSTER_WORKERS, defaultClusterPorts, findOrBuildTemporalCluster, startTemporalCluster } from '../platform/temporalCluster';
import { startTemporalDevServer } from '../platform/temporalServer';
import { seedDemoData } from '../store/seedDemoData';
import { revokeDemoTokens } from '../store/apiTokens';
import { seedDemoDirectory } from '../store/directory';
import { DEMO_CAMPAIGN_ID, demoWebUiLinks, runDemoCampaign } from './lib/demoCampaign';
import { demoSignInLinks } from './lib/demoSignIn';
import { signInSettingsOf } from '../api/app';
import { startStackConsole } from './lib/stackConsole';
import { provinces } from '../demo/generator';

/**
 * `npm start`: the whole stack on one machine. Every external part uses the configured service
 * when its variable is set, else an embedded default with its data under DATA_DIR, so a second
 * start resumes where the first stopped. A process that dies is restarted (platform/supervisor.ts); Ctrl-C stops everything in reverse
 * order within a bounded time, and a second Ctrl-C kills what is left at once.
 */
async function main(): Promise<void> {
  let cfg;
  try {
    cfg = config();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const startedAtMs = Date.now();
  const log = createLogger('start', cfg.LOG_LEVEL, cfg.LOG_FORMAT);
  // On a Temporal server, as docker-compose.yml has it: more than one worker, so losing one loses nothing.
  const workerNames = cfg.TEMPORAL_MODE === 'server' && !cfg.TEMPORAL_ADDRESS ? Array.from({ length: CLUSTER_WORKERS }, (_, i) => (i === 0 ? 'worker' : `worker ${i + 1}`)) : ['worker'];
  let shuttingDown = false;
  let stopAutopilot: (() => Promise<void>) | undefined;
  let stopConsole: (() => Promise<void>) | undefined;
  const supervisor = new Supervisor({
    log,
    onGiveUp: (name, lastLines) => {
      process.stderr.write(`\n  ${name} keeps failing and is not restarted again; its last output:\n${lastLines.map((l) => `    ${l}`).join('\n')}\n\n`);
      void shutdown(1);
    },
  });

  const shutdown = async (exitCode: number) => {
    if (shuttingDown) {
      // The second Ctrl-C: no more waiting for anything.
      log.warn('second interrupt: killing what is left');
      supervisor.killAll();
      process.exit(130);
    }
    shuttingDown = true;
    log.info('stopping the stack');
    const limitMs = stopLimitMs(cfg.WORKER_SHUTDOWN_GRACE_S);
    const watchdog = setTimeout(() => {
      log.error({ limitMs }, 'stopping took too long: killing what is left');
      supervisor.killAll();
      process.exit(exitCode || 1);
    }, limitMs);
    // The console first, so its status line does not query a database that is going away.
    if (stopConsole) {
      await withTimeout(stopConsole(), 1_000).catch((error: unknown) => log.error({ component: 'console', err: error }, 'failed to stop'));
      log.info({ component: 'console' }, 'stopped');
    }
    if (stopAutopilot) {
      await withTimeout(stopAutopilot(), 2_000).catch((error: unknown) => log.error({ component: 'autopilot', err: error }, 'failed to stop'));
      log.info({ component: 'autopilot' }, 'stopped');
    }
    await supervisor.stop([['api'], workerNames, ['mail sink'], ['temporal', 'postgres']], (name) => log.info({ component: name }, 'stopped'));
    clearTimeout(watchdog);
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const postgresReady = (async () => {
      if (cfg.DATABASE_URL) {
        if (!cfg.APP_DATABASE_URL) log.warn('APP_DATABASE_URL is unset: the API and worker connect as the owner (DATABASE_URL), whose grants do not keep the audit trail append-only');
        return { url: cfg.DATABASE_URL, applicationUrl: cfg.APP_DATABASE_URL ?? cfg.DATABASE_URL };
      }
      let url = '';
      let applicationUrl = '';
      let dataDir = '';
      await supervisor.add({
        name: 'postgres',
        stopMs: 3_000,
        stop: (p) => p.stop(3_000, 'SIGINT'),
        start: async () => {
          const server = await startEmbeddedPostgres({
            dataDir: path.join(cfg.DATA_DIR, 'postgres'),
            port: cfg.EMBEDDED_POSTGRES_PORT,
            log: log.child({ component: 'postgres' }),
            stopGraceMs: 3_000,
          });
          url = server.url;
          applicationUrl = server.applicationUrl;
          // Where the data really is: moved out of a clone the postgres user cannot reach.
          dataDir = server.dataDir;
          return server.process;
        },
      });
      return { url, applicationUrl, dataDir };
    })();
    // The Temporal server on the stack's PostgreSQL, in databases of its own; restarted, it
    // carries on from what PostgreSQL holds.
    const startCluster = async (db: { url: string }) => {
      const binaries = await findOrBuildTemporalCluster({ toolsDir: toolsDir(), log });
      const ports = defaultClusterPorts(cfg.TEMPORAL_PORT);
      await supervisor.add({
        name: 'temporal',
        stopMs: 5_000,
        start: async () =>
          (
            await startTemporalCluster({
              binaries,
              db: { adminUrl: db.url, password: cfg.TEMPORAL_DB_PASSWORD },
              dataDir: path.join(cfg.DATA_DIR, 'temporal-server'),
              ports,
              namespace: cfg.TEMPORAL_NAMESPACE,
              log: log.child({ component: 'temporal' }),
              stopGraceMs: 5_000,
            })
          ).process,
      });
      return { address: `127.0.0.1:${ports.frontend}` };
    };
    const [temporal, postgres] = await Promise.all([
      (async (): Promise<{ address: string; uiUrl?: string }> => {
        if (cfg.TEMPORAL_ADDRESS) return { address: cfg.TEMPORAL_ADDRESS, uiUrl: undefined };
        if (cfg.TEMPORAL_MODE === 'server') return startCluster(await postgresReady);
        const cli = await findOrInstallTemporalCli({ configuredPath: cfg.TEMPORAL_CLI, toolsDir: toolsDir(), log });
        let uiUrl: string | undefined;
        const address = `127.0.0.1:${cfg.TEMPORAL_PORT}`;
        await supervisor.add({
          name: 'temporal',
          stopMs: 3_000,
          start: async () => {
            // A restart reopens the same SQLite file: the workflows carry on where they were.
            const server = await startTemporalDevServer({
              cli,
              dbFile: path.join(cfg.DATA_DIR, 'temporal', 'temporal.db'),
              port: cfg.TEMPORAL_PORT,
              uiPort: cfg.TEMPORAL_UI_PORT,
              namespace: cfg.TEMPORAL_NAMESPACE,
              log: log.child({ component: 'temporal' }),
              stopGraceMs: 3_000,
            });
            uiUrl = server.uiUrl;
            return server.process;
          },
        });
        return { address, uiUrl };
      })(),
      postgresReady,
    ]);
    if (shuttingDown) return;

    await applyMigrations(postgres.url, migrationsDir(), log);
    let demoTokens: string[] = [];
    let demoSignIn: { email: string; url: string }[] = [];
    let demoCampaignStarted = false;
    if (cfg.DEMO_ENTERPRISES === 0) {
      const prisma = createPrisma(postgres.url);
      try {
        const revoked = await revokeDemoTokens(prisma, new Date());
        if (revoked > 0) log.info({ tokens: revoked }, 'demo off: the demo directory\'s tokens are revoked');
      } finally {
        await prisma.$disconnect();
      }
    } else {
      const prisma = createPrisma(postgres.url);
      try {
        const seeded = await seedDemoData(prisma, cfg.DEMO_ENTERPRISES);
        if (seeded > 0) log.info({ enterprises: seeded }, 'empty database: fictional demo campaign data loaded');
        const directory = await seedDemoDirectory(prisma, provinces);
        demoCampaignStarted = (await prisma.campaign.count({ where: { id: DEMO_CAMPAIGN_ID } })) > 0;
        const shown = directory.filter((e) => e.province === null || (e.province === '江西省' && ['tax', 'industry'].includes(e.agencyKind)));
        demoTokens = shown.map((e) => e.token);
        // One person of each kind of page: a member of staff's inbox, a province's desk, MIIT's.
        const signingIn = shown.filter((e) => (e.province === null ? e.role === 'miitCoordinator' : e.role === 'provincialCoordinator' || (e.agencyKind === 'tax' && e.role === 'staff')));
        demoSignIn = await demoSignInLinks(prisma, signingIn, signInSettingsOf(cfg));
      } finally {
        await prisma.$disconnect();
      }
    }

    const startNode = (name: string, script: string, env: NodeJS.ProcessEnv, nodeOptions: string[] = []) => async (): Promise<ManagedProcess> => {
      const managed = spawnManaged(process.execPath, [...nodeOptions, path.join(projectRoot(), 'dist', script)], { env, log, passthrough: logLineForwarder(cfg.LOG_FORMAT) });
      log.info({ component: name, pid: managed.child.pid }, 'started');
      return managed;
    };

    let smtpUrl = cfg.SMTP_URL;
    let mailboxUrl: string | undefined;
    if (!smtpUrl) {
      smtpUrl = `smtp://127.0.0.1:${cfg.MAIL_SINK_SMTP_PORT}`;
      mailboxUrl = `http://127.0.0.1:${cfg.MAIL_SINK_HTTP_PORT}`;
      const sinkUrl = mailboxUrl;
      const startSink = startNode('mail sink', 'scripts/mail-sink.js', { ...process.env, SUPERVISED: '1', LOG_FORMAT: 'json' });
      await supervisor.add({
        name: 'mail sink',
        stopMs: 1_000,
        start: async () => {
          const sink = await startSink();
          await waitForReady(`${sinkUrl}/messages`, () => shuttingDown || sink.child.exitCode !== null, 30_000);
          return sink;
        },
      });
    }
    if (shuttingDown) return;

    const childEnv = {
      ...process.env,
      // The API and the worker as the application role; migrations and the demo seed ran as the owner.
      DATABASE_URL: postgres.applicationUrl,
      TEMPORAL_ADDRESS: temporal.address,
      ...(temporal.uiUrl ? { TEMPORAL_UI_URL: temporal.uiUrl } : {}),
      SMTP_URL: smtpUrl,
      SUPERVISED: '1',
      // The supervisor renders its children's lines itself, as one console.
      LOG_FORMAT: 'json',
    };
    // The worker's own grace for running activities, plus a second to exit, bounds its stop.
    for (const name of workerNames) await supervisor.add({ name, stopMs: (cfg.WORKER_SHUTDOWN_GRACE_S + 1) * 1000, start: startNode(name, 'worker/main.js', childEnv, workerNodeOptions(cfg)) });
    await supervisor.add({ name: 'api', stopMs: 2_000, start: startNode('api', 'api/main.js', childEnv) });

    const apiUrl = `http://${cfg.API_HOST}:${cfg.API_PORT}`;
    await waitForReady(`${apiUrl}/readyz`, () => shuttingDown);
    const urls = {
      api: apiUrl,
      docs: `${apiUrl}/docs`,
      openapi: `${apiUrl}/openapi.json`,
      temporalUi: temporal.uiUrl ?? '(external Temporal: use its own Web UI)',
      mailbox: mailboxUrl ?? `(mail goes to ${cfg.SMTP_URL})`,
    };
    if (cfg.DEMO_ENTERPRISES > 0) {
      const autopilot = await runDemoCampaign({
        apiUrl,
        alreadyStarted: demoCampaignStarted,
        daysPerSecond: cfg.DEMO_DAYS_PER_SECOND,
        autopilot: cfg.DEMO_AUTOPILOT,
        latePercent: cfg.DEMO_LATE_PERCENT,
        log: log.child({ component: 'demo' }),
      });
      if (autopilot) stopAutopilot = autopilot.stop;
    }
    const stackConsole = await startStackConsole({
      log,
      pretty: resolveLogFormat(cfg.LOG_FORMAT) === 'pretty',
      databaseUrl: postgres.url,
      worker: { temporalAddress: temporal.address, namespace: cfg.TEMPORAL_NAMESPACE, taskQueue: cfg.TEMPORAL_TASK_QUEUE, startedAtMs },
      info: {
        pid: process.pid,
        startedAt: new Date().toISOString(),
        urls,
        tokens: demoTokens,
        signInLinks: demoSignIn,
        dataDir: cfg.DATA_DIR,
        ...('dataDir' in postgres && postgres.dataDir ? { postgres: { dataDir: postgres.dataDir, url: postgres.url } } : {}),
        ...(cfg.DEMO_ENTERPRISES > 0 ? { demo: { campaignId: DEMO_CAMPAIGN_ID, daysPerSecond: cfg.DEMO_DAYS_PER_SECOND } } : {}),
        ...(cfg.DEMO_ENTERPRISES > 0 && temporal.uiUrl
          ? { webUiLinks: demoWebUiLinks(temporal.uiUrl, cfg.TEMPORAL_NAMESPACE).map((l) => ({ label: `${l.label.zh} · ${l.label.en}`, url: l.url })) }
          : {}),
      },
    });
    stopConsole = stackConsole.stop;
  } catch (error) {
    log.fatal({ err: error instanceof Error ? { message: error.message } : error }, 'start-up failed');
    await shutdown(1);
  }
}

/**
 * However much has died or froze, Ctrl-C has the stack stopped within this long (longer only when
 * WORKER_SHUTDOWN_GRACE_S asks for more time for running activities).
 */
const stopLimitMs = (workerGraceS: number) => Math.max(14_000, (workerGraceS + 8) * 1000);

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}

async function waitForReady(url: string, cancelled: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline && !cancelled()) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (!cancelled()) throw new Error(`API not ready after ${timeoutMs / 1000}s: ${last}`);
}

void main();
