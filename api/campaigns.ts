import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy, WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { Router } from 'express';
import { z } from 'zod';
import { coordinatesProvince, createsCampaign, provinceOfCampaignId, seesProvince } from '../domain/access';
import { CampaignId, campaignWorkflowId, caseWorkflowId } from '../domain/caseIds';
import { CampaignCalendar, CampaignCalendarShape, calendar2014, campaignDay, campaignTimeBase, phaseEnds, type TimeScale } from '../domain/campaignClock';
import { AgencyKind, CasePhase } from '../domain/enums';
import { ProvinceName } from '../domain/provinces';
import { text } from '../domain/text';
import { UnifiedSocialCreditCode } from '../domain/campaign/creditCode';
import { campaignClocks } from '../store/campaignClocks';
import {
  campaignEnterprises,
  campaignTaskCounts,
  enterpriseOfProvince,
  provincesOfEnterprises,
  recordCampaign,
  unknownProvinces,
  type ProvincePart,
  type StoredCampaign,
} from '../store/campaigns';
import { addEnterpriseUpdate, progressQuery, superviseCaseSignal, type CampaignProgress } from '../workflows/campaignMessages';
import type { campaignWorkflow } from '../workflows';
import type { AuditNote } from './auditNote';
import { caseTiming } from './campaignWork';
import { principalOf } from './auth';
import { HttpError, parseOr, parseOr400 } from './errors';
import { error, type Operation } from './operation';
import { httpErrorOfUpdate, outOfScopeIfExists } from './temporalErrors';

export interface CaseSettings {
  scale: TimeScale;
  taskDueDays: number;
  reminderBeforeDays: number;
  graceDays: number;
}

const CreateCampaign = z.object({
  id: CampaignId,
  name: text(200),
  provinces: z
    .array(ProvinceName)
    .min(1)
    .max(40)
    .refine((ps) => new Set(ps).size === ps.length, 'each province once')
    .meta({ uniqueItems: true }),
  calendar: CampaignCalendarShape.optional().meta({ description: 'the 2014 plan by default; phases must follow one another day by day (422 otherwise)' }),
  // No slower than real time (1/86400): a slower clock would put the phase ends past any date.
  daysPerSecond: z.number().min(1 / 86_400).max(100_000).optional().meta({ description: 'campaign days per real second, for demos (at least 1/86400, real time); real time when absent' }),
  enterprises: z.array(UnifiedSocialCreditCode).min(1).max(100_000).optional().meta({ description: 'credit codes to check (annex 1); every enterprise of the provinces on file by default' }),
});

const PhaseEndsView = z.object({ selfInspection: z.iso.datetime(), rectification: z.iso.datetime(), acceptance: z.iso.datetime() });

const Started = z.object({
  id: z.string(),
  name: z.string(),
  calendar: CampaignCalendarShape,
  daysPerSecond: z.number().nullable(),
  createdBy: z.string(),
  phaseEnds: PhaseEndsView,
  provinces: z.array(z.object({ province: z.string(), workflowId: z.string(), enterprises: z.number().int(), createdBy: z.string() })),
});

const Progress = z.object({
  campaignId: z.string(),
  province: z.string(),
  phase: CasePhase,
  phaseEnds: PhaseEndsView,
  cases: z.array(z.string()),
  supervised: z.array(z.string()),
  events: z.array(z.object({ at: z.string(), on: z.string().meta({ description: 'the campaign date (China Standard Time)' }), kind: z.string(), summary: z.string() })),
  tasks: z.object({ open: z.number().int(), completed: z.number().int(), overdueByAgency: z.partialRecord(AgencyKind, z.number().int()) }),
});

const CampaignPath = z.object({ id: CampaignId, province: ProvinceName });
const CasePath = CampaignPath.extend({ code: UnifiedSocialCreditCode.meta({ description: "the enterprise's 统一社会信用代码" }) });
const notFound = error('no such campaign in this province, or not in your scope');

export const campaignOperations = {
  start: {
    method: 'post',
    path: '/campaigns',
    tag: 'campaigns',
    summary: 'Start a campaign: one campaign workflow per province, one case per listed enterprise (MIIT, or a coordinator for their province)',
    body: { schema: CreateCampaign, example: { id: 'rare-earth-2014', name: '打击稀土违法违规行为专项行动', provinces: ['江西省'], daysPerSecond: 1 } },
    responses: {
      200: { description: 'the same request again: the campaign as it was created', schema: Started },
      201: { description: 'created and started', schema: Started },
      403: error("not a coordinator of these provinces, or a provincial coordinator naming a national campaign MIIT has not created"),
      409: error('a campaign with this id exists with other settings; details lists each field with the stored and requested value'),
      422: error("the calendar is out of order, a province has nothing on file, a province's own id names other provinces, or listed enterprises are not on file in these provinces"),
    },
  },
  progress: {
    method: 'get',
    path: '/campaigns/:id/provinces/:province',
    tag: 'campaigns',
    summary: 'Progress of a campaign in a province: phase, cases, events, task counts',
    params: CampaignPath,
    responses: { 200: { description: 'progress', schema: Progress }, 404: notFound },
  },
  addEnterprise: {
    method: 'post',
    path: '/campaigns/:id/provinces/:province/enterprises',
    tag: 'campaigns',
    summary: 'Add an enterprise on file to a running campaign (coordinators)',
    params: CampaignPath,
    body: { schema: z.object({ code: UnifiedSocialCreditCode }), example: { code: '91360700MA35XXXX1A' } },
    responses: {
      200: { description: 'already listed', schema: z.object({ caseId: z.string(), added: z.literal(false) }) },
      201: { description: 'case started', schema: z.object({ caseId: z.string(), added: z.literal(true) }) },
      403: error('not a coordinator of this province'),
      404: error('no such campaign, or the enterprise is not on file in this province'),
      409: error('the campaign has closed in this province'),
    },
  },
  supervise: {
    method: 'post',
    path: '/campaigns/:id/provinces/:province/cases/:code/supervise',
    tag: 'campaigns',
    summary: '挂牌督办: put a case under supervision (MIIT)',
    params: CasePath,
    responses: {
      202: { description: 'supervised', schema: z.object({ caseId: z.string(), supervised: z.literal(true) }) },
      403: error('MIIT only'),
      404: error('no such campaign in this province, or the enterprise has no case in it'),
      409: error('the campaign has closed in this province'),
    },
  },
} satisfies Record<string, Operation>;

const scaleOf = (daysPerSecond: number | null): TimeScale => (daysPerSecond === null ? { kind: 'realtime' } : { kind: 'scaled', daysPerSecond });

/** Campaigns: one workflow per province, a case per listed enterprise of that province. */
export function campaignRoutes(deps: { prisma: PrismaClient; temporal: Client; taskQueue: string; caseSettings: CaseSettings }): Router {
  const router = Router();

  router.post(campaignOperations.start.path, async (req, res) => {
    const body = parseOr400(CreateCampaign, req.body, 'campaign');
    const me = principalOf(res);
    res.locals.audit = { action: 'campaigns.start', objectType: 'campaign', objectId: body.id, province: body.provinces.length === 1 ? body.provinces[0] : null } satisfies AuditNote;
    const forbidden = body.provinces.filter((p) => !coordinatesProvince(me, p));
    if (forbidden.length) throw new HttpError(403, `you do not coordinate ${forbidden.join(', ')}`);
    const own = provinceOfCampaignId(body.id);
    if (own !== null && body.provinces.some((p) => p !== own)) {
      throw new HttpError(422, `a campaign id beginning ${body.id.slice(0, 3)} is ${own}'s own campaign and covers ${own} alone; national campaign ids do not begin with a province code`);
    }
    const unknown = await unknownProvinces(deps.prisma, body.provinces);
    if (unknown.length) throw new HttpError(422, 'unknown provinces: a province must be on file (import its enterprises first)', unknown);
    const provinceOf = body.enterprises ? await provincesOfEnterprises(deps.prisma, body.enterprises) : new Map<string, string>();
    const missing = (body.enterprises ?? []).filter((c) => !body.provinces.includes(provinceOf.get(c) ?? ''));
    if (missing.length) throw new HttpError(422, 'enterprises not on file in these provinces: import them first', missing);

    const defaultScale = deps.caseSettings.scale;
    const outcome = await recordCampaign(deps.prisma, {
      id: body.id,
      name: body.name,
      calendar: body.calendar ? parseOr(422, CampaignCalendar, body.calendar, 'calendar') : calendar2014,
      daysPerSecond: body.daysPerSecond ?? (defaultScale.kind === 'scaled' ? defaultScale.daysPerSecond : null),
      provinces: body.provinces.map((province) => ({ province, enterpriseCodes: body.enterprises?.filter((c) => provinceOf.get(c) === province) ?? null })),
      by: me.email,
      mayCreate: createsCampaign(me, body.id),
    });
    if (outcome.kind === 'notFound') {
      throw new HttpError(
        403,
        `only MIIT creates a national campaign: start your province's part of ${body.id} once MIIT has created it, or give your province's own campaign an id beginning with its code and a hyphen`,
      );
    }
    if (outcome.kind === 'conflict') {
      throw new HttpError(
        409,
        `campaign ${body.id} exists (created by ${outcome.campaign.createdBy}) with other settings: ${outcome.differences.map((d) => d.field).join(', ')}`,
        outcome.differences,
      );
    }
    // Started from the stored rows whoever recorded them, so a retry after a crash between the
    // transaction and here converges on the one workflow per province with the recorded settings.
    const provinces = [];
    for (const part of outcome.parts) provinces.push(await startProvince(outcome.campaign, part));
    const { campaign } = outcome;
    res.locals.audit = {
      ...(res.locals.audit as AuditNote),
      after: { created: outcome.created, name: campaign.name, provinces: provinces.map((p) => p.province), daysPerSecond: campaign.daysPerSecond },
    } satisfies AuditNote;
    res.status(outcome.created ? 201 : 200).json({
      id: campaign.id,
      name: campaign.name,
      calendar: campaign.calendar,
      daysPerSecond: campaign.daysPerSecond,
      createdBy: campaign.createdBy,
      phaseEnds: phaseEndsOf(campaign),
      provinces,
    } satisfies z.input<typeof Started>);
  });

  const phaseEndsOf = (campaign: StoredCampaign) => phaseEnds(campaign.calendar, campaign.createdAt.getTime(), scaleOf(campaign.daysPerSecond));

  const startProvince = async (campaign: StoredCampaign, part: ProvincePart) => {
    const scale = scaleOf(campaign.daysPerSecond);
    const timing = caseTiming(deps.caseSettings, scale);
    const enterprises = await campaignEnterprises(deps.prisma, part.enterpriseCodes);
    const workflowId = campaignWorkflowId(campaign.id, part.province);
    await deps.temporal.workflow
      .start<typeof campaignWorkflow>('campaignWorkflow', {
        workflowId,
        taskQueue: deps.taskQueue,
        args: [{ campaignId: campaign.id, province: part.province, phaseEnds: phaseEndsOf(campaign), reviewWindow: campaign.calendar.reviewWindow, timing, clock: campaignTimeBase(campaign.calendar, campaign.createdAt.getTime(), scale), enterprises }],
        // Running: attach to it. Closed: the province's campaign is over, never started again.
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        staticSummary: `${campaign.name} · ${part.province}`,
      })
      .catch((error: unknown) => {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      });
    return { province: part.province, workflowId, enterprises: enterprises.length, createdBy: part.createdBy };
  };

  const campaignHandle = async (res: Parameters<typeof principalOf>[0], params: unknown) => {
    const { id, province } = parseOr400(CampaignPath, params, 'path');
    const handle = deps.temporal.workflow.getHandle(campaignWorkflowId(id, province));
    if (!seesProvince(principalOf(res), province)) throw await outOfScopeIfExists(handle, 'campaign not found');
    return { id, province, handle };
  };

  /** The campaign in the province as it stands: 404 when it was never started. */
  const progressOf = (handle: WorkflowHandle) =>
    handle.query(progressQuery).catch((error: unknown) => {
      throw error instanceof WorkflowNotFoundError ? new HttpError(404, 'campaign not found') : error;
    });
  /** A change to a campaign that has closed (its run is over) is a conflict, never a 500. */
  const ended = (progress: CampaignProgress) => new HttpError(409, `the campaign ${progress.campaignId} in ${progress.province} has closed`);
  const whileRunning = async <T>(progress: CampaignProgress, change: () => Promise<T>): Promise<T> => {
    if (progress.phase === 'closed') throw ended(progress);
    return change().catch((error: unknown) => {
      throw error instanceof WorkflowNotFoundError ? ended(progress) : error;
    });
  };

  router.get(campaignOperations.progress.path, async (req, res) => {
    const { id, province, handle } = await campaignHandle(res, req.params);
    const progress = await progressOf(handle);
    const [tasks, clocks] = await Promise.all([campaignTaskCounts(deps.prisma, id, province, new Date()), campaignClocks(deps.prisma, [progress.campaignId])]);
    const clock = clocks.get(progress.campaignId);
    res.json({ ...progress, events: progress.events.map((e) => ({ ...e, on: campaignDay(clock, e.at) })), tasks } satisfies z.input<typeof Progress>);
  });

  router.post(campaignOperations.addEnterprise.path, async (req, res) => {
    const me = principalOf(res);
    const { id, province, handle } = await campaignHandle(res, req.params);
    const updateId = `${me.staffId}:add-enterprise:${randomUUID()}`;
    res.locals.audit = { action: 'campaigns.addEnterprise', objectType: 'campaign', objectId: `${id}/${province}`, province, updateId } satisfies AuditNote;
    if (!coordinatesProvince(me, province)) throw new HttpError(403, 'only coordinators add enterprises to a campaign');
    const { code } = parseOr400(campaignOperations.addEnterprise.body.schema, req.body, 'request body');
    const progress = await progressOf(handle);
    const listed = await enterpriseOfProvince(deps.prisma, code, province);
    if (!listed) throw new HttpError(404, 'no such enterprise in this province: import it first');
    // A run that ended between the query and the update is whileRunning's 409; the campaign's own
    // refusals (a malformed enterprise, a closed phase) are the update's.
    const result = await whileRunning(progress, () =>
      handle.executeUpdate(addEnterpriseUpdate, { args: [{ ...listed, by: me.email }], updateId }).catch((error: unknown) => {
        throw error instanceof WorkflowNotFoundError ? error : httpErrorOfUpdate(error);
      }),
    );
    res.locals.audit = { ...(res.locals.audit as AuditNote), after: { enterpriseCode: code, added: result.added } } satisfies AuditNote;
    res.status(result.added ? 201 : 200).json(result);
  });

  router.post(campaignOperations.supervise.path, async (req, res) => {
    const me = principalOf(res);
    const { id, province, handle } = await campaignHandle(res, req.params);
    // 挂牌督办 is MIIT's: its joint inspection groups put serious cases under supervision.
    if (me.role !== 'miitCoordinator') throw new HttpError(403, 'only MIIT puts cases under supervision');
    const { code } = parseOr400(CasePath, req.params, 'enterprise code');
    const caseId = caseWorkflowId(id, province, code);
    res.locals.audit = { action: 'campaigns.supervise', objectType: 'case', objectId: caseId, province, after: { supervised: true } } satisfies AuditNote;
    // Cases are only ever added to a campaign, so one listed now is still listed when the signal lands.
    const progress = await progressOf(handle);
    if (!progress.cases.includes(caseId)) throw new HttpError(404, 'case not found: the enterprise is not in this campaign in this province');
    await whileRunning(progress, () => handle.signal(superviseCaseSignal, { enterpriseCode: code, by: me.email }));
    res.status(202).json({ caseId, supervised: true });
  });

  return router;
}
