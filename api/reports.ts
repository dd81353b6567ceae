import type { PrismaClient, Prisma } from '@prisma/client';
import type { Client } from '@temporalio/client';
import { Router, type Response } from 'express';
import { z } from 'zod';
import { type Principal, coordinatesProvince } from '../domain/access';
import { campaignWorkflowId } from '../domain/caseIds';
import type { PhaseEnds } from '../domain/campaignClock';
import { ReportFormat, ReportKind } from '../domain/reportKinds';
import type { PdfRenderer } from '../platform/libreOffice';
import { generateReport, presentReport, reportDownloadName, reportFilePath } from '../store/reportStore';
import { progressQuery } from '../workflows/campaignMessages';
import { principalOf } from './auth';
import { HttpError, parseOr400 } from './errors';
import { XLSX_TYPE } from './imports';
import { PageQuery, paged } from './pagination';

const ListQuery = PageQuery.extend({
  campaign: z.string().trim().min(1).max(64).optional(),
  province: z.string().trim().min(1).optional(),
  kind: ReportKind.optional(),
  draft: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

const DraftBody = z.object({ kind: ReportKind });

const contentTypes: Record<ReportFormat, string> = {
  xlsx: XLSX_TYPE,
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

/**
 * Reports go to MIIT: a provincial coordinator sees and drafts those of the province, MIIT every
 * one, and the national roll-up is MIIT's alone.
 */
function seesReport(me: Principal, province: string | null): boolean {
  return province === null ? me.role === 'miitCoordinator' : coordinatesProvince(me, province);
}

/** The phase reports: listed and served from the report store; drafts made on demand. */
export function reportRoutes(deps: { prisma: PrismaClient; temporal: Client; reportsDir: string; pdf?: PdfRenderer }): Router {
  const router = Router();

  const requireReportRole = (me: Principal) => {
    if (me.role !== 'miitCoordinator' && me.role !== 'provincialCoordinator') throw new HttpError(403, 'reports are for provincial coordinators and MIIT');
  };

  router.get('/reports', async (req, res) => {
    const me = principalOf(res);
    requireReportRole(me);
    const query = parseOr400(ListQuery, req.query, 'query');
    if (query.province !== undefined && !seesReport(me, query.province)) return void res.json(paged([], query, 0));
    const where: Prisma.ReportWhereInput = {
      ...(query.campaign ? { campaignId: query.campaign } : {}),
      ...(me.role === 'miitCoordinator' ? (query.province ? { provinceName: query.province } : {}) : { provinceName: me.province }),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.draft === undefined ? {} : { draft: query.draft }),
    };
    const [total, rows] = await Promise.all([
      deps.prisma.report.count({ where }),
      deps.prisma.report.findMany({ where, orderBy: [{ generatedAt: 'desc' }, { id: 'asc' }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
    ]);
    res.json(paged(rows.map(presentReport), query, total));
  });

  const visibleReport = async (res: Response, id: string) => {
    const row = await deps.prisma.report.findUnique({ where: { id } });
    if (!row || !seesReport(principalOf(res), row.provinceName)) throw new HttpError(404, 'report not found');
    return presentReport(row);
  };

  router.get('/reports/:id', async (req, res) => {
    res.json(await visibleReport(res, req.params.id));
  });

  router.get('/reports/:id/:format', async (req, res) => {
    const report = await visibleReport(res, req.params.id);
    const format = parseOr400(ReportFormat, req.params.format, 'format');
    const file = report.files[format];
    if (!file) throw new HttpError(404, 'this report has no PDF: no PDF engine (LibreOffice) was available when it was generated');
    res.type(contentTypes[format]);
    // Downloads carry the report's name; HTML opens in the browser for printing.
    if (format !== 'html') res.attachment(reportDownloadName(report, format));
    // The path is checked to be inside the store; the store itself may sit under a dot folder (~/.local/…).
    res.sendFile(reportFilePath(deps.reportsDir, file.file), { dotfiles: 'allow' });
  });

  /**
   * The campaign workflow holds the supervised cases and the phase ends that set the campaign's
   * clock; a campaign whose workflow cannot answer has none to add and runs on the wall clock.
   */
  const workflowStateOf = async (campaignId: string, province: string): Promise<{ supervised: string[]; phaseEnds?: PhaseEnds }> => {
    try {
      const { supervised, phaseEnds } = await deps.temporal.workflow.getHandle(campaignWorkflowId(campaignId, province)).query(progressQuery);
      return { supervised, phaseEnds };
    } catch {
      return { supervised: [] };
    }
  };

  const campaignExists = async (id: string) => {
    if (!(await deps.prisma.campaign.findUnique({ where: { id }, select: { id: true } }))) throw new HttpError(404, 'campaign not found');
  };

  router.post('/campaigns/:id/provinces/:province/reports', async (req, res) => {
    const me = principalOf(res);
    const { id, province } = req.params;
    if (!coordinatesProvince(me, province)) {
      if (me.province === province) throw new HttpError(403, 'reports are drafted by coordinators');
      throw new HttpError(404, 'campaign not found');
    }
    const { kind } = parseOr400(DraftBody, req.body, 'request body');
    if (kind === 'nationalSummary') throw new HttpError(400, 'the national roll-up is drafted at POST /campaigns/:id/reports');
    await campaignExists(id);
    // The province names a folder nowhere (the store hashes ids), but a name not on file is no province.
    if (!(await deps.prisma.province.findUnique({ where: { name: province }, select: { name: true } }))) throw new HttpError(404, 'province not found');
    const report = await generateReport(deps, { campaignId: id, province, kind, ...(await workflowStateOf(id, province)), by: me.email, now: new Date() });
    res.status(201).json(report);
  });

  router.post('/campaigns/:id/reports', async (req, res) => {
    const me = principalOf(res);
    if (me.role !== 'miitCoordinator') throw new HttpError(403, 'the national roll-up is drafted by MIIT');
    const { kind } = parseOr400(DraftBody, req.body, 'request body');
    if (kind !== 'nationalSummary') throw new HttpError(400, 'a provincial report is drafted at POST /campaigns/:id/provinces/:province/reports');
    await campaignExists(req.params.id);
    const provinces = await deps.prisma.caseTask.findMany({ where: { campaignId: req.params.id }, distinct: ['provinceName'], select: { provinceName: true } });
    const states = await Promise.all(provinces.map((p) => workflowStateOf(req.params.id, p.provinceName)));
    // Every province of a campaign starts together, on one clock.
    const phaseEnds = states.find((s) => s.phaseEnds)?.phaseEnds;
    const report = await generateReport(deps, { campaignId: req.params.id, province: null, kind, supervised: states.flatMap((s) => s.supervised), phaseEnds, by: me.email, now: new Date() });
    res.status(201).json(report);
  });

  return router;
}
