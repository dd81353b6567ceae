import { randomUUID } from 'node:crypto';
import { isDeterministicFailure } from '../../activities/failures';
import { createPrisma } from '../../platform/prisma';
import { services } from '../support/services';

/** The classification against the errors PostgreSQL and Prisma really raise. */
const prisma = createPrisma(services().databaseUrl, { poolSize: 2 });
afterAll(() => prisma.$disconnect());

const tip = (data: Partial<{ id: string; source: string; receivedAt: Date }> = {}) =>
  prisma.tip.create({ data: { id: randomUUID(), source: 'hotline', text: 'text', receivedAt: new Date('2014-10-12T01:00:00Z'), recordedBy: 'test@example.org', ...data } });
const errorOf = (work: () => Promise<unknown>) =>
  work().then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );

test('data PostgreSQL refuses, constraints and invalid queries fail the same way every time', async () => {
  const id = randomUUID();
  await tip({ id });
  for (const failing of [() => tip({ source: 'x\u0000y' }), () => tip({ receivedAt: new Date('0000-01-01T00:00:00Z') }), () => tip({ id }), () => prisma.tip.create({ data: { id: 'no-text' } as never })]) {
    expect(isDeterministicFailure(await errorOf(failing))).toBe(true);
  }
});

test('waiting for a connection past the transaction timeout is worth another attempt', async () => {
  const hold = () => prisma.$transaction(async (tx) => tx.$executeRaw`SELECT pg_sleep(2.5)`);
  const results = await Promise.allSettled([hold(), hold(), hold()]);
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  expect(failures.length).toBeGreaterThan(0);
  expect(failures.map(isDeterministicFailure)).toEqual(failures.map(() => false));
});
