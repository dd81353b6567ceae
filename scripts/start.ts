import path from 'node:path';
import { ConfigError, config } from '../platform/config';
import { spawnManaged, type ManagedProcess } from '../platform/childProcess';
import { createLogger, logLineForwarder, resolveLogFormat } from '../platform/logger';
import { startMailSink } from '../platform/mailSink';
import { applyMigrations } from '../platform/migrations';
import { migrationsDir } from '../platform/migrationsDir';
import { startEmbeddedPostgres } from '../platform/postgres';
import { createPrisma } from '../platform/prisma';
import { projectRoot, toolsDir } from '../platform/projectRoot';
import { findOrInstallTemporalCli } from '../platform/temporalCli';
import { startTemporalDevServer } from '../platform/temporalServer';
import { seedDemoData } from '../store/seedDemoData';
import { seedDemoDirectory } from '../store/directory';
import { DEMO_CAMPAIGN_ID, demoWebUiLinks, runDemoCampaign } from './lib/demoCampaign';
import { startStackConsole } from './lib/stackConsole';
import { provinces } from '../domain/generator';

/**
 * `npm start`: the whole stack on one machine. Every external part uses the configured service
 * when its variable is set, else an embedded default with its data under DATA_DIR, so a second
 * start resumes where the first stopped. Ctrl-C stops everything in reverse order.
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
  const stops: { name: string; stop: () => Promise<void> }[] = [];
  let shuttingDown = false;

  const shutdown = async (exitCode: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info('stopping the stack');
    for (const { name, stop } of stops.reverse()) {
      try {
        await stop();
        log.info({ component: name }, 'stopped');
      } catch (error) {
        log.error({ component: name, err: error }, 'failed to stop');
      }
    }
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const [temporal, postgres] = await Promise.all([
      (async () => {
        if (cfg.TEMPORAL_ADDRESS) return { address: cfg.TEMPORAL_ADDRESS, uiUrl: undefined };
        const cli = await findOrInstallTemporalCli({ configuredPath: cfg.TEMPORAL_CLI, toolsDir: toolsDir(), log });
        const server = await startTemporalDevServer({
          cli,
          dbFile: path.join(cfg.DATA_DIR, 'temporal', 'temporal.db'),
          port: cfg.TEMPORAL_PORT,
          uiPort: cfg.TEMPORAL_UI_PORT,
          namespace: cfg.TEMPORAL_NAMESPACE,
          log: log.child({ component: 'temporal' }),
        });
        stops.push({ name: 'temporal', stop: server.stop });
        return server;
      })(),
      (async () => {
        if (cfg.DATABASE_URL) return { url: cfg.DATABASE_URL };
        const server = await startEmbeddedPostgres({
          dataDir: path.join(cfg.DATA_DIR, 'postgres'),
          port: cfg.EMBEDDED_POSTGRES_PORT,
          log: log.child({ component: 'postgres' }),
        });
        stops.push({ name: 'postgres', stop: server.stop });
        return server;
      })(),
    ]);
    if (shuttingDown) return;

    await applyMigrations(postgres.url, migrationsDir(), log);
    let demoTokens: string[] = [];
    let demoCampaignStarted = false;
    if (cfg.DEMO_ENTERPRISES > 0) {
      const prisma = createPrisma(postgres.url);
      try {
        const seeded = await seedDemoData(prisma, cfg.DEMO_ENTERPRISES);
        if (seeded > 0) log.info({ enterprises: seeded }, 'empty database: fictional demo campaign data loaded');
        const directory = await seedDemoDirectory(prisma, provinces);
        demoCampaignStarted = (await prisma.campaign.count({ where: { id: DEMO_CAMPAIGN_ID } })) > 0;
        demoTokens = directory.filter((e) => e.province === null || (e.province === '江西省' && ['tax', 'industry'].includes(e.agencyKind))).map((e) => e.token);
      } finally {
        await prisma.$disconnect();
      }
    }

    let smtpUrl = cfg.SMTP_URL;
    let mailboxUrl: string | undefined;
    if (!smtpUrl) {
      const sink = await startMailSink({
        dir: path.join(cfg.DATA_DIR, 'mail'),
        smtpPort: cfg.MAIL_SINK_SMTP_PORT,
        httpPort: cfg.MAIL_SINK_HTTP_PORT,
        log: log.child({ component: 'mail-sink' }),
      });
      stops.push({ name: 'mail sink', stop: sink.stop });
      smtpUrl = sink.smtpUrl;
      mailboxUrl = sink.httpUrl;
    }

    const childEnv = {
      ...process.env,
      DATABASE_URL: postgres.url,
      TEMPORAL_ADDRESS: temporal.address,
      SMTP_URL: smtpUrl,
      SUPERVISED: '1',
      // The supervisor renders its children's lines itself, as one console.
      LOG_FORMAT: 'json',
    };
    const startNode = (name: string, script: string): ManagedProcess => {
      const managed = spawnManaged(process.execPath, [path.join(projectRoot(), 'dist', script)], {
        env: childEnv,
        log,
        passthrough: logLineForwarder(cfg.LOG_FORMAT),
      });
      log.info({ component: name, pid: managed.child.pid }, 'started');
      void managed.exited.then((code) => {
        if (!shuttingDown) {
          log.error({ component: name, code }, 'exited unexpectedly: stopping the stack');
          void shutdown(1);
        }
      });
      return managed;
    };
    const worker = startNode('worker', 'worker/main.js');
    stops.push({ name: 'worker', stop: () => worker.stop((cfg.WORKER_SHUTDOWN_GRACE_S + 5) * 1000) });
    const api = startNode('api', 'api/main.js');
    stops.push({ name: 'api', stop: () => api.stop() });

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
      if (autopilot) stops.push({ name: 'autopilot', stop: autopilot.stop });
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
        dataDir: cfg.DATA_DIR,
        ...('dataDir' in postgres ? { postgres: { dataDir: postgres.dataDir, url: postgres.url } } : {}),
        ...(cfg.DEMO_ENTERPRISES > 0 ? { demo: { campaignId: DEMO_CAMPAIGN_ID, daysPerSecond: cfg.DEMO_DAYS_PER_SECOND } } : {}),
        ...(cfg.DEMO_ENTERPRISES > 0 && temporal.uiUrl
          ? { webUiLinks: demoWebUiLinks(temporal.uiUrl, cfg.TEMPORAL_NAMESPACE).map((l) => ({ label: `${l.label.zh} · ${l.label.en}`, url: l.url })) }
          : {}),
      },
    });
    stops.push({ name: 'console', stop: stackConsole.stop });
  } catch (error) {
    log.fatal({ err: error instanceof Error ? { message: error.message } : error }, 'start-up failed');
    await shutdown(1);
  }
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
