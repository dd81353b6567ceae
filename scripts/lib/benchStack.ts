import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { z } from 'zod';
import { createApp, type ApiDependencies } from '../../api/app';
import { config, workerNodeOptions } from '../../platform/config';
import { freePort } from '../../platform/freePort';
import type { Logger } from '../../platform/logger';
import { startMailSink } from '../../platform/mailSink';
import { applyMigrations } from '../../platform/migrations';
import { migrationsDir } from '../../platform/migrationsDir';
import { startEmbeddedPostgres, type RunningPostgres } from '../../platform/postgres';
import { createPrisma } from '../../platform/prisma';
import { projectRoot, toolsDir } from '../../platform/projectRoot';
import { findOrInstallTemporalCli } from '../../platform/temporalCli';
import { findOrBuildTemporalCluster, freeClusterPorts, startTemporalCluster } from '../../platform/temporalCluster';
import { startTemporalDevServer, type RunningTemporal } from '../../platform/temporalServer';

export type BenchStack = Awaited<ReturnType<typeof startBenchStack>>;

/** `dev`: the Temporal CLI's dev server on SQLite; `cluster`: the Temporal server on the stack's PostgreSQL. */
export const BenchServer = z.enum(['dev', 'cluster']);
export type BenchServer = z.infer<typeof BenchServer>;

async function startDevServer(dir: string, port: number, log: Logger): Promise<RunningTemporal> {
  const cli = await findOrInstallTemporalCli({ configuredPath: config().TEMPORAL_CLI, toolsDir: toolsDir(), log });
  return startTemporalDevServer({ cli, dbFile: path.join(dir, 'temporal.db'), port, namespace: 'default', log });
}

/** Its own ports, free ones: the bench may run beside an `npm start` on Temporal's defaults. */
async function startCluster(dir: string, postgres: Promise<RunningPostgres>, log: Logger): Promise<RunningTemporal> {
  const binaries = await findOrBuildTemporalCluster({ toolsDir: toolsDir(), log });
  const ports = await freeClusterPorts();
  return startTemporalCluster({ binaries, db: { adminUrl: (await postgres).url, password: 'temporal' }, dataDir: path.join(dir, 'temporal-server'), ports, namespace: 'default', log });
}

/**
 * What every benchmark measures against: a Temporal dev server, PostgreSQL and a mail sink of its
 * own in a throw-away folder, the production worker as a process (its peak RSS is read from
 * /proc), and API instances in this process. The application connects as the role production uses.
 */
export async function startBenchStack(name: string, log: Logger, server: BenchServer = 'dev') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  fs.chmodSync(dir, 0o755);
  const [temporalPort, pgPort, smtpPort, mailPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const postgresReady = startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: pgPort, log });
  const [temporal, postgres, mail] = await Promise.all([
    server === 'dev' ? startDevServer(dir, temporalPort, log) : startCluster(dir, postgresReady, log),
    postgresReady,
    startMailSink({ dir: path.join(dir, 'mail'), smtpPort, httpPort: mailPort, log }),
  ]);
  await applyMigrations(postgres.url, migrationsDir(), log);
  const prisma = createPrisma(postgres.applicationUrl);
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection });
  const taskQueue = name;
  const reportsDir = path.join(dir, 'reports');
  const worker = spawn(process.execPath, [...workerNodeOptions(config()), path.join(projectRoot(), 'dist', 'worker', 'main.js')], {
    env: { ...process.env, DATABASE_URL: postgres.applicationUrl, TEMPORAL_ADDRESS: temporal.address, SMTP_URL: mail.smtpUrl, TEMPORAL_TASK_QUEUE: taskQueue, REPORTS_DIR: reportsDir, LOG_LEVEL: 'error' },
    stdio: 'inherit',
  });
  const servers: net.Server[] = [];

  /** An API on a free port, with the stack's clients and the given case settings (and options). */
  const listen = async (settings: Pick<ApiDependencies, 'caseSettings'> & Partial<ApiDependencies>) => {
    const server = createApp({ prisma, temporal: client, namespace: 'default', taskQueue, log, reportsDir, ...settings }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  };

  /** The worker process's peak resident memory so far. */
  const workerPeakRssMb = () => Math.round(Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${worker.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

  const stop = async () => {
    worker.kill('SIGTERM');
    await new Promise((resolve) => worker.once('exit', resolve));
    servers.forEach((s) => s.close());
    await connection.close();
    await prisma.$disconnect();
    await Promise.allSettled([temporal.stop(), postgres.stop(), mail.stop()]);
    fs.rmSync(dir, { recursive: true, force: true });
  };

  return { temporal, prisma, client, taskQueue, listen, workerPeakRssMb, stop };
}
