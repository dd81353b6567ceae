import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../../api/app';
import { createLogger } from '../../platform/logger';
import { createPrisma } from '../../platform/prisma';
import { freePort } from '../../platform/freePort';
import { createMailer } from '../../platform/mailer';
import { freshDatabase } from '../support/freshDatabase';
import { startHarness } from '../support/harness';
import { services } from '../support/services';

const log = createLogger('test-readiness', 'silent');

async function serve(databaseUrl: string, temporalAddress: string, { temporalDown = false, smtpUrl = undefined as string | undefined, taskQueue = `unpolled-${process.pid}` } = {}) {
  const prisma = createPrisma(databaseUrl);
  const connection = Connection.lazy({ address: temporalAddress, connectTimeout: 1_000 });
  const app = createApp({
    prisma,
    temporal: new Client({ connection }),
    namespace: 'default',
    // Unless a test passes a harness's queue, no worker ever polls this one.
    taskQueue,
    log,
    reportsDir: os.tmpdir(),
    ...(smtpUrl ? { mailer: createMailer(smtpUrl) } : {}),
    caseSettings: { scale: { kind: 'realtime' }, taskDueDays: 20, reminderBeforeDays: 3, graceDays: 7 },
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    get: (path: string) => fetch(`${url}${path}`),
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await prisma.$disconnect();
      // The SDK's gRPC retry loop keeps one backoff timer after the probe's deadline; closing the
      // connection under it would throw from that timer, so let the loop end first.
      if (temporalDown) await new Promise((resolve) => setTimeout(resolve, 4_000));
      await connection.close().catch(() => undefined);
    },
  };
}

let db: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

describe('/healthz and /readyz', () => {
  test('ready when PostgreSQL, Temporal, a polling worker and the SMTP relay all answer', async () => {
    const h = await startHarness('readiness', { databaseUrl: db.url });
    try {
      expect((await fetch(`${h.baseUrl}/healthz`)).status).toBe(200);
      const ready = await fetch(`${h.baseUrl}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', checks: { postgres: { ok: true }, temporal: { ok: true }, worker: { ok: true }, smtp: { ok: true } } });
    } finally {
      await h.stop();
    }
  });

  test('not ready without a worker polling the task queue', async () => {
    const api = await serve(services().databaseUrl, services().temporalAddress);
    try {
      const ready = await api.get('/readyz');
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { status: string; checks: { temporal: { ok: boolean }; worker: { ok: boolean; error?: string } } };
      expect(body.status).toBe('unavailable');
      expect(body.checks.temporal.ok).toBe(true);
      expect(body.checks.worker).toEqual({ ok: false, error: `no worker is polling task queue unpolled-${process.pid}` });
    } finally {
      await api.stop();
    }
  });

  test('a dead SMTP relay leaves the stack ready but degraded, with the reason', async () => {
    const h = await startHarness('readiness-smtp', { databaseUrl: db.url });
    const api = await serve(services().databaseUrl, services().temporalAddress, { smtpUrl: `smtp://127.0.0.1:${await freePort()}`, taskQueue: h.taskQueue });
    try {
      const ready = await api.get('/readyz');
      expect(ready.status).toBe(200);
      const body = (await ready.json()) as { status: string; reason: string; checks: { worker: { ok: boolean }; smtp: { ok: boolean; error?: string } } };
      expect(body.status).toBe('degraded');
      expect(body.reason).toMatch(/SMTP relay .* emails wait in the outbox/);
      expect(body.checks.worker.ok).toBe(true);
      expect(body.checks.smtp.ok).toBe(false);
      expect(body.checks.smtp.error).toMatch(/ECONNREFUSED/);
    } finally {
      await api.stop();
      await h.stop();
    }
  });

  test('503 naming PostgreSQL when it is down, while /healthz stays 200', async () => {
    const deadPort = await freePort();
    const api = await serve(`postgresql://postgres:postgres@127.0.0.1:${deadPort}/campaign`, services().temporalAddress);
    try {
      expect((await api.get('/healthz')).status).toBe(200);
      const ready = await api.get('/readyz');
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { status: string; checks: { postgres: { ok: boolean; error?: string }; temporal: { ok: boolean } } };
      expect(body.status).toBe('unavailable');
      expect(body.checks.postgres.ok).toBe(false);
      expect(body.checks.postgres.error).toBeTruthy();
      expect(body.checks.temporal.ok).toBe(true);
    } finally {
      await api.stop();
    }
  });

  test('503 naming Temporal when it is down', async () => {
    const deadPort = await freePort();
    const api = await serve(services().databaseUrl, `127.0.0.1:${deadPort}`, { temporalDown: true });
    try {
      const ready = await api.get('/readyz');
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { checks: { postgres: { ok: boolean }; temporal: { ok: boolean; error?: string } } };
      expect(body.checks.postgres.ok).toBe(true);
      expect(body.checks.temporal.ok).toBe(false);
      expect(body.checks.temporal.error).toBeTruthy();
    } finally {
      await api.stop();
    }
  });
});
