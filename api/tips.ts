import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { ActivityFailure, ApplicationFailure, WorkflowFailedError, WorkflowIdConflictPolicy, type Client } from '@temporalio/client';
import { Router } from 'express';
import { z } from 'zod';
import { seesProvince, type Principal } from '../domain/access';
import { Flag } from '../domain/taskFilter';
import { identifier } from '../domain/text';
import { TipSubmission, TipTriage, tipReceivedTooLate, tipWorkflowId, type Tip } from '../domain/tip';
import { listTips, tipById, type TipRow } from '../store/tips';
import type { tipIntakeWorkflow } from '../workflows';
import { tipTriageQuery, triageTipUpdate } from '../workflows/coordinationMessages';
import { coordinatesProvince } from '../domain/access';
import { enterpriseSummary } from '../store/enterprises';
import type { CaseSettings } from './campaigns';
import { addedToCampaign, caseTiming, existingCase } from './campaignWork';
import { httpErrorOfUpdate } from './temporalErrors';
import type { AuditNote } from './auditNote';
import { principalOf } from './auth';
import { HttpError, OutOfScopeError, parseOr400 } from './errors';
import { claimedIdempotencyKey } from './idempotency';
import { IdempotencyHeaders, error, type Operation } from './operation';
import { PageQuery, Paged, paged } from './pagination';

const TipView = z.object({
  id: z.string(),
  source: z.string(),
  text: z.string(),
  enterpriseCode: z.string().optional(),
  province: z.string().optional(),
  receivedAt: z.iso.datetime(),
  recordedAt: z.iso.datetime(),
  recordedBy: z.string(),
  /** The triage's outcome once decided: the case, task or referral the tip led to, or why it was closed. */
  outcome: z.unknown().optional(),
  triagedAt: z.iso.datetime().optional(),
});

const TipQuery = PageQuery.extend({ open: Flag.optional().meta({ description: 'not triaged yet (true), or triaged (false)' }) });

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
  list: {
    method: 'get',
    path: '/tips',
    tag: 'tips',
    summary: 'Tips newest first: MIIT all; others those of their province and those they submitted',
    query: TipQuery,
    responses: { 200: { description: 'a page of tips', schema: Paged(TipView) } },
  },
  get: {
    method: 'get',
    path: '/tips/:id',
    tag: 'tips',
    summary: 'A recorded tip (MIIT, its province, or whoever submitted it)',
    params: z.object({ id: identifier(200) }),
    responses: { 200: { description: 'the tip', schema: TipView }, 404: error('no such tip, or not yours to see') },
  },
  triage: {
    method: 'post',
    path: '/tips/:id/triage',
    tag: 'tips',
    summary:
      "Triage a tip (its province's coordinator, MIIT for a tip with no province): link it to a case, add an enterprise to the campaign (registered first from `register`, in the province it names, when it is not on file), refer it to another province, or close it",
    params: z.object({ id: identifier(200) }),
    body: { schema: TipTriage, example: { action: 'linkToCase', campaignId: 'rare-earth-2014', enterpriseCode: '91360700MA35XXXX1A', agencyKind: 'landResources' } },
    responses: {
      200: { description: 'triaged', schema: TipView },
      403: error('not the coordinator of the tip'),
      404: error('no such tip or case, or an enterprise not on file and no `register` to register it'),
      409: error('already triaged, the enterprise is on file in another province, or the case to link to is not running (still starting, or ended): try again, or link another'),
      422: error('a tip with no province cannot be referred to another province, or `register` names another enterprise than `enterpriseCode`'),
    },
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
    outcome: row.outcome ?? undefined,
    triagedAt: row.triagedAt?.toISOString(),
  };
}

/**
 * Tips (举报线索) enter through the tip-intake workflow, so a submission survives a crash of the
 * API or the worker. An `Idempotency-Key` header makes a repeated submission return the first.
 */
export function tipRoutes(deps: { prisma: PrismaClient; temporal: Client; taskQueue: string; caseSettings: CaseSettings }): Router {
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
      args: [tip, caseTiming(deps.caseSettings, deps.caseSettings.scale)],
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

  router.get(tipOperations.list.path, async (req, res) => {
    const query = parseOr400(TipQuery, req.query, 'query');
    const me = principalOf(res);
    const { rows, total } = await listTips(deps.prisma, me.role === 'miitCoordinator' ? 'all' : { province: me.province, recordedBy: me.email }, query.open, query);
    res.json(paged(rows.map(present), query, total));
  });

  router.get(tipOperations.get.path, async (req, res) => {
    const { id } = parseOr400(tipOperations.get.params, req.params, 'path');
    const row = await tipById(deps.prisma, id);
    if (!row) throw new HttpError(404, 'tip not found');
    if (!seesTip(principalOf(res), row)) throw new OutOfScopeError('tip not found');
    res.json(present(row));
  });

  router.post(tipOperations.triage.path, async (req, res) => {
    const { id } = parseOr400(tipOperations.triage.params, req.params, 'path');
    const row = await tipById(deps.prisma, id);
    const me = principalOf(res);
    if (!row) throw new HttpError(404, 'tip not found');
    if (!seesTip(me, row)) throw new OutOfScopeError('tip not found');
    const triages = row.province === null ? me.role === 'miitCoordinator' : coordinatesProvince(me, row.province);
    if (!triages) throw new HttpError(403, row.province === null ? 'MIIT triages a tip with no province' : `only ${row.province}'s coordinator or MIIT triages this tip`);
    if (row.triagedAt) throw new HttpError(409, 'the tip has been triaged already');
    const triage = parseOr400(TipTriage, req.body, 'triage');
    res.locals.audit = { action: 'tips.triage', objectType: 'tip', objectId: id, province: row.province, after: triage } satisfies AuditNote;
    let resolved: { caseId?: string } = {};
    if (triage.action === 'linkToCase' || triage.action === 'addToCampaign') {
      const register = triage.action === 'addToCampaign' ? triage.register : undefined;
      // An enterprise not on file is registered in the province its basic block names.
      const province = (await enterpriseSummary(deps.prisma, triage.enterpriseCode))?.provinceName ?? register?.province;
      if (!province) throw new HttpError(404, `no enterprise ${triage.enterpriseCode} on file${triage.action === 'addToCampaign' ? ': give its basic block to register it' : ''}`);
      if (!coordinatesProvince(me, province)) throw new HttpError(403, `${triage.enterpriseCode} is in ${province}: refer the tip there instead`);
      resolved = {
        caseId:
          triage.action === 'linkToCase'
            ? await existingCase(deps.temporal, triage.campaignId, province, triage.enterpriseCode)
            : (await addedToCampaign(deps, { campaignId: triage.campaignId, province, code: triage.enterpriseCode, by: me.email, updateId: `tip:${id}:add`, register })).caseId,
      };
    }
    const handle = deps.temporal.workflow.getHandle(`${tipWorkflowId(id)}/triage`);
    await handle.query(tipTriageQuery).catch(() => {
      throw new HttpError(409, 'this tip was recorded before tips were triaged: it has no triage');
    });
    await handle.executeUpdate(triageTipUpdate, { args: [{ outcome: { ...triage, ...resolved }, by: me.email }] }).catch((e: unknown) => {
      throw httpErrorOfUpdate(e);
    });
    res.json(present((await tipById(deps.prisma, id))!));
  });

  return router;
}
