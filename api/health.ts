import type { Client } from '@temporalio/client';
import type { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { z } from 'zod';
import { updateWritesQueueOf } from '../domain/taskQueues';
import type { Mailer } from '../platform/mailer';
import { livePollers } from '../platform/taskQueuePollers';
import { pingDatabase } from '../store/database';
import type { Operation } from './operation';

const CHECK_TIMEOUT_MS = 2_000;

type Check = { ok: true } | { ok: false; error: string };

async function check(probe: () => Promise<unknown>): Promise<Check> {
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

const CheckView = z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), error: z.string() })]);
const Readiness = z.object({
  status: z.enum(['ready', 'degraded', 'unavailable']),
  reason: z.string().optional(),
  checks: z.object({ postgres: CheckView, temporal: CheckView, worker: CheckView, smtp: CheckView.optional() }),
});

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
    summary: 'Readiness: PostgreSQL and Temporal answer and a worker polls the task queue; a failing SMTP relay is `degraded`',
    public: true,
    responses: {
      200: { description: 'ready, or degraded (the SMTP relay does not answer: emails wait in the outbox)', schema: Readiness },
      503: { description: 'a dependency is down; the body names it', schema: Readiness },
    },
  },
} satisfies Record<string, Operation>;

/**
 * `/healthz`: the process is alive. `/readyz`: the stack can do its work: PostgreSQL and Temporal
 * answer and a worker is polling the task queue and its update writes' queue, else 503 naming what is missing. A failing SMTP
 * relay leaves it ready but `degraded` (200, with the reason): escalations wait in the outbox and
 * go out when the relay is back, nothing is lost.
 */
export function healthRoutes(deps: { prisma: PrismaClient; temporal: Client; namespace: string; taskQueue: string; mailer?: Pick<Mailer, 'verify'> }): Router {
  const router = Router();
  // The deadline also ends the SDK's own retries, so probes do not pile up while Temporal is down.
  const temporalCall = <T>(call: () => Promise<T>) => deps.temporal.connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, call);

  router.get(healthOperations.live.path, (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get(healthOperations.ready.path, async (_req, res) => {
    const [postgres, temporal, worker, smtp] = await Promise.all([
      check(() => pingDatabase(deps.prisma)),
      check(() => temporalCall(() => deps.temporal.workflowService.describeNamespace({ namespace: deps.namespace }))),
      check(async () => {
        const [cases, updateWrites] = [deps.taskQueue, updateWritesQueueOf(deps.taskQueue)];
        const [live, liveWriters] = await Promise.all([
          temporalCall(() => livePollers(deps.temporal.workflowService, deps.namespace, cases)),
          temporalCall(() => livePollers(deps.temporal.workflowService, deps.namespace, updateWrites, 'activity')),
        ]);
        if (live.length === 0) throw new Error(`no worker is polling task queue ${cases}`);
        if (liveWriters.length === 0) throw new Error(`no worker is polling task queue ${updateWrites}`);
      }),
      deps.mailer ? check(() => deps.mailer!.verify(CHECK_TIMEOUT_MS)) : Promise.resolve(undefined),
    ]);
    const ready = postgres.ok && temporal.ok && worker.ok;
    const status = !ready ? 'unavailable' : smtp && !smtp.ok ? 'degraded' : 'ready';
    res.status(ready ? 200 : 503).json({
      status,
      ...(status === 'degraded' ? { reason: `the SMTP relay does not answer (${smtp && !smtp.ok ? smtp.error : ''}): emails wait in the outbox` } : {}),
      checks: { postgres, temporal, worker, ...(smtp ? { smtp } : {}) },
    } satisfies z.input<typeof Readiness>);
  });
  return router;
}
