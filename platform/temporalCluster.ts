import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { temporal as proto } from '@temporalio/proto';
import pg from 'pg';
import { searchAttributeTypes } from '../domain/searchAttributes';
import { spawnManaged } from './childProcess';
import { freePortIn } from './freePort';
import { isExecutable, onPath } from './executables';
import type { Logger } from './logger';
import { runWithProgress } from './temporalCli';
import { waitForNamespace, type RunningTemporal } from './temporalServer';

const run = promisify(execFile);

/**
 * The Temporal server itself, as a cluster runs it: `temporal-server` with PostgreSQL persistence
 * and visibility, schema set up by `temporal-sql-tool`. docker-compose.yml runs the same version
 * from its images with the same settings (tests/unit/dockerCompose.test.ts holds them together).
 */
export const TEMPORAL_SERVER_VERSION = '1.32.2';
const SERVER_MODULE = 'go.temporal.io/server';
/** v1.32 needs Go 1.26.10 or later; `go` fetches this toolchain from the module proxy if the machine's is older. */
const GO_TOOLCHAIN = 'go1.27.3';

/**
 * The server's settings, as the environment variables of the configuration template built into
 * `temporal-server` (the one the temporalio/server image renders too): what a cluster must agree
 * on with docker-compose.yml's `temporal` service, whatever the host and password.
 */
export const clusterSettings = {
  DB: 'postgres12',
  POSTGRES_USER: 'temporal',
  DBNAME: 'temporal',
  VISIBILITY_DBNAME: 'temporal_visibility',
  // Fixed for the life of a cluster: the history shard count cannot change after its first start.
  NUM_HISTORY_SHARDS: '128',
} as const;

/** How long closed workflows are kept, as the namespace is registered. */
export const NAMESPACE_RETENTION_HOURS = 720;

/** Worker processes on a cluster: more than one, so that losing one loses no work. */
export const CLUSTER_WORKERS = 2;

/**
 * The dynamic config both run with (DYNAMIC_CONFIG_FILE_PATH: the server refuses to start without
 * the file). Updates are what staff completions go through: stated, not left to a default.
 */
export const DYNAMIC_CONFIG_YAML = `frontend.enableUpdateWorkflowExecution:
  - value: true
`;

/** The sql tool's steps for one database: both are no-ops on a database that is up to date. */
export function schemaSteps(database: string, schema: 'temporal' | 'visibility'): string[][] {
  return [
    ['--db', database, 'setup-schema', '-v', '0.0'],
    ['--db', database, 'update-schema', '--schema-name', `postgresql/v12/${schema}`],
  ];
}

export interface TemporalClusterBinaries {
  server: string;
  sqlTool: string;
}

const BUILD_NICENESS = 19;

/**
 * The server and its SQL tool from `.tools/temporal-server/<version>`, built there with
 * `go install` the first time (about N minutes on 2 cores). Built into a folder of its own and
 * renamed into place, so a build interrupted or racing another never leaves half a tool.
 */
export async function findOrBuildTemporalCluster(options: { toolsDir: string; log: Logger }): Promise<TemporalClusterBinaries> {
  const { toolsDir, log } = options;
  const dir = path.join(toolsDir, 'temporal-server', TEMPORAL_SERVER_VERSION);
  const binaries = { server: path.join(dir, 'temporal-server'), sqlTool: path.join(dir, 'temporal-sql-tool') };
  if (!isExecutable(binaries.server) || !isExecutable(binaries.sqlTool)) {
    const go = onPath('go');
    if (!go) throw new Error(`Temporal server ${TEMPORAL_SERVER_VERSION} is not built in ${dir}, and go is not on PATH to build it`);
    const partial = `${dir}.partial-${process.pid}`;
    fs.rmSync(partial, { recursive: true, force: true });
    fs.mkdirSync(partial, { recursive: true });
    const packages = ['cmd/server', 'cmd/tools/sql'].map((p) => `${SERVER_MODULE}/${p}@v${TEMPORAL_SERVER_VERSION}`);
    log.info({ packages, into: dir }, 'building the Temporal server with go install (first time only)');
    try {
      // At the lowest priority: a build beside a test run took both cores and starved the other
      // tests into timeouts; this way it takes what they leave.
      await runWithProgress(log, 'Temporal server build', 'nice', ['-n', String(BUILD_NICENESS), go, 'install', ...packages], { ...process.env, GOBIN: partial, GOTOOLCHAIN: GO_TOOLCHAIN, CGO_ENABLED: '0' }, 55 * 60_000);
      // go names each binary after its package folder; these are the names the images use.
      fs.renameSync(path.join(partial, 'server'), path.join(partial, 'temporal-server'));
      fs.renameSync(path.join(partial, 'sql'), path.join(partial, 'temporal-sql-tool'));
      fs.renameSync(partial, dir);
    } catch (error) {
      fs.rmSync(partial, { recursive: true, force: true });
      if (!isExecutable(binaries.server)) throw error;
    }
  }
  await run(binaries.server, ['--version'], { timeout: 30_000 });
  return binaries;
}

export interface ClusterDatabase {
  /** A superuser's connection to the PostgreSQL server Temporal's databases go on. */
  adminUrl: string;
  /** The role that owns Temporal's databases, with the password it is given. */
  password: string;
  /** Database names: `temporal` and `temporal_visibility` unless a test needs its own pair. */
  database?: string;
  visibilityDatabase?: string;
}

/**
 * The role and the two databases docker-compose.yml's init script creates, then the schema as
 * its `temporal-schema` job applies it. Safe to run on every start.
 */
export async function setUpClusterSchema(binaries: TemporalClusterBinaries, db: ClusterDatabase, log: Logger): Promise<void> {
  const admin = new URL(db.adminUrl);
  const user = clusterSettings.POSTGRES_USER;
  const databases = { temporal: db.database ?? clusterSettings.DBNAME, visibility: db.visibilityDatabase ?? clusterSettings.VISIBILITY_DBNAME };
  const client = new pg.Client({ connectionString: db.adminUrl });
  await client.connect();
  try {
    const role = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user]);
    await client.query(`${role.rowCount === 0 ? 'CREATE' : 'ALTER'} ROLE ${user} LOGIN PASSWORD '${db.password.replace(/'/g, "''")}'`);
    for (const name of Object.values(databases)) {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${name} OWNER ${user}`);
    }
  } finally {
    await client.end();
  }
  const env = { ...process.env, SQL_PLUGIN: clusterSettings.DB, SQL_HOST: admin.hostname, SQL_PORT: admin.port || '5432', SQL_USER: user, SQL_PASSWORD: db.password };
  for (const args of [...schemaSteps(databases.temporal, 'temporal'), ...schemaSteps(databases.visibility, 'visibility')]) {
    await run(binaries.sqlTool, args, { env, timeout: 120_000 }).catch((error: { stderr?: string }) => {
      throw new Error(`temporal-sql-tool ${args.join(' ')} failed: ${error.stderr ?? String(error)}`);
    });
  }
  log.info({ databases }, 'Temporal schema up to date');
}

/** The server's ports: the frontend's gRPC port is the one clients connect to. */
export interface ClusterPorts {
  frontend: number;
  frontendHttp: number;
  frontendMembership: number;
  history: number;
  historyMembership: number;
  matching: number;
  matchingMembership: number;
  worker: number;
  workerMembership: number;
}

/**
 * Free ports for a cluster of a test or a benchmark, below 32768: Temporal stores the membership
 * ports in a PostgreSQL smallint.
 */
export async function freeClusterPorts(): Promise<ClusterPorts> {
  const ports: Partial<ClusterPorts> = {};
  for (const name of Object.keys(portVariables) as (keyof ClusterPorts)[]) ports[name] = await freePortIn(20_000, 32_767);
  return ports as ClusterPorts;
}

/** Temporal's own port layout, moved to start at `frontend` (7233 gives Temporal's defaults). */
export function defaultClusterPorts(frontend: number): ClusterPorts {
  const at = (offset: number) => frontend + offset;
  return { frontend, frontendHttp: at(10), frontendMembership: at(-300), history: at(1), historyMembership: at(-299), matching: at(2), matchingMembership: at(-298), worker: at(6), workerMembership: at(-294) };
}

const portVariables: Record<keyof ClusterPorts, string> = {
  frontend: 'FRONTEND_GRPC_PORT',
  frontendHttp: 'FRONTEND_HTTP_PORT',
  frontendMembership: 'FRONTEND_MEMBERSHIP_PORT',
  history: 'HISTORY_GRPC_PORT',
  historyMembership: 'HISTORY_MEMBERSHIP_PORT',
  matching: 'MATCHING_GRPC_PORT',
  matchingMembership: 'MATCHING_MEMBERSHIP_PORT',
  worker: 'WORKER_GRPC_PORT',
  workerMembership: 'WORKER_MEMBERSHIP_PORT',
};

const indexedValueTypes: Record<(typeof searchAttributeTypes)[keyof typeof searchAttributeTypes], proto.api.enums.v1.IndexedValueType> = {
  KEYWORD: proto.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  KEYWORD_LIST: proto.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
  INT: proto.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
  BOOL: proto.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
};

/**
 * Starts `temporal-server start` on `db`'s PostgreSQL (schema set up first), registers the
 * namespace and the custom search attributes if they are missing (the `temporal-namespace` job of
 * docker-compose.yml), and waits until the namespace answers with them. `dataDir` holds the
 * dynamic config; the state is in PostgreSQL, so a restart carries on where the server stopped.
 */
export async function startTemporalCluster(options: {
  binaries: TemporalClusterBinaries;
  db: ClusterDatabase;
  dataDir: string;
  ports: ClusterPorts;
  namespace: string;
  log: Logger;
  stopGraceMs?: number;
}): Promise<RunningTemporal> {
  const { binaries, db, dataDir, ports, namespace, log, stopGraceMs = 15_000 } = options;
  await setUpClusterSchema(binaries, db, log);
  fs.mkdirSync(dataDir, { recursive: true });
  const dynamicConfig = path.join(dataDir, 'dynamicconfig.yaml');
  fs.writeFileSync(dynamicConfig, DYNAMIC_CONFIG_YAML);
  const pgUrl = new URL(db.adminUrl);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    ...clusterSettings,
    ...(db.database ? { DBNAME: db.database } : {}),
    ...(db.visibilityDatabase ? { VISIBILITY_DBNAME: db.visibilityDatabase } : {}),
    POSTGRES_SEEDS: pgUrl.hostname,
    DB_PORT: pgUrl.port || '5432',
    POSTGRES_PWD: db.password,
    BIND_ON_IP: '127.0.0.1',
    TEMPORAL_BROADCAST_ADDRESS: '127.0.0.1',
    DYNAMIC_CONFIG_FILE_PATH: dynamicConfig,
    LOG_LEVEL: 'warn',
    ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [portVariables[name as keyof ClusterPorts], String(port)])),
  };
  const server = spawnManaged(binaries.server, ['start'], { env, cwd: dataDir, log, outputLevel: (line) => (/"level":"(fatal|panic)"/.test(line) ? 'error' : 'debug') });
  const address = `127.0.0.1:${ports.frontend}`;
  const stop = () => server.stop(stopGraceMs);
  try {
    await Promise.race([
      registerNamespace(address, namespace, () => server.child.exitCode !== null).then(() => waitForNamespace(address, namespace)),
      server.exited.then((code) => Promise.reject(new Error(`temporal-server exited early (${code}): ${server.recentOutput().slice(-5).join(' | ')}`))),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  log.info({ address, pid: server.child.pid, version: TEMPORAL_SERVER_VERSION }, 'Temporal server ready');
  return { address, stop, process: server };
}

/** The namespace and its search attributes, registered once the frontend answers; retried until then. */
async function registerNamespace(address: string, namespace: string, exited: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline && !exited()) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2_000 });
      try {
        const known = await connection.workflowService.describeNamespace({ namespace }).then(
          () => true,
          (error: { code?: number }) => (error.code === 5 ? false : Promise.reject(error)),
        );
        if (!known) {
          await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs(`${NAMESPACE_RETENTION_HOURS}h`) });
        }
        const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
        const missing = Object.entries(searchAttributeTypes).filter(([name]) => !customAttributes?.[name]);
        if (missing.length > 0) {
          await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, indexedValueTypes[type]])) });
        }
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`could not register namespace ${namespace} at ${address} within ${timeoutMs / 1000}s: ${String(lastError)}`);
}
