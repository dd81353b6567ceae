import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';

export type { PrismaClient };

/**
 * Prisma through the pg driver adapter: no native query engine, which these machines cannot fetch.
 * `poolSize` is pg's `max` (10 unless given); a worker's is its activity concurrency.
 */
export function createPrisma(databaseUrl: string, options: { poolSize?: number } = {}): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, ...(options.poolSize ? { max: options.poolSize } : {}) }) });
}
