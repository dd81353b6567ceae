import type { PrismaClient } from '@prisma/client';
import type { Client } from '@temporalio/client';
import { Router } from 'express';
import { z } from 'zod';
import { coordinatesProvince } from '../domain/access';
import { dayNumber } from '../domain/campaign';
import { campaignDay, campaignDueDay, campaignWeekOf, type CampaignTimeBase } from '../domain/campaignClock';
import { escalationSteps, type EscalationStep } from '../domain/catalogue';
import { CampaignId, campaignWorkflowId } from '../domain/caseIds';
import { CasePhase } from '../domain/enums';
import { ProvinceName } from '../domain/provinces';
import { quoteKeyword as quote } from '../platform/webUiLinks';
import { buildNationalSummary } from '../reports/rollup';
import { buildSummary } from '../reports/summary';
import { campaignClocks } from '../store/campaignClocks';
import { campaignExists } from '../store/campaigns';
import { escalationsOfCampaign, type EscalationCount } from '../store/escalations';
import { loadNationalReportData, loadProvinceReportData } from '../store/reportData';
import { taskProvincesOfCampaign } from '../store/tasks';
import { progressQuery } from '../workflows/campaignMessages';
import { principalOf } from './auth';
import { HttpError, parseOr400 } from './errors';
import { error, type Operation } from './operation';
import { supervisedOf } from './campaignWork';

const DashboardQuery = z.object({
  campaign: CampaignId,
  province: ProvinceName.optional().meta({ description: "a province's figures; without it, MIIT gets the national roll-up's and a provincial coordinator their province's" }),
});

const Dashboard = z.object({
  campaignId: z.string(),
  province: z.string().nullable().meta({ description: 'null for the national figures' }),
  generatedAt: z.iso.datetime(),
  /** The summary report's own figures (reports/summary.ts), computed by the same code from the same data. */
  figures: z.record(z.string(), z.unknown()).meta({ description: "the summary report's figures (SummaryFigures): enterprises, violations, measures, amounts in fen and kg, enforcement, tasks by agency" }),
  casesByPhase: z.partialRecord(CasePhase, z.number().int()),
  escalationsByWeek: z
    .array(z.object({ weekFrom: z.iso.date(), steps: z.partialRecord(z.enum(Object.keys(escalationSteps) as [EscalationStep, ...EscalationStep[]]), z.number().int()) }))
    .meta({ description: "the escalation steps the case tasks took, by campaign week (weeks counted from the campaign's first day); weeks with none are left out" }),
  phases: z.array(
    z.object({
      province: z.string(),
      phase: CasePhase,
      endsOn: z.string().nullable().meta({ description: 'the campaign date the phase ends on; null once closed' }),
      daysLeft: z.number().int().nullable().meta({ description: 'campaign days after today until the phase ends' }),
    }),
  ),
});

export const dashboardOperations = {
  get: {
    method: 'get',
    path: '/dashboard',
    tag: 'reports',
    summary: "Progress of a campaign (coordinators): the summary report's figures as of now, cases by phase, and the days left in each province's phase",
    query: DashboardQuery,
    responses: { 200: { description: 'the figures', schema: Dashboard }, 403: error('not a coordinator'), 404: error('no such campaign') },
  },
} satisfies Record<string, Operation>;

/** Escalations by the campaign week they were taken in, in campaign order. */
function byCampaignWeek(clock: CampaignTimeBase, counts: readonly EscalationCount[]) {
  const weeks = new Map<string, Partial<Record<EscalationStep, number>>>();
  for (const { step, at, count } of counts) {
    const week = campaignWeekOf(clock, campaignDay(clock, at));
    const steps = weeks.get(week) ?? {};
    steps[step] = (steps[step] ?? 0) + count;
    weeks.set(week, steps);
  }
  return [...weeks].sort(([a], [b]) => a.localeCompare(b)).map(([weekFrom, steps]) => ({ weekFrom, steps }));
}

/**
 * The coordinators' progress page reads the figures of a summary report drafted this instant:
 * the same loaders and the same builder as the report store, so the page and the report agree.
 */
export function dashboardRoutes(deps: { prisma: PrismaClient; temporal: Client; taskQueue: string }): Router {
  const router = Router();

  router.get(dashboardOperations.get.path, async (req, res) => {
    const me = principalOf(res);
    if (me.role !== 'miitCoordinator' && me.role !== 'provincialCoordinator') throw new HttpError(403, 'the progress dashboard is for provincial coordinators and MIIT');
    const query = parseOr400(DashboardQuery, req.query, 'query');
    // A province names no object to hide: another province's figures are refused outright, as reports are.
    const province = query.province ?? (me.role === 'miitCoordinator' ? null : me.province!);
    if (province !== null && !coordinatesProvince(me, province)) throw new HttpError(403, 'not a coordinator of this province');
    if (!(await campaignExists(deps.prisma, query.campaign))) throw new HttpError(404, 'campaign not found');
    const campaignId = query.campaign;
    const generatedAt = new Date().toISOString();
    const clock = (await campaignClocks(deps.prisma, [campaignId])).get(campaignId)!;
    const options = { generatedAt, draft: true, clock };
    const provinces = province === null ? await taskProvincesOfCampaign(deps.prisma, campaignId) : [province];
    const supervised = (await Promise.all(provinces.map((p) => supervisedOf(deps.temporal, campaignId, p)))).flat();
    const figures =
      province === null
        ? buildNationalSummary(await loadNationalReportData(deps.prisma, { campaignId, supervised }), options).totals
        : buildSummary(await loadProvinceReportData(deps.prisma, { campaignId, province, supervised }), options).figures;

    const scope = [`WorkflowType = 'enterpriseCaseWorkflow'`, `TaskQueue = ${quote(deps.taskQueue)}`, `CampaignId = ${quote(campaignId)}`, ...(province ? [`Province = ${quote(province)}`] : [])];
    const casesByPhase = Object.fromEntries(
      await Promise.all(CasePhase.options.map(async (phase) => [phase, (await deps.temporal.workflow.count([...scope, `CasePhase = ${quote(phase)}`].join(' AND '))).count] as const)),
    );
    const today = dayNumber(campaignDay(clock, generatedAt));
    const phases = await Promise.all(
      provinces.sort().map(async (p) => {
        const progress = await deps.temporal.workflow
          .getHandle(campaignWorkflowId(campaignId, p))
          .query(progressQuery)
          .catch(() => undefined);
        if (!progress) return undefined;
        const endsOn = progress.phase === 'closed' ? null : campaignDueDay(clock, progress.phaseEnds[progress.phase]);
        return { province: p, phase: progress.phase, endsOn, daysLeft: endsOn === null ? null : Math.max(0, dayNumber(endsOn) - today) };
      }),
    );
    res.json({
      campaignId,
      province,
      generatedAt,
      figures: figures as unknown as Record<string, unknown>,
      casesByPhase,
      escalationsByWeek: byCampaignWeek(clock, await escalationsOfCampaign(deps.prisma, campaignId, province)),
      phases: phases.filter((p) => p !== undefined),
    } satisfies z.input<typeof Dashboard>);
  });

  return router;
}
