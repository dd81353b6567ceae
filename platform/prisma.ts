import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';

export type { PrismaClient };

export interface DatabaseTimeouts {
  /** Opening a connection; an unreachable or frozen server fails after this long. */
  connectMs: number;
  /** One statement: PostgreSQL cancels it after this long, and the driver stops waiting a second later. */
  statementMs: number;
}

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
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, ...(poolSize ? { max: poolSize } : {}), ...limits }) });
}
