import { PrismaPg } from '@prisma/adapter-pg';
import { type Prisma, PrismaClient } from '@prisma/client';
import pg from 'pg';

export type { PrismaClient };

export interface DatabaseTimeouts {
  /** Opening a connection; an unreachable or frozen server fails after this long. */
  connectMs: number;
  /** One statement: PostgreSQL cancels it after this long, and the driver stops waiting a second later. */
  statementMs: number;
}

/** The pool's open connections, per client: how a transaction's own pg connection is found. */
const openConnections = new WeakMap<PrismaClient, Set<pg.PoolClient>>();

/**
 * Prisma through the pg driver adapter: no native query engine, which these machines cannot fetch.
 * `poolSize` is pg's `max` (10 unless given); a worker's is its activity concurrency. The API and
 * the worker pass timeouts, so that a PostgreSQL outage fails their requests within seconds
 * instead of hanging them; tools and benchmarks run without.
 */
export function createPrisma(databaseUrl: string, options: { poolSize?: number; timeouts?: DatabaseTimeouts } = {}): PrismaClient {
  const { timeouts, poolSize } = options;
  const limits = timeouts
    ? { connectionTimeoutMillis: timeouts.connectMs, statement_timeout: timeouts.statementMs, query_timeout: timeouts.statementMs + 1_000, keepAlive: true }
    : {};
  const pool = new pg.Pool({ connectionString: databaseUrl, ...(poolSize ? { max: poolSize } : {}), ...limits });
  const open = new Set<pg.PoolClient>();
  pool.on('connect', (connection) => open.add(connection));
  pool.on('remove', (connection) => open.delete(connection as pg.PoolClient));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  openConnections.set(prisma, open);
  return prisma;
}

/**
 * The pg connection an interactive transaction of `prisma` runs on, for what Prisma cannot send
 * (COPY FROM STDIN): statements on it belong to the transaction. Prisma does not expose it, so it
 * is found by its server process id; use it only between the transaction's own awaited statements.
 */
export async function transactionConnection(prisma: PrismaClient, tx: Prisma.TransactionClient): Promise<pg.PoolClient> {
  const [{ pid }] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
  // pg sets processID from the server's BackendKeyData; @types/pg leaves it out.
  const connection = [...(openConnections.get(prisma) ?? [])].find((c) => (c as pg.PoolClient & { processID: number | null }).processID === pid);
  if (!connection) throw new Error(`no connection of this client has server process ${pid}: was the client made by createPrisma?`);
  return connection;
}
