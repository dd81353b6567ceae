import net from 'node:net';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../../api/app';
import { provinces } from '../../demo/generator';
import { freePort } from '../../platform/freePort';
import { createLogger } from '../../platform/logger';
import { createPrisma } from '../../platform/prisma';
import { seedDemoDirectory } from '../../store/directory';
import { freshDatabase } from '../support/freshDatabase';
import { services } from '../support/services';

/**
 * A request made while PostgreSQL or Temporal is down answers 503 with Retry-After and the
 * component named, within the configured timeouts: never a hang, never a 500.
 */
const log = createLogger('test-outages', 'silent');
const MIIT = 'demo-national-miit-miitCoordinator';

async function serve(databaseUrl: string, temporalAddress: string) {
  const prisma = createPrisma(databaseUrl, { timeouts: { connectMs: 1_000, statementMs: 2_000 } });
  const connection = Connection.lazy({ address: temporalAddress, connectTimeout: 1_000 });
  const app = createApp({
    prisma,
    temporal: new Client({ connection }),
    namespace: 'default',
    taskQueue: `outages-${process.pid}`,
    log,
    reportsDir: os.tmpdir(),
    temporalDeadlineMs: 2_000,
    caseSettings: { scale: { kind: 'realtime' }, taskDueDays: 20, reminderBeforeDays: 3, graceDays: 7 },
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    fetch: (path: string, init: RequestInit = {}) => fetch(`${url}${path}`, { ...init, headers: { ...(init.headers as object), authorization: `Bearer ${MIIT}` } }),
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await prisma.$disconnect();
      // The SDK's gRPC retry loop keeps one backoff timer after the deadline; let it end first.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      await connection.close().catch(() => undefined);
    },
  };
}

let db: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  db = await freshDatabase();
  const prisma = createPrisma(db.url);
  await seedDemoDirectory(prisma, provinces);
  await prisma.$disconnect();
});
afterAll(() => db.drop());

test('Temporal down: starting a workflow answers 503 naming Temporal, with Retry-After', async () => {
  const api = await serve(db.url, `127.0.0.1:${await freePort()}`);
  try {
    const res = await api.fetch('/tips', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `outage-${process.pid}` },
      body: JSON.stringify({ source: 'letter', text: '夜间运矿 night haulage', receivedAt: '2014-11-02T08:00:00Z' }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toMatchObject({ component: 'temporal', error: expect.stringMatching(/^Temporal is unavailable/) });
  } finally {
    await api.stop();
  }
});

test('PostgreSQL frozen (it accepts connections and never answers): 503 naming PostgreSQL', async () => {
  const frozen = net.createServer(() => undefined);
  await new Promise<void>((resolve) => frozen.listen(0, '127.0.0.1', resolve));
  const api = await serve(`postgresql://postgres:postgres@127.0.0.1:${(frozen.address() as AddressInfo).port}/campaign`, services().temporalAddress);
  try {
    const res = await api.fetch('/tasks');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toMatchObject({ component: 'postgres', error: expect.stringMatching(/^PostgreSQL is unavailable/) });
  } finally {
    await api.stop();
    frozen.close();
  }
});
