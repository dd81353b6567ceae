import { parseConfig, workerPoolSize } from '../../platform/config';
import { createPrisma, type PrismaClient } from '../../platform/prisma';
import { services } from '../support/services';

/**
 * A worker runs up to WORKER_ACTIVITY_CONCURRENCY activities from the shared queue and
 * WORKER_UPDATE_ACTIVITY_CONCURRENCY from the update writes' queue at once, each holding at most one
 * connection (recordTaskCompletion a transaction). With pg's default pool of 10, the eleventh waits
 * past Prisma's 2 s to start a transaction and fails ("Unable to start a transaction in the given
 * time"); with the pool sized to the concurrency, none waits.
 */
const concurrency = workerPoolSize(parseConfig({ WORKER_ACTIVITY_CONCURRENCY: '8', WORKER_UPDATE_ACTIVITY_CONCURRENCY: '4' }));
// Longer than Prisma's default maxWait of 2 s, so that a transaction left waiting for a connection fails.
const activitiesAtOnce = (prisma: PrismaClient) =>
  Promise.allSettled(Array.from({ length: concurrency }, () => prisma.$transaction(async (tx) => tx.$executeRaw`SELECT pg_sleep(2.5)`)));
const failures = (results: PromiseSettledResult<unknown>[]) => results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code?: string }).code] : []));

test('a worker runs 30 activities and 10 update writes at once unless configured otherwise, on a pool of 40', () => {
  expect(workerPoolSize(parseConfig({}))).toBe(40);
});

test('a pool sized to the activity concurrency starts every transaction; the default pool of 10 does not', async () => {
  const sized = createPrisma(services().databaseUrl, { poolSize: concurrency });
  const unsized = createPrisma(services().databaseUrl);
  try {
    expect(failures(await activitiesAtOnce(sized))).toEqual([]);
    expect(failures(await activitiesAtOnce(unsized))).toContain('P2028');
  } finally {
    await Promise.all([sized.$disconnect(), unsized.$disconnect()]);
  }
});
