import type { PrismaClient } from '@prisma/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy, WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { Router } from 'express';
import { z } from 'zod';
import { coordinatesProvince, createsCampaign, provinceOfCampaignId, seesProvince } from '../domain/access';
import { campaignWorkflowId, caseWorkflowId } from '../domain/caseIds';
import { CampaignCalendar, calendar2014, campaignTimeBase, campaignDay, campaignDaysToMs, phaseEnds, type TimeScale } from '../domain/campaignClock';
import { UnifiedSocialCreditCode } from '../domain/tip';
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
  provinces: z
    .array(z.string().trim().min(2).max(20))
    .min(1)
    .max(40)
    .refine((ps) => new Set(ps).size === ps.length, 'a province is listed twice'),
  calendar: CampaignCalendar.optional(),
  /** Campaign days per real second, for demos; absent for the configured clock. */
  daysPerSecond: z.number().positive().max(100_000).optional(),
  /** The enterprises to check (annex 1); by default every enterprise of the provinces on file. */
  enterprises: z.array(UnifiedSocialCreditCode).min(1).max(100_000).optional(),
});

const scaleOf = (daysPerSecond: number | null): TimeScale => (daysPerSecond === null ? { kind: 'realtime' } : { kind: 'scaled', daysPerSecond });

/** Campaigns: one workflow per province, a case per listed enterprise of that province. */
export function campaignRoutes(deps: { prisma: PrismaClient; temporal: Client; taskQueue: string; caseSettings: CaseSettings }): Router {
  const router = Router();

  router.post('/campaigns', async (req, res) => {
    const body = parseOr400(CreateCampaign, req.body, 'campaign');
    const me = principalOf(res);
    const forbidden = body.provinces.filter((p) => !coordinatesProvince(me, p));
    if (forbidden.length) throw new HttpError(403, `you do not coordinate ${forbidden.join(', ')}`);
    const own = provinceOfCampaignId(body.id);
    if (own !== null && body.provinces.some((p) => p !== own)) {
      throw new HttpError(400, `a campaign id beginning ${body.id.slice(0, 3)} is ${own}'s own campaign and covers ${own} alone; national campaign ids do not begin with a province code`);
    }
    const unknown = await unknownProvinces(deps.prisma, body.provinces);
    if (unknown.length) throw new HttpError(400, 'unknown provinces: a province must be on file (import its enterprises first)', unknown);
    const provinceOf = body.enterprises ? await provincesOfEnterprises(deps.prisma, body.enterprises) : new Map<string, string>();
    const missing = (body.enterprises ?? []).filter((c) => !body.provinces.includes(provinceOf.get(c) ?? ''));
    if (missing.length) throw new HttpError(400, 'enterprises not on file in these provinces: import them first', missing);

    const defaultScale = deps.caseSettings.scale;
    const outcome = await recordCampaign(deps.prisma, {
      id: body.id,
      name: body.name,
      calendar: body.calendar ?? calendar2014,
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
    res.status(outcome.created ? 201 : 200).json({
      id: campaign.id,
      name: campaign.name,
      calendar: campaign.calendar,
      daysPerSecond: campaign.daysPerSecond,
      createdBy: campaign.createdBy,
      phaseEnds: phaseEndsOf(campaign),
      provinces,
    });
  });

  const phaseEndsOf = (campaign: StoredCampaign) => phaseEnds(campaign.calendar, campaign.createdAt.getTime(), scaleOf(campaign.daysPerSecond));

  const startProvince = async (campaign: StoredCampaign, part: ProvincePart) => {
    const scale = scaleOf(campaign.daysPerSecond);
    const s = deps.caseSettings;
    const timing = {
      taskDueMs: campaignDaysToMs(s.taskDueDays, scale),
      reminderBeforeMs: campaignDaysToMs(s.reminderBeforeDays, scale),
      graceAfterDueMs: campaignDaysToMs(s.graceDays, scale),
    };
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

  const campaignHandle = (res: Parameters<typeof principalOf>[0], id: string, province: string) => {
    if (!seesProvince(principalOf(res), province)) throw new HttpError(404, 'campaign not found');
    return deps.temporal.workflow.getHandle(campaignWorkflowId(parseOr400(CampaignId, id, 'campaign id'), province));
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

  router.get('/campaigns/:id/provinces/:province', async (req, res) => {
    const handle = campaignHandle(res, req.params.id, req.params.province);
    const progress = await progressOf(handle);
    const [tasks, clocks] = await Promise.all([campaignTaskCounts(deps.prisma, req.params.id, req.params.province, new Date()), campaignClocks(deps.prisma, [progress.campaignId])]);
    const clock = clocks.get(progress.campaignId);
    res.json({ ...progress, events: progress.events.map((e) => ({ ...e, on: campaignDay(clock, e.at) })), tasks });
  });

  router.post('/campaigns/:id/provinces/:province/enterprises', async (req, res) => {
    const me = principalOf(res);
    const handle = campaignHandle(res, req.params.id, req.params.province);
    if (!coordinatesProvince(me, req.params.province)) throw new HttpError(403, 'only coordinators add enterprises to a campaign');
    const { code } = parseOr400(z.object({ code: UnifiedSocialCreditCode }), req.body, 'request body');
    const progress = await progressOf(handle);
    const listed = await enterpriseOfProvince(deps.prisma, code, req.params.province);
    if (!listed) throw new HttpError(404, 'no such enterprise in this province: import it first');
    // A run that ended between the query and the update is whileRunning's 409; the campaign's own
    // refusals (a malformed enterprise, a closed phase) are the update's.
    const result = await whileRunning(progress, () =>
      handle.executeUpdate(addEnterpriseUpdate, { args: [{ ...listed, by: me.email }] }).catch((error: unknown) => {
        throw error instanceof WorkflowNotFoundError ? error : httpErrorOfUpdate(error);
      }),
    );
    res.status(result.added ? 201 : 200).json(result);
  });

  router.post('/campaigns/:id/provinces/:province/cases/:code/supervise', async (req, res) => {
    const me = principalOf(res);
    const handle = campaignHandle(res, req.params.id, req.params.province);
    // 挂牌督办 is MIIT's: its joint inspection groups put serious cases under supervision.
    if (me.role !== 'miitCoordinator') throw new HttpError(403, 'only MIIT puts cases under supervision');
    const code = parseOr400(UnifiedSocialCreditCode, req.params.code, 'enterprise code');
    const caseId = caseWorkflowId(req.params.id, req.params.province, code);
    // Cases are only ever added to a campaign, so one listed now is still listed when the signal lands.
    const progress = await progressOf(handle);
    if (!progress.cases.includes(caseId)) throw new HttpError(404, 'case not found: the enterprise is not in this campaign in this province');
    await whileRunning(progress, () => handle.signal(superviseCaseSignal, { enterpriseCode: code, by: me.email }));
    res.status(202).json({ caseId, supervised: true });
  });

  return router;
}
