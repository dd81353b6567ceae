import type { PrismaClient } from '@prisma/client';
import type { Client } from '@temporalio/client';
import { type Response, Router } from 'express';
import { z } from 'zod';
import { coordinatesProvince, listedProvince, seesProvince, seesTask } from '../domain/access';
import { CampaignId } from '../domain/caseIds';
import { AgencyKind, CasePhase, EnterpriseType } from '../domain/enums';
import { ProvinceName } from '../domain/provinces';
import { campaignDay, campaignDueDay } from '../domain/campaignClock';
import { searchAttributes } from '../workflows/searchAttributes';
import { campaignClocks } from '../store/campaignClocks';
import { exportTraceOf } from '../store/exportTraces';
import { traceSvg } from '../domain/trace';
import { quoteKeyword as quote, workflowUrl } from '../platform/webUiLinks';
import { dispositionsOfCase, openTaskCountsOfCases } from '../store/tasks';
import { listReports } from '../store/reportStore';
import { ViolationCode } from '../domain/catalogue';
import { TimelineDetail } from '../domain/case/timeline';
import { identifier } from '../domain/text';
import { caseViewQuery } from '../workflows/caseMessages';
import { principalOf } from './auth';
import { outOfScopeIfExists } from './temporalErrors';
import { HttpError, parseOr400 } from './errors';
import { QueryBoolean, error, type Operation } from './operation';

const CaseIdPath = z.string().min(1).max(300).meta({ description: 'case/<campaign>/<province>/<credit code>, URL-encoded', example: 'case/rare-earth-2014/江西省/91360700MA35XXXX1A' });

const CaseQuery = z.object({
  campaignId: CampaignId.optional(),
  province: ProvinceName.optional().meta({ description: 'MIIT only: everyone else sees their own province' }),
  phase: CasePhase.optional(),
  caseStatus: z.enum(['open', 'closed', 'overdue']).optional(),
  supervised: QueryBoolean.optional(),
  violation: ViolationCode.optional().meta({ description: 'cases with this violation found' }),
  enterpriseType: EnterpriseType.optional(),
  overdue: QueryBoolean.optional().meta({ description: 'cases with an overdue task (true) or none (false)' }),
  q: identifier(100).optional().meta({ description: "the start of the enterprise's name" }),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

const CaseSummary = z.object({
  caseId: z.string(),
  status: z.string(),
  enterpriseName: z.string().optional(),
  phase: z.string().optional(),
  caseStatus: z.string().optional(),
  overdueTasks: z.number().int().optional(),
  /** From PostgreSQL's task table, as the inbox counts them. */
  openTaskCount: z.number().int(),
  overdueTaskCount: z.number().int(),
  enterpriseTypes: z.array(z.string()),
  violations: z.array(z.string()),
  supervised: z.boolean(),
  /** The case's workflow in the Temporal Web UI, when the API knows where that is. */
  webUiUrl: z.string().optional(),
});

const CaseTaskView = z.object({
  key: z.string(),
  kind: z.string(),
  agencyKind: AgencyKind,
  phase: CasePhase,
  title: z.string(),
  dueAt: z.string(),
  status: z.enum(['open', 'completed', 'cancelled']),
  /** Campaign days (China Standard Time) of a campaign on a fast clock. */
  createdOn: z.string(),
  dueOn: z.string(),
  completedOn: z.string().optional(),
  overdue: z.boolean(),
  /** The escalation steps already taken (reminder, agency head, discipline inspection). */
  escalations: z.array(z.string()),
});

const CaseView = z.object({
  caseId: z.string(),
  campaignId: z.string(),
  province: z.string(),
  enterprise: z.object({ code: z.string(), name: z.string() }),
  phase: CasePhase,
  status: z.enum(['open', 'closed', 'overdue']),
  supervised: z.boolean(),
  ruleFindings: z.array(z.unknown()),
  tasks: z.array(CaseTaskView),
  timeline: z.array(z.object({ at: z.string(), on: z.string(), kind: z.string(), actor: z.string(), summary: z.string(), taskKey: z.string().optional(), detail: TimelineDetail.optional() })),
  /** The handling plan's measures and where each stands (CaseDisposition). */
  dispositions: z.array(
    z.object({
      id: z.string(),
      disposition: z.string(),
      agencyKind: AgencyKind,
      dueDate: z.string(),
      status: z.string(),
      unfinishedReason: z.string().nullable(),
      newCompletionDate: z.string().nullable(),
    }),
  ),
  /** The reports of the case's campaign and province, newest first: every provincial report lists the campaign's enterprises. Coordinators only; empty for others. */
  reports: z.array(z.object({ id: z.string(), kind: z.string(), title: z.string(), draft: z.boolean(), generatedAt: z.string() })),
});

export const caseOperations = {
  list: {
    method: 'get',
    path: '/cases',
    tag: 'cases',
    summary: 'Cases in your scope, from Temporal visibility, filtered by the same search attributes as in the Web UI, with their open and overdue task counts',
    query: CaseQuery,
    responses: { 200: { description: 'the cases', schema: z.object({ items: z.array(CaseSummary) }) } },
  },
  get: {
    method: 'get',
    path: '/cases/:caseId',
    tag: 'cases',
    summary: "A case's tasks and timeline (of the tasks, staff see their own agency's)",
    params: z.object({ caseId: CaseIdPath }),
    responses: { 200: { description: 'the case', schema: CaseView }, 404: error('no such case in your scope') },
  },
  trace: {
    method: 'get',
    path: '/cases/:caseId/trace',
    tag: 'cases',
    summary: "An exporter's trace to the mine (一.(四)): links with the tonnes each accounts for and its untraced remainder, edges with tonnes, months and invoice numbers, each mine's legality; `format=svg` draws it",
    params: z.object({ caseId: CaseIdPath }),
    query: z.object({ format: z.enum(['json', 'svg']).default('json') }),
    responses: {
      200: { description: 'the trace as JSON, or as an SVG picture', mediaTypes: ['application/json', 'image/svg+xml'] },
      404: error('no such case in your scope, or no trace of it (not an exporter, or not traced yet)'),
    },
  },
} satisfies Record<string, Operation>;

/** Cases as Temporal sees them, filtered by the same search attributes as in the Web UI. */
export function caseRoutes(deps: { temporal: Client; taskQueue: string; namespace: string; temporalUiUrl?: string; prisma: PrismaClient }): Router {
  const router = Router();

  router.get(caseOperations.list.path, async (req, res) => {
    const query = parseOr400(CaseQuery, req.query, 'query');
    const me = principalOf(res);
    const province = listedProvince(me, query.province);
    if (province === null || (query.province && !seesProvince(me, query.province))) return void res.json({ items: [] });
    // This deployment's cases: another's on the same namespace have no worker of ours to answer for them.
    const filters = [
      `WorkflowType = 'enterpriseCaseWorkflow'`,
      `TaskQueue = ${quote(deps.taskQueue)}`,
      ...(province ? [`Province = ${quote(province)}`] : []),
      ...(query.campaignId ? [`CampaignId = ${quote(query.campaignId)}`] : []),
      ...(query.phase ? [`CasePhase = ${quote(query.phase)}`] : []),
      ...(query.caseStatus ? [`CaseStatus = ${quote(query.caseStatus)}`] : []),
      ...(query.supervised !== undefined ? [`Supervised = ${query.supervised}`] : []),
      ...(query.violation ? [`Violations = ${quote(query.violation)}`] : []),
      ...(query.enterpriseType ? [`EnterpriseTypes = ${quote(query.enterpriseType)}`] : []),
      ...(query.overdue === true ? ['OverdueTaskCount > 0'] : query.overdue === false ? ['OverdueTaskCount = 0'] : []),
      ...(query.q ? [`EnterpriseName STARTS_WITH ${quote(query.q)}`] : []),
    ];
    const items: Omit<z.input<typeof CaseSummary>, 'openTaskCount' | 'overdueTaskCount'>[] = [];
    for await (const wf of deps.temporal.workflow.list({ query: filters.join(' AND '), pageSize: query.pageSize })) {
      const sa = wf.typedSearchAttributes;
      items.push({
        caseId: wf.workflowId,
        status: wf.status.name,
        enterpriseName: sa.get(searchAttributes.EnterpriseName),
        phase: sa.get(searchAttributes.CasePhase),
        caseStatus: sa.get(searchAttributes.CaseStatus),
        overdueTasks: sa.get(searchAttributes.OverdueTaskCount),
        enterpriseTypes: sa.get(searchAttributes.EnterpriseTypes) ?? [],
        violations: sa.get(searchAttributes.Violations) ?? [],
        supervised: sa.get(searchAttributes.Supervised) ?? false,
        ...(deps.temporalUiUrl ? { webUiUrl: workflowUrl(deps.temporalUiUrl, deps.namespace, wf.workflowId) } : {}),
      });
      if (items.length >= query.pageSize) break;
    }
    const counts = await openTaskCountsOfCases(deps.prisma, items.map((c) => c.caseId), new Date());
    res.json({ items: items.map((c) => ({ ...c, openTaskCount: counts.get(c.caseId)?.open ?? 0, overdueTaskCount: counts.get(c.caseId)?.overdue ?? 0 }) satisfies z.input<typeof CaseSummary>) });
  });

  /** The case's province, or a 404 as if it did not exist when it lies outside the caller's scope. */
  const scopedCase = async (caseId: string, res: Response): Promise<string> => {
    const province = caseId.split('/')[2];
    if (!caseId.startsWith('case/') || !province) throw new HttpError(404, 'case not found');
    if (!seesProvince(principalOf(res), province)) throw await outOfScopeIfExists(deps.temporal.workflow.getHandle(caseId), 'case not found');
    return province;
  };

  router.get(caseOperations.trace.path, async (req, res) => {
    const { caseId } = parseOr400(caseOperations.trace.params, req.params, 'path');
    const { format } = parseOr400(caseOperations.trace.query, req.query, 'query');
    await scopedCase(caseId, res);
    const stored = await exportTraceOf(deps.prisma, caseId);
    if (!stored) throw new HttpError(404, 'no trace of this case: not an exporter, or not traced yet');
    if (format === 'svg') return void res.type('image/svg+xml').send(traceSvg(stored.trace));
    res.json({ caseId, computedAt: stored.computedAt.toISOString(), ...stored.trace });
  });

  router.get(caseOperations.get.path, async (req, res) => {
    const { caseId } = parseOr400(caseOperations.get.params, req.params, 'path');
    const province = await scopedCase(caseId, res);
    const view = await deps.temporal.workflow
      .getHandle(caseId)
      .query(caseViewQuery)
      .catch(() => {
        throw new HttpError(404, 'case not found');
      });
    // Staff see the case, but of its tasks only those of their own agency, as GET /tasks/:key does.
    const me = principalOf(res);
    const hidden = new Set(view.tasks.filter((t) => !seesTask(me, { agencyKind: t.agencyKind, province })).map((t) => t.key));
    // Beside every instant, the campaign date it falls on (China Standard Time, campaign time).
    const [clocks, dispositions, reports] = await Promise.all([
      campaignClocks(deps.prisma, [view.campaignId]),
      dispositionsOfCase(deps.prisma, caseId),
      coordinatesProvince(me, province) ? listReports(deps.prisma, { campaignId: view.campaignId, province, page: 1, pageSize: 50 }) : undefined,
    ]);
    const clock = clocks.get(view.campaignId);
    res.json({
      caseId,
      ...view,
      tasks: view.tasks
        .filter((t) => !hidden.has(t.key))
        .map((t) => ({ ...t, createdOn: campaignDay(clock, t.createdAt), dueOn: campaignDueDay(clock, t.dueAt), ...(t.completedAt ? { completedOn: campaignDay(clock, t.completedAt) } : {}) })),
      timeline: view.timeline.filter((entry) => entry.taskKey === undefined || !hidden.has(entry.taskKey)).map((entry) => ({ ...entry, on: campaignDay(clock, entry.at) })),
      dispositions: dispositions.filter((d) => seesTask(me, { agencyKind: d.agencyKind, province })),
      reports: (reports?.reports ?? []).map((r) => ({ id: r.id, kind: r.kind, title: r.title, draft: r.draft, generatedAt: r.generatedAt })),
    } satisfies z.input<typeof CaseView>);
  });

  return router;
}
