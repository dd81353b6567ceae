import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { searchAttributeCliArgs, searchAttributeTypes } from '../domain/searchAttributes';
import { spawnManaged, type ManagedProcess } from './childProcess';
import type { Logger } from './logger';

export interface RunningTemporal {
  address: string;
  uiUrl?: string;
  stop(): Promise<void>;
  /** The server process, for a supervisor that restarts it. */
  process: ManagedProcess;
}

// SQLite tuned for throughput: the write-ahead log lets readers and the single writer proceed
// together, and `synchronous=normal` is safe with WAL (only the last commits before a power
// cut may be lost, never the database).
const SQLITE_PRAGMAS = ['journal_mode=wal', 'synchronous=normal', 'busy_timeout=10000'];

/**
 * Starts `temporal server start-dev` with its history in `dbFile` (kept between runs), the custom
 * search attributes registered, and waits until the namespace answers.
 */
export async function startTemporalDevServer(options: {
  cli: string;
  dbFile: string;
  port: number;
  uiPort?: number;
  namespace: string;
  log: Logger;
  /** How long a stop waits before it kills the server. */
  stopGraceMs?: number;
}): Promise<RunningTemporal> {
  const { cli, dbFile, port, uiPort, namespace, log, stopGraceMs = 15_000 } = options;
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--namespace',
    namespace,
    '--db-filename',
    dbFile,
    ...SQLITE_PRAGMAS.flatMap((pragma) => ['--sqlite-pragma', pragma]),
    ...searchAttributeCliArgs(),
    '--log-level',
    'warn',
    ...(uiPort ? ['--ui-port', String(uiPort)] : ['--headless']),
  ];
  // The dev server logs its own transient persistence retries as ERROR, hundreds a second under
  // load, which would bury the console; they are at debug. Its health shows in /readyz, and the
  // supervisor restarts it if it dies; only a FATAL line is an error of ours to show.
  const server = spawnManaged(cli, args, { log, outputLevel: (line) => (/level=FATAL/.test(line) ? 'error' : 'debug') });
  const address = `127.0.0.1:${port}`;
  const stop = () => server.stop(stopGraceMs);
  try {
    await Promise.race([
      waitForNamespace(address, namespace),
      server.exited.then((code) => Promise.reject(new Error(`temporal server exited early (${code}); is port ${port} in use?`))),
    ]);
    // The pragmas are passed on every start; the -wal file beside the database shows that
    // SQLite really is in write-ahead mode.
    if (!fs.existsSync(`${dbFile}-wal`)) throw new Error(`SQLite WAL mode did not take effect: no ${dbFile}-wal`);
  } catch (error) {
    await stop();
    throw error;
  }
  log.info({ address, dbFile, pid: server.child.pid }, 'Temporal dev server ready');
  return { address, uiUrl: uiPort ? `http://127.0.0.1:${uiPort}` : undefined, stop, process: server };
}

/** Waits until `namespace` answers at `address` with every custom search attribute registered. */
export async function waitForNamespace(address: string, namespace: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2_000 });
      try {
        await connection.workflowService.describeNamespace({ namespace });
        const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
        const missing = Object.keys(searchAttributeTypes).filter((name) => !customAttributes?.[name]);
        if (missing.length === 0) return;
        lastError = new Error(`search attributes not registered yet: ${missing.join(', ')}`);
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Temporal at ${address} did not become ready within ${timeoutMs / 1000}s: ${String(lastError)}`);
}
