import type { PrismaClient } from '@prisma/client';
import { WorkflowIdConflictPolicy, type Client } from '@temporalio/client';
import { Router } from 'express';
import { z } from 'zod';
import { coordinatesProvince, seesProvince } from '../domain/access';
import { campaignWorkflowId, caseWorkflowId } from '../domain/caseIds';
import { CampaignCalendar, calendar2014, campaignDaysToMs, phaseEnds, type TimeScale } from '../domain/campaignClock';
import { UnifiedSocialCreditCode } from '../domain/tip';
import { addEnterpriseUpdate, progressQuery, superviseCaseSignal, type CampaignEnterprise } from '../workflows/campaignMessages';
import type { campaignWorkflow } from '../workflows';
import { principalOf } from './auth';
import { HttpError, parseOr400 } from './errors';
import { httpErrorOfUpdate } from './temporalErrors';

export interface CaseSettings {
  scale: TimeScale;
  taskDueDays: number;
  reminderBeforeDays: number;
  graceDays: number;
}

const CampaignId = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{2,40}$/, 'lower-case letters, digits and -, 3 to 41 characters');

const CreateCampaign = z.object({
  id: CampaignId,
  name: z.string().trim().min(1).max(200),
  provinces: z.array(z.string().trim().min(2).max(20)).min(1).max(40),
  calendar: CampaignCalendar.optional(),
  /** Campaign days per real second, for demos; absent for real time. */
  daysPerSecond: z.number().positive().max(100_000).optional(),
  /** The enterprises to check (annex 1); by default every enterprise of the provinces on file. */
  enterprises: z.array(UnifiedSocialCreditCode).min(1).max(100_000).optional(),
});

/** Campaigns: one workflow per province, a case per listed enterprise of that province. */
export function campaignRoutes(deps: { prisma: PrismaClient; temporal: Client; taskQueue: string; caseSettings: CaseSettings }): Router {
  const router = Router();

  router.post('/campaigns', async (req, res) => {
    const body = parseOr400(CreateCampaign, req.body, 'campaign');
    const me = principalOf(res);
    const forbidden = body.provinces.filter((p) => !coordinatesProvince(me, p));
    if (forbidden.length) throw new HttpError(403, `you do not coordinate ${forbidden.join(', ')}`);
    const calendar = body.calendar ?? calendar2014;
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
      if (missing.length) throw new HttpError(400, 'enterprises not on file in these provinces: import them first', missing);
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
    res.status(201).json({ id: body.id, phaseEnds: ends, provinces: started });
  });

  const campaignHandle = (res: Parameters<typeof principalOf>[0], id: string, province: string) => {
    if (!seesProvince(principalOf(res), province)) throw new HttpError(404, 'campaign not found');
    return deps.temporal.workflow.getHandle(campaignWorkflowId(parseOr400(CampaignId, id, 'campaign id'), province));
  };

  router.get('/campaigns/:id/provinces/:province', async (req, res) => {
    const handle = campaignHandle(res, req.params.id, req.params.province);
    const progress = await handle.query(progressQuery).catch(() => {
      throw new HttpError(404, 'campaign not found');
    });
    const now = new Date();
    const scope = { campaignId: req.params.id, provinceName: req.params.province };
    const [open, overdue, completed] = await Promise.all([
      deps.prisma.caseTask.count({ where: { ...scope, status: 'open' } }),
      deps.prisma.caseTask.groupBy({ by: ['agencyKind'], where: { ...scope, status: 'open', dueAt: { lt: now } }, _count: true }),
      deps.prisma.caseTask.count({ where: { ...scope, status: 'completed' } }),
    ]);
    res.json({ ...progress, tasks: { open, completed, overdueByAgency: Object.fromEntries(overdue.map((o) => [o.agencyKind, o._count])) } });
  });

  router.post('/campaigns/:id/provinces/:province/enterprises', async (req, res) => {
    const me = principalOf(res);
    const handle = campaignHandle(res, req.params.id, req.params.province);
    if (!coordinatesProvince(me, req.params.province)) throw new HttpError(403, 'only coordinators add enterprises to a campaign');
    const { code } = parseOr400(z.object({ code: UnifiedSocialCreditCode }), req.body, 'request body');
    const enterprise = await deps.prisma.enterprise.findUnique({ where: { code }, select: { code: true, name: true, types: true, provinceName: true } });
    if (!enterprise || enterprise.provinceName !== req.params.province) throw new HttpError(404, 'no such enterprise in this province: import it first');
    const listed: CampaignEnterprise = { code: enterprise.code, name: enterprise.name, types: enterprise.types };
    const result = await handle.executeUpdate(addEnterpriseUpdate, { args: [{ ...listed, by: me.email }] }).catch((error: unknown) => {
      throw httpErrorOfUpdate(error);
    });
    res.status(result.added ? 201 : 200).json(result);
  });

  router.post('/campaigns/:id/provinces/:province/cases/:code/supervise', async (req, res) => {
    const me = principalOf(res);
    const handle = campaignHandle(res, req.params.id, req.params.province);
    // 挂牌督办 is MIIT's: its joint inspection groups put serious cases under supervision.
    if (me.role !== 'miitCoordinator') throw new HttpError(403, 'only MIIT puts cases under supervision');
    const code = parseOr400(UnifiedSocialCreditCode, req.params.code, 'enterprise code');
    await handle.signal(superviseCaseSignal, { enterpriseCode: code, by: me.email });
    res.status(202).json({ caseId: caseWorkflowId(req.params.id, req.params.province, code), supervised: true });
  });

  return router;
}
