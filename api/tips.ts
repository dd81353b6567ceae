import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { ActivityFailure, ApplicationFailure, WorkflowFailedError, WorkflowIdConflictPolicy, type Client } from '@temporalio/client';
import { Router } from 'express';
import { z } from 'zod';
import { seesProvince, type Principal } from '../domain/access';
import { identifier } from '../domain/text';
import { TipSubmission, tipReceivedTooLate, tipWorkflowId, type Tip } from '../domain/tip';
import { tipById, type TipRow } from '../store/tips';
import type { tipIntakeWorkflow } from '../workflows';
import type { AuditNote } from './auditNote';
import { principalOf } from './auth';
import { HttpError, OutOfScopeError, parseOr400 } from './errors';
import { claimedIdempotencyKey } from './idempotency';
import { IdempotencyHeaders, error, type Operation } from './operation';

const TipView = z.object({
  id: z.string(),
  source: z.string(),
  text: z.string(),
  enterpriseCode: z.string().optional(),
  province: z.string().optional(),
  receivedAt: z.iso.datetime(),
  recordedAt: z.iso.datetime(),
  recordedBy: z.string(),
});

export const tipOperations = {
  submit: {
    method: 'post',
    path: '/tips',
    tag: 'tips',
    summary: 'Submit a tip-off (举报线索); it enters through the tip-intake workflow',
    headers: IdempotencyHeaders,
    body: {
      schema: TipSubmission,
      example: { source: '12336 hotline', text: '某稀土公司夜间偷采，矿石运往外省', enterpriseCode: '91360700MA35XXXX1A', province: '江西省', receivedAt: '2014-10-12T09:30:00+08:00' },
    },
    responses: {
      201: { description: 'recorded (for a repeated Idempotency-Key, the first tip)', schema: TipView },
      422: error('received in the future, the Idempotency-Key was used for another tip, or the tip could not be recorded'),
    },
  },
  get: {
    method: 'get',
    path: '/tips/:id',
    tag: 'tips',
    summary: 'A recorded tip (MIIT, its province, or whoever submitted it)',
    params: z.object({ id: identifier(200) }),
    responses: { 200: { description: 'the tip', schema: TipView }, 404: error('no such tip, or not yours to see') },
  },
} satisfies Record<string, Operation>;

/** A tip is seen by MIIT, by its province, and by whoever submitted it. */
function seesTip(me: Principal, tip: TipRow): boolean {
  return me.role === 'miitCoordinator' || tip.recordedBy === me.email || (tip.province !== null && seesProvince(me, tip.province));
}

function present(row: TipRow): z.input<typeof TipView> {
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

  router.post(tipOperations.submit.path, async (req, res) => {
    const submission = parseOr400(TipSubmission, req.body, 'tip');
    if (tipReceivedTooLate(submission.receivedAt, new Date())) {
      throw new HttpError(422, 'invalid tip', [{ path: 'receivedAt', message: '收到时间不能晚于现在 / must not be in the future' }]);
    }
    const me = principalOf(res);
    // The same instant written in another offset is the same tip.
    const key = await claimedIdempotencyKey(deps.prisma, req, me, 'tip', { ...submission, receivedAt: new Date(submission.receivedAt).toISOString() });
    // A key is the submitter's own: two people choosing the same key make two tips, and neither
    // learns that the other's tip exists.
    const id = key === undefined ? randomUUID() : `${me.staffId}.${key}`;
    const tip: Tip = { ...submission, id, recordedBy: me.email };
    res.locals.audit = { action: 'tips.submit', objectType: 'tip', objectId: id, province: submission.province ?? null, after: { source: submission.source, enterpriseCode: submission.enterpriseCode ?? null } } satisfies AuditNote;
    const handle = await deps.temporal.workflow.start<typeof tipIntakeWorkflow>('tipIntakeWorkflow', {
      workflowId: tipWorkflowId(id),
      taskQueue: deps.taskQueue,
      args: [tip],
      // A retried submission attaches to the first run instead of starting a second.
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      staticSummary: `举报线索 tip ${id}`,
    });
    await handle.result().catch((error: unknown) => {
      // The activity refused the tip for good (activities/failures.ts): the request is what failed.
      const refused = error instanceof WorkflowFailedError && error.cause instanceof ActivityFailure && error.cause.cause instanceof ApplicationFailure && error.cause.cause.nonRetryable;
      throw refused ? new HttpError(422, `the tip could not be recorded: ${(error.cause?.cause as ApplicationFailure).message}`) : error;
    });
    res.status(201).json(present((await tipById(deps.prisma, id))!));
  });

  router.get(tipOperations.get.path, async (req, res) => {
    const { id } = parseOr400(tipOperations.get.params, req.params, 'path');
    const row = await tipById(deps.prisma, id);
    if (!row) throw new HttpError(404, 'tip not found');
    if (!seesTip(principalOf(res), row)) throw new OutOfScopeError('tip not found');
    res.json(present(row));
  });

  return router;
}
