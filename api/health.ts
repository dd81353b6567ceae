import type { Client } from '@temporalio/client';
import type { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { z } from 'zod';
import type { Operation } from './operation';

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

const Check = z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), error: z.string() })]);
const Readiness = z.object({ status: z.enum(['ready', 'unavailable']), checks: z.object({ postgres: Check, temporal: Check }) });

export const healthOperations = {
  live: {
    method: 'get',
    path: '/healthz',
    tag: 'health',
    summary: 'Liveness: the process answers',
    public: true,
    responses: { 200: { description: 'alive', schema: z.object({ status: z.literal('ok') }) } },
  },
  ready: {
    method: 'get',
    path: '/readyz',
    tag: 'health',
    summary: 'Readiness: PostgreSQL and Temporal answer',
    public: true,
    responses: { 200: { description: 'ready', schema: Readiness }, 503: { description: 'a dependency is down; the body names it', schema: Readiness } },
  },
} satisfies Record<string, Operation>;

/** `/healthz`: the process is alive. `/readyz`: PostgreSQL and Temporal both answer, else 503 with the reason. */
export function healthRoutes(deps: { prisma: PrismaClient; temporal: Client; namespace: string }): Router {
  const router = Router();
  router.get(healthOperations.live.path, (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get(healthOperations.ready.path, async (_req, res) => {
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
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks: { postgres, temporal } } satisfies z.input<typeof Readiness>);
  });
  return router;
}
