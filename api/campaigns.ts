import type { PrismaClient } from '@prisma/client';
import { WorkflowIdConflictPolicy, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { Router } from 'express';
import { z } from 'zod';
import { coordinatesProvince, seesProvince } from '../domain/access';
import { CampaignId, campaignWorkflowId, caseWorkflowId } from '../domain/caseIds';
import { CampaignCalendar, CampaignCalendarShape, calendar2014, campaignDaysToMs, phaseEnds, type TimeScale } from '../domain/campaignClock';
import { AgencyKind, CasePhase } from '../domain/enums';
import { ProvinceName } from '../domain/provinces';
import { text } from '../domain/text';
import { UnifiedSocialCreditCode } from '../domain/tip';
import { addEnterpriseUpdate, progressQuery, superviseCaseSignal, type CampaignEnterprise } from '../workflows/campaignMessages';
import type { campaignWorkflow } from '../workflows';
import { principalOf } from './auth';
import { HttpError, parseOr, parseOr400 } from './errors';
import { error, type Operation } from './operation';

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

const Started = z.object({ id: z.string(), phaseEnds: PhaseEndsView, provinces: z.array(z.object({ province: z.string(), workflowId: z.string(), enterprises: z.number().int() })) });

const Progress = z.object({
  campaignId: z.string(),
  province: z.string(),
  phase: CasePhase,
  phaseEnds: PhaseEndsView,
  cases: z.array(z.string()),
  supervised: z.array(z.string()),
  events: z.array(z.object({ at: z.string(), kind: z.string(), summary: z.string() })),
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
      201: { description: 'started (starting it again attaches to the running workflows)', schema: Started },
      403: error('not a coordinator of these provinces'),
      422: error('the calendar is out of order, or listed enterprises are not on file in these provinces'),
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
    },
  },
  supervise: {
    method: 'post',
    path: '/campaigns/:id/provinces/:province/cases/:code/supervise',
    tag: 'campaigns',
    summary: '挂牌督办: put a case under supervision (MIIT)',
    params: CasePath,
    responses: { 202: { description: 'supervised', schema: z.object({ caseId: z.string(), supervised: z.literal(true) }) }, 403: error('MIIT only'), 404: notFound },
  },
} satisfies Record<string, Operation>;

const campaignGone = (error: unknown) => {
  if (error instanceof WorkflowNotFoundError) throw new HttpError(404, 'campaign not found');
  throw error;
};

/** Campaigns: one workflow per province, a case per listed enterprise of that province. */
export function campaignRoutes(deps: { prisma: PrismaClient; temporal: Client; taskQueue: string; caseSettings: CaseSettings }): Router {
  const router = Router();

  router.post(campaignOperations.start.path, async (req, res) => {
    const body = parseOr400(CreateCampaign, req.body, 'campaign');
    const me = principalOf(res);
    const forbidden = body.provinces.filter((p) => !coordinatesProvince(me, p));
    if (forbidden.length) throw new HttpError(403, `you do not coordinate ${forbidden.join(', ')}`);
    const calendar = body.calendar ? parseOr(422, CampaignCalendar, body.calendar, 'calendar') : calendar2014;
    const scale: TimeScale = body.daysPerSecond ? { kind: 'scaled', daysPerSecond: body.daysPerSecond } : deps.caseSettings.scale;
    const s = deps.caseSettings;
    const timing = {
      taskDueMs: campaignDaysToMs(s.taskDueDays, scale),
      reminderBeforeMs: campaignDaysToMs(s.reminderBeforeDays, scale),
      graceAfterDueMs: campaignDaysToMs(s.graceDays, scale),
    };
    const ends = phaseEnds(calendar, Date.now(), scale);
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    await deps.prisma.campaign.upsert({
      where: { id: body.id },
      create: {
        id: body.id,
        name: body.name,
        selfInspectionStart: day(calendar.selfInspection.from),
        rectificationStart: day(calendar.rectification.from),
        acceptanceStart: day(calendar.acceptance.from),
        endsOn: day(calendar.acceptance.to),
        reviewWindowStart: day(calendar.reviewWindow.from),
        reviewWindowEnd: day(calendar.reviewWindow.to),
        updatedBy: me.email,
      },
      update: {},
    });
    if (body.enterprises) {
      const known = await deps.prisma.enterprise.findMany({ where: { code: { in: body.enterprises }, provinceName: { in: body.provinces } }, select: { code: true } });
      const missing = body.enterprises.filter((c) => !known.some((k) => k.code === c));
      if (missing.length) throw new HttpError(422, 'enterprises not on file in these provinces: import them first', missing);
    }
    const started = [];
    for (const province of body.provinces) {
      const enterprises = await deps.prisma.enterprise.findMany({
        where: { provinceName: province, ...(body.enterprises ? { code: { in: body.enterprises } } : {}) },
        select: { code: true, name: true, types: true },
        orderBy: { code: 'asc' },
      });
      const workflowId = campaignWorkflowId(body.id, province);
      await deps.temporal.workflow.start<typeof campaignWorkflow>('campaignWorkflow', {
        workflowId,
        taskQueue: deps.taskQueue,
        args: [{ campaignId: body.id, province, phaseEnds: ends, reviewWindow: calendar.reviewWindow, timing, enterprises }],
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
        staticSummary: `${body.name} · ${province}`,
      });
      started.push({ province, workflowId, enterprises: enterprises.length });
    }
    res.status(201).json({ id: body.id, phaseEnds: ends, provinces: started } satisfies z.input<typeof Started>);
  });

  const campaignHandle = (res: Parameters<typeof principalOf>[0], params: unknown) => {
    const { id, province } = parseOr400(CampaignPath, params, 'path');
    if (!seesProvince(principalOf(res), province)) throw new HttpError(404, 'campaign not found');
    return { id, province, handle: deps.temporal.workflow.getHandle(campaignWorkflowId(id, province)) };
  };

  router.get(campaignOperations.progress.path, async (req, res) => {
    const { id, province, handle } = campaignHandle(res, req.params);
    const progress = await handle.query(progressQuery).catch(() => {
      throw new HttpError(404, 'campaign not found');
    });
    const now = new Date();
    const scope = { campaignId: id, provinceName: province };
    const [open, overdue, completed] = await Promise.all([
      deps.prisma.caseTask.count({ where: { ...scope, status: 'open' } }),
      deps.prisma.caseTask.groupBy({ by: ['agencyKind'], where: { ...scope, status: 'open', dueAt: { lt: now } }, _count: true }),
      deps.prisma.caseTask.count({ where: { ...scope, status: 'completed' } }),
    ]);
    res.json({ ...progress, tasks: { open, completed, overdueByAgency: Object.fromEntries(overdue.map((o) => [o.agencyKind, o._count])) } } satisfies z.input<typeof Progress>);
  });

  router.post(campaignOperations.addEnterprise.path, async (req, res) => {
    const me = principalOf(res);
    const { province, handle } = campaignHandle(res, req.params);
    if (!coordinatesProvince(me, province)) throw new HttpError(403, 'only coordinators add enterprises to a campaign');
    const { code } = parseOr400(campaignOperations.addEnterprise.body.schema, req.body, 'request body');
    const enterprise = await deps.prisma.enterprise.findUnique({ where: { code }, select: { code: true, name: true, types: true, provinceName: true } });
    if (!enterprise || enterprise.provinceName !== province) throw new HttpError(404, 'no such enterprise in this province: import it first');
    const listed: CampaignEnterprise = { code: enterprise.code, name: enterprise.name, types: enterprise.types };
    const result = await handle.executeUpdate(addEnterpriseUpdate, { args: [{ ...listed, by: me.email }] }).catch(campaignGone);
    res.status(result.added ? 201 : 200).json(result);
  });

  router.post(campaignOperations.supervise.path, async (req, res) => {
    const me = principalOf(res);
    const { id, province, handle } = campaignHandle(res, req.params);
    // 挂牌督办 is MIIT's: its joint inspection groups put serious cases under supervision.
    if (me.role !== 'miitCoordinator') throw new HttpError(403, 'only MIIT puts cases under supervision');
    const { code } = parseOr400(CasePath, req.params, 'enterprise code');
    await handle.signal(superviseCaseSignal, { enterpriseCode: code, by: me.email }).catch(campaignGone);
    res.status(202).json({ caseId: caseWorkflowId(id, province, code), supervised: true });
  });

  return router;
}
