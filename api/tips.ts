import { randomUUID } from 'node:crypto';
import type { PrismaClient, Tip as TipRow } from '@prisma/client';
import { WorkflowIdConflictPolicy, type Client } from '@temporalio/client';
import { Router } from 'express';
import { z } from 'zod';
import { seesProvince, type Principal } from '../domain/access';
import { TipSubmission, tipWorkflowId, type Tip } from '../domain/tip';
import type { tipIntakeWorkflow } from '../workflows';
import { principalOf } from './auth';
import { HttpError, parseOr400 } from './errors';

const IdempotencyKey = z.string().trim().min(8).max(100).regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only');

/** A tip is seen by MIIT, by its province, and by whoever submitted it. */
function seesTip(me: Principal, tip: TipRow): boolean {
  return me.role === 'miitCoordinator' || tip.recordedBy === me.email || (tip.province !== null && seesProvince(me, tip.province));
}

function present(row: TipRow) {
  return {
    id: row.id,
    source: row.source,
    text: row.text,
    enterpriseCode: row.enterpriseCode ?? undefined,
    province: row.province ?? undefined,
    receivedAt: row.receivedAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
    recordedBy: row.recordedBy,
  };
}

/**
 * Tips (举报线索) enter through the tip-intake workflow, so a submission survives a crash of the
 * API or the worker. An `Idempotency-Key` header makes a repeated submission return the first.
 */
export function tipRoutes(deps: { prisma: PrismaClient; temporal: Client; taskQueue: string }): Router {
  const router = Router();

  router.post('/tips', async (req, res) => {
    const submission = parseOr400(TipSubmission, req.body, 'tip');
    const key = req.header('idempotency-key');
    const me = principalOf(res);
    // A key is the submitter's own: two people choosing the same key make two tips, and neither
    // learns that the other's tip exists.
    const id = key === undefined ? randomUUID() : `${me.staffId}.${parseOr400(IdempotencyKey, key, 'Idempotency-Key header')}`;
    const tip: Tip = { ...submission, id, recordedBy: me.email };
    const handle = await deps.temporal.workflow.start<typeof tipIntakeWorkflow>('tipIntakeWorkflow', {
      workflowId: tipWorkflowId(id),
      taskQueue: deps.taskQueue,
      args: [tip],
      // A retried submission attaches to the first run instead of starting a second.
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      staticSummary: `举报线索 tip ${id}`,
    });
    await handle.result();
    res.status(201).json(present(await deps.prisma.tip.findUniqueOrThrow({ where: { id } })));
  });

  router.get('/tips/:id', async (req, res) => {
    const row = await deps.prisma.tip.findUnique({ where: { id: req.params.id } });
    if (!row || !seesTip(principalOf(res), row)) throw new HttpError(404, 'tip not found');
    res.json(present(row));
  });

  return router;
}
