import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdConflictPolicy, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { Router, type Response } from 'express';
import { z } from 'zod';
import { coordinatesProvince, seesProvince, type Principal } from '../domain/access';
import { ReferralAcceptance, ReferralRouting, ReferralSubmission, referralWorkflowId, type ReferralReport } from '../domain/referral';
import { Flag } from '../domain/taskFilter';
import { identifier } from '../domain/text';
import { listReferrals, referralById, reportReferral, type ReferralRow } from '../store/referrals';
import { acceptReferralUpdate, referralViewQuery, routeReferralUpdate, type ReferralView } from '../workflows/coordinationMessages';
import type { referralWorkflow } from '../workflows';
import type { AuditNote } from './auditNote';
import { principalOf } from './auth';
import type { CaseSettings } from './campaigns';
import { addedToCampaign, campaignTiming, existingCase } from './campaignWork';
import { HttpError, OutOfScopeError, parseOr400 } from './errors';
import { claimedIdempotencyKey } from './idempotency';
import { IdempotencyHeaders, error, type Operation } from './operation';
import { PageQuery, Paged, paged } from './pagination';
import { httpErrorOfUpdate } from './temporalErrors';

const IdPath = z.object({ id: identifier(200) });
const ReferralQuery = PageQuery.extend({
  campaignId: identifier(100).optional(),
  open: Flag.optional().meta({ description: 'still to be routed or accepted (true), or accepted or closed (false)' }),
});
const CoordinationStepOut = z.object({
  key: z.string(),
  province: z.string().nullable(),
  title: z.string(),
  createdAt: z.iso.datetime(),
  dueAt: z.iso.datetime(),
  done: z.boolean(),
  overdue: z.boolean(),
  escalations: z.array(z.string()),
});
/** A referral as both provinces and MIIT read it; a member not yet known is absent, never null. */
const ReferralSummary = z.object({
  id: z.string(),
  campaignId: z.string(),
  state: z.enum(['reported', 'routed', 'accepted', 'closed']),
  fromProvince: z.string(),
  toProvince: z.string().optional(),
  counterpart: z.object({ name: z.string(), code: z.string().optional() }),
  facts: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  source: z.string(),
  reportedBy: z.string(),
  reportedAt: z.iso.datetime(),
  routedBy: z.string().optional(),
  routedAt: z.iso.datetime().optional(),
  closedReason: z.string().optional(),
  acceptedBy: z.string().optional(),
  acceptedAt: z.iso.datetime().optional(),
  result: z.record(z.string(), z.unknown()).optional(),
});
/** One referral, with the coordination steps its workflow keeps (each escalates when late). */
const ReferralOut = ReferralSummary.extend({ steps: z.array(CoordinationStepOut) });

const present = (row: ReferralRow): z.input<typeof ReferralSummary> => ({
  id: row.id,
  campaignId: row.campaignId,
  state: row.state,
  fromProvince: row.fromProvince,
  toProvince: row.toProvince ?? undefined,
  counterpart: { name: row.counterpartName, code: row.counterpartCode ?? undefined },
  facts: row.facts,
  evidence: row.evidence as Record<string, unknown>,
  source: row.source,
  reportedBy: row.reportedBy,
  reportedAt: row.reportedAt.toISOString(),
  routedBy: row.routedBy ?? undefined,
  routedAt: row.routedAt?.toISOString(),
  closedReason: row.closedReason ?? undefined,
  acceptedBy: row.acceptedBy ?? undefined,
  acceptedAt: row.acceptedAt?.toISOString(),
  result: (row.result as Record<string, unknown> | null) ?? undefined,
});

export const referralOperations = {
  report: {
    method: 'post',
    path: '/referrals',
    tag: 'referrals',
    summary: 'Report a cross-province referral (一.(三)) to MIIT: staff and coordinators of the province whose finding it is',
    headers: IdempotencyHeaders,
    body: { schema: ReferralSubmission, example: { campaignId: 'rare-earth-2014', fromProvince: '江西省', toProvince: '广东省', counterpart: { name: '某贸易公司' }, facts: '从无证矿点购进稀土矿', evidence: {} } },
    responses: {
      201: { description: 'reported (for a repeated Idempotency-Key, the first referral)', schema: ReferralOut },
      403: error('not of the reporting province'),
      404: error('no such campaign'),
      422: error('the Idempotency-Key was used for another referral'),
    },
  },
  list: {
    method: 'get',
    path: '/referrals',
    tag: 'referrals',
    summary: 'Referrals your province reported or received (MIIT: all), newest first',
    query: ReferralQuery,
    responses: { 200: { description: 'a page of referrals', schema: Paged(ReferralSummary) } },
  },
  get: { method: 'get', path: '/referrals/:id', tag: 'referrals', summary: 'A referral with its steps: reported → routed → accepted (or closed)', params: IdPath, responses: { 200: { description: 'the referral', schema: ReferralOut }, 404: error('no such referral in your scope') } },
  route: {
    method: 'post',
    path: '/referrals/:id/route',
    tag: 'referrals',
    summary: "MIIT's coordination: route the referral to a province, or close it with a reason",
    params: IdPath,
    body: { schema: ReferralRouting, example: { decision: 'route', toProvince: '广东省' } },
    responses: { 200: { description: 'routed or closed', schema: ReferralOut }, 403: error('not MIIT'), 404: error('no such referral'), 409: error('already routed or closed') },
  },
  accept: {
    method: 'post',
    path: '/referrals/:id/accept',
    tag: 'referrals',
    summary:
      "The receiving province's coordinator accepts it: a verification in the counterpart's case, or the enterprise added to the campaign, registered first from `register` when it is not on file (an enterprise on file keeps what the archive has)",
    params: IdPath,
    body: { schema: ReferralAcceptance, example: { action: 'verifyInCase', enterpriseCode: '91440300MA5XXXXX1A', agencyKind: 'industry' } },
    responses: {
      200: { description: 'accepted', schema: ReferralOut },
      403: error('not the receiving province'),
      404: error('no such referral or case, or an enterprise not on file and no `register` to register it'),
      409: error('not routed yet, already accepted, the enterprise is on file in another province, or its case is not running (still starting, or ended): try again, or accept it elsewhere'),
      422: error("`register` names another enterprise than `enterpriseCode`, or another province than the referral's"),
    },
  },
} satisfies Record<string, Operation>;

/** Both provinces and MIIT see a referral. */
function seesReferral(me: Principal, row: ReferralRow): boolean {
  return seesProvince(me, row.fromProvince) || (row.toProvince !== null && seesProvince(me, row.toProvince));
}

/** Cross-province referrals: reported by a province, routed by MIIT, accepted by the province concerned. */
export function referralRoutes(deps: { prisma: PrismaClient; temporal: Client; taskQueue: string; caseSettings: CaseSettings }): Router {
  const router = Router();

  const visible = async (res: Response, params: unknown) => {
    const { id } = parseOr400(IdPath, params, 'path');
    const row = await referralById(deps.prisma, id);
    if (!row) throw new HttpError(404, 'referral not found');
    if (!seesReferral(principalOf(res), row)) throw new OutOfScopeError('referral not found');
    return row;
  };
  const viewOf = (id: string) => deps.temporal.workflow.getHandle(referralWorkflowId(id)).query(referralViewQuery);
  // The row as the workflow's activities left it, with the steps only the workflow keeps.
  const answer = async (id: string, view: ReferralView): Promise<z.input<typeof ReferralOut>> => ({ ...present((await referralById(deps.prisma, id))!), steps: view.steps });

  router.post(referralOperations.report.path, async (req, res) => {
    const submission = parseOr400(ReferralSubmission, req.body, 'referral');
    const me = principalOf(res);
    if (!seesProvince(me, submission.fromProvince)) throw new HttpError(403, `only ${submission.fromProvince} or MIIT reports its findings`);
    const { timing, clock } = await campaignTiming(deps.prisma, deps.caseSettings, submission.campaignId);
    const key = await claimedIdempotencyKey(deps.prisma, req, me, 'referral', submission);
    // As a tip's: the key is the reporter's own, so two people's equal keys make two referrals.
    const report: ReferralReport = { ...submission, id: key === undefined ? randomUUID() : `${me.staffId}.${key}`, reportedBy: me.email };
    res.locals.audit = { action: 'referrals.report', objectType: 'referral', objectId: report.id, province: report.fromProvince, after: { counterpart: report.counterpart } } satisfies AuditNote;
    // Recorded before the workflow starts (idempotently, as its activity records it again), so that
    // the reporter, MIIT and the provinces find it as soon as this answers.
    await reportReferral(deps.prisma, report);
    await deps.temporal.workflow
      .start<typeof referralWorkflow>('referralWorkflow', {
        workflowId: referralWorkflowId(report.id),
        taskQueue: deps.taskQueue,
        args: [{ report, timing, clock }],
        // A repeated report attaches to the first; one accepted or closed since is never reported again.
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        staticSummary: `跨省移交线索 referral ${report.id}`,
      })
      .catch((error: unknown) => {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      });
    res.status(201).json(await answer(report.id, await viewOf(report.id)));
  });

  router.get(referralOperations.list.path, async (req, res) => {
    const query = parseOr400(ReferralQuery, req.query, 'query');
    const me = principalOf(res);
    if (me.role !== 'miitCoordinator' && me.province === null) return void res.json(paged([], query, 0));
    const { rows, total } = await listReferrals(deps.prisma, { province: me.role === 'miitCoordinator' ? undefined : me.province!, campaignId: query.campaignId, open: query.open }, query);
    res.json(paged(rows.map(present), query, total));
  });

  router.get(referralOperations.get.path, async (req, res) => {
    const row = await visible(res, req.params);
    res.json(await answer(row.id, await viewOf(row.id)));
  });

  router.post(referralOperations.route.path, async (req, res) => {
    const row = await visible(res, req.params);
    const me = principalOf(res);
    if (me.role !== 'miitCoordinator') throw new HttpError(403, "routing referrals is MIIT's coordination mechanism's");
    if (row.state !== 'reported') throw new HttpError(409, `the referral is ${row.state}: only a reported referral is routed or closed`);
    const routing = parseOr400(ReferralRouting, req.body, 'routing');
    res.locals.audit = { action: 'referrals.route', objectType: 'referral', objectId: row.id, province: row.fromProvince, after: routing } satisfies AuditNote;
    const handle = deps.temporal.workflow.getHandle(referralWorkflowId(row.id));
    const routed = await handle.executeUpdate(routeReferralUpdate, { args: [{ routing, by: me.email }] }).catch((e: unknown) => {
      throw httpErrorOfUpdate(e);
    });
    res.json(await answer(row.id, routed));
  });

  router.post(referralOperations.accept.path, async (req, res) => {
    const row = await visible(res, req.params);
    const me = principalOf(res);
    if (row.state !== 'routed' || row.toProvince === null) throw new HttpError(409, `the referral is ${row.state}: only a routed referral is accepted`);
    if (!coordinatesProvince(me, row.toProvince)) throw new HttpError(403, `only ${row.toProvince}'s coordinator accepts this referral`);
    const acceptance = parseOr400(ReferralAcceptance, req.body, 'acceptance');
    res.locals.audit = { action: 'referrals.accept', objectType: 'referral', objectId: row.id, province: row.toProvince, after: acceptance } satisfies AuditNote;
    const caseId =
      acceptance.action === 'verifyInCase'
        ? await existingCase(deps.temporal, row.campaignId, row.toProvince, acceptance.enterpriseCode)
        : (await addedToCampaign(deps, { campaignId: row.campaignId, province: row.toProvince, code: acceptance.enterpriseCode, by: me.email, updateId: `referral:${row.id}:add`, register: acceptance.register })).caseId;
    const handle = deps.temporal.workflow.getHandle(referralWorkflowId(row.id));
    const accepted = await handle.executeUpdate(acceptReferralUpdate, { args: [{ acceptance: { ...acceptance, caseId }, by: me.email }] }).catch((e: unknown) => {
      throw httpErrorOfUpdate(e);
    });
    res.json(await answer(row.id, accepted));
  });

  return router;
}
