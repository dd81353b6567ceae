import type { Client } from '@temporalio/client';
import type { PrismaClient } from '@prisma/client';
import { Router } from 'express';

const CHECK_TIMEOUT_MS = 2_000;

async function check(probe: () => Promise<unknown>): Promise<{ ok: true } | { ok: false; error: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** `/healthz`: the process is alive. `/readyz`: PostgreSQL and Temporal both answer, else 503 with the reason. */
export function healthRoutes(deps: { prisma: PrismaClient; temporal: Client; namespace: string }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const [postgres, temporal] = await Promise.all([
      check(() => deps.prisma.$queryRaw`SELECT 1`),
      // The deadline also ends the SDK's own retries, so probes do not pile up while Temporal is down.
      check(() =>
        deps.temporal.connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () =>
          deps.temporal.workflowService.describeNamespace({ namespace: deps.namespace }),
        ),
      ),
    ]);
    const ready = postgres.ok && temporal.ok;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks: { postgres, temporal } });
  });
  return router;
}
