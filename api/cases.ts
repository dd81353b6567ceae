import type { PrismaClient } from '@prisma/client';
import type { Client } from '@temporalio/client';
import { Router } from 'express';
import { z } from 'zod';
import { seesProvince, seesTask } from '../domain/access';
import { campaignDay, campaignDueDay } from '../domain/campaignClock';
import { searchAttributes } from '../domain/searchAttributes';
import { campaignClocks } from '../store/campaignClocks';
import { quoteKeyword as quote } from '../platform/webUiLinks';
import { caseViewQuery } from '../workflows/caseMessages';
import { principalOf } from './auth';
import { HttpError, parseOr400 } from './errors';

const CaseQuery = z.object({
  campaignId: z.string().trim().min(1).max(50).optional(),
  province: z.string().trim().min(2).max(20).optional(),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

/** Cases as Temporal sees them, filtered by the same search attributes as in the Web UI. */
export function caseRoutes(deps: { temporal: Client; prisma: PrismaClient }): Router {
  const router = Router();

  router.get('/cases', async (req, res) => {
    const query = parseOr400(CaseQuery, req.query, 'query');
    const me = principalOf(res);
    const province = me.role === 'miitCoordinator' ? query.province : me.province!;
    if (query.province && !seesProvince(me, query.province)) return void res.json({ items: [] });
    const filters = [`WorkflowType = 'enterpriseCaseWorkflow'`, ...(province ? [`Province = ${quote(province)}`] : []), ...(query.campaignId ? [`CampaignId = ${quote(query.campaignId)}`] : [])];
    const items = [];
    for await (const wf of deps.temporal.workflow.list({ query: filters.join(' AND '), pageSize: query.pageSize })) {
      const sa = wf.typedSearchAttributes;
      items.push({
        caseId: wf.workflowId,
        status: wf.status.name,
        enterpriseName: sa.get(searchAttributes.EnterpriseName),
        phase: sa.get(searchAttributes.CasePhase),
        caseStatus: sa.get(searchAttributes.CaseStatus),
        overdueTasks: sa.get(searchAttributes.OverdueTaskCount),
        supervised: sa.get(searchAttributes.Supervised) ?? false,
      });
      if (items.length >= query.pageSize) break;
    }
    res.json({ items });
  });

  router.get('/cases/:caseId', async (req, res) => {
    const caseId = req.params.caseId;
    const province = caseId.split('/')[2];
    if (!caseId.startsWith('case/') || !province || !seesProvince(principalOf(res), province)) throw new HttpError(404, 'case not found');
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
    const clock = (await campaignClocks(deps.prisma, [view.campaignId])).get(view.campaignId);
    res.json({
      caseId,
      ...view,
      tasks: view.tasks
        .filter((t) => !hidden.has(t.key))
        .map((t) => ({ ...t, createdOn: campaignDay(clock, t.createdAt), dueOn: campaignDueDay(clock, t.dueAt), ...(t.completedAt ? { completedOn: campaignDay(clock, t.completedAt) } : {}) })),
      timeline: view.timeline.filter((entry) => entry.taskKey === undefined || !hidden.has(entry.taskKey)).map((entry) => ({ ...entry, on: campaignDay(clock, entry.at) })),
    });
  });

  return router;
}
