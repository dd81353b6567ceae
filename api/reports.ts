import type { PrismaClient } from '@prisma/client';
import type { Client } from '@temporalio/client';
import { Router, type Response } from 'express';
import { z } from 'zod';
import { type Principal, coordinatesProvince } from '../domain/access';
import { CampaignId } from '../domain/caseIds';
import { CasePhase } from '../domain/enums';
import { ProvinceName } from '../domain/provinces';
import { ReportFormat, ReportKind } from '../domain/reportKinds';
import { identifier } from '../domain/text';
import type { PdfRenderer } from '../platform/libreOffice';
import { campaignExists, unknownProvinces } from '../store/campaigns';
import { generateReport, listReports, reportById, reportDownloadName, reportFilePath } from '../store/reportStore';
import { taskProvincesOfCampaign } from '../store/tasks';
import type { AuditNote } from './auditNote';
import { principalOf } from './auth';
import { supervisedOf } from './campaignWork';
import { HttpError, OutOfScopeError, parseOr400 } from './errors';
import { XLSX_TYPE } from './imports';
import { QueryBoolean, error, type Operation } from './operation';
import { PageQuery, Paged, paged } from './pagination';

const ListQuery = PageQuery.extend({
  campaign: CampaignId.optional(),
  province: ProvinceName.optional(),
  kind: ReportKind.optional(),
  draft: QueryBoolean.optional(),
});

const ProvincialDraft = z.object({ kind: ReportKind.exclude(['nationalSummary'], { error: 'must be one of annex2, annex3, handlingPlans, annex4, summary' }) });
const NationalDraft = z.object({ kind: z.literal('nationalSummary') });

const ReportFile = z.object({ file: z.string(), bytes: z.number().int(), sha256: z.string() });
const Report = z.object({
  id: z.string(),
  campaignId: z.string(),
  province: z.string().nullable().meta({ description: 'null for the national roll-up' }),
  kind: ReportKind,
  title: z.string(),
  boundary: CasePhase.exclude(['closed']).nullable().meta({ description: 'the phase whose end it reports; null for a draft' }),
  draft: z.boolean(),
  generatedAt: z.iso.datetime(),
  generatedBy: z.string(),
  openTasks: z.number().int(),
  files: z.object({ xlsx: ReportFile, csv: ReportFile, json: ReportFile, html: ReportFile }),
});

const IdPath = z.object({ id: identifier(300).meta({ description: 'report ids contain /: URL-encode them' }) });
const CampaignPath = z.object({ id: CampaignId });
const notFound = error('no such report, or not yours');
const noCampaign = error('no such campaign');

export const reportOperations = {
  list: {
    method: 'get',
    path: '/reports',
    tag: 'reports',
    summary: 'Reports to MIIT, newest first (provincial coordinators: their province; MIIT: all, and the national roll-up)',
    query: ListQuery,
    responses: { 200: { description: 'a page of reports', schema: Paged(Report) }, 403: error('not a coordinator') },
  },
  get: {
    method: 'get',
    path: '/reports/:id',
    tag: 'reports',
    summary: 'One report',
    params: IdPath,
    responses: { 200: { description: 'the report', schema: Report }, 404: notFound },
  },
  download: {
    method: 'get',
    path: '/reports/:id/:format',
    tag: 'reports',
    summary: 'Download a report: XLSX in the official layout, CSV, JSON, a printable HTML page, or the PDF printed from the workbook',
    params: IdPath.extend({ format: ReportFormat }),
    responses: {
      200: { description: 'the file', mediaTypes: [XLSX_TYPE, 'text/csv', 'application/json', 'text/html', 'application/pdf'] },
      404: error('no such report in your scope, or no PDF of it: no PDF engine (LibreOffice) was available when it was generated'),
    },
  },
  draftProvincial: {
    method: 'post',
    path: '/campaigns/:id/provinces/:province/reports',
    tag: 'reports',
    summary: "Draft a provincial report now, from the current state (the province's coordinator, or MIIT); kept beside the boundary reports",
    params: CampaignPath.extend({ province: ProvinceName }),
    body: { schema: ProvincialDraft, example: { kind: 'annex3' } },
    responses: { 201: { description: 'the draft', schema: Report }, 403: error('not a coordinator of this province'), 404: noCampaign },
  },
  draftNational: {
    method: 'post',
    path: '/campaigns/:id/reports',
    tag: 'reports',
    summary: 'Draft the national roll-up over every province of the campaign (MIIT)',
    params: CampaignPath,
    body: { schema: NationalDraft, example: { kind: 'nationalSummary' } },
    responses: { 201: { description: 'the draft', schema: Report }, 403: error('not MIIT'), 404: noCampaign },
  },
} satisfies Record<string, Operation>;

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

  router.get(reportOperations.list.path, async (req, res) => {
    const me = principalOf(res);
    requireReportRole(me);
    const query = parseOr400(ListQuery, req.query, 'query');
    if (query.province !== undefined && !seesReport(me, query.province)) return void res.json(paged([], query, 0));
    const { total, reports } = await listReports(deps.prisma, {
      campaignId: query.campaign,
      province: me.role === 'miitCoordinator' ? query.province : me.province!,
      kind: query.kind,
      draft: query.draft,
      page: query.page,
      pageSize: query.pageSize,
    });
    res.json(paged(reports, query, total));
  });

  const visibleReport = async (res: Response, params: unknown) => {
    const { id } = parseOr400(IdPath, params, 'path');
    const report = await reportById(deps.prisma, id);
    if (!report) throw new HttpError(404, 'report not found');
    if (!seesReport(principalOf(res), report.province)) throw new OutOfScopeError('report not found');
    return report;
  };

  router.get(reportOperations.get.path, async (req, res) => {
    res.json(await visibleReport(res, req.params));
  });

  router.get(reportOperations.download.path, async (req, res) => {
    const { format } = parseOr400(reportOperations.download.params, req.params, 'path');
    const report = await visibleReport(res, req.params);
    const file = report.files[format];
    if (!file) throw new HttpError(404, 'this report has no PDF: no PDF engine (LibreOffice) was available when it was generated');
    res.type(contentTypes[format]);
    // Downloads carry the report's name; HTML opens in the browser for printing.
    if (format !== 'html') res.attachment(reportDownloadName(report, format));
    // The path is checked to be inside the store; the store itself may sit under a dot folder (~/.local/…).
    res.sendFile(reportFilePath(deps.reportsDir, file.file), { dotfiles: 'allow' });
  });

  const requireCampaign = async (id: string) => {
    if (!(await campaignExists(deps.prisma, id))) throw new HttpError(404, 'campaign not found');
  };

  router.post(reportOperations.draftProvincial.path, async (req, res) => {
    const me = principalOf(res);
    const { id, province } = parseOr400(reportOperations.draftProvincial.params, req.params, 'path');
    if (!coordinatesProvince(me, province)) {
      if (me.province === province) throw new HttpError(403, 'reports are drafted by coordinators');
      throw new HttpError(404, 'campaign not found');
    }
    const { kind } = parseOr400(ProvincialDraft, req.body, 'request body');
    await requireCampaign(id);
    // The province names a folder nowhere (the store hashes ids), but a name not on file is no province.
    if ((await unknownProvinces(deps.prisma, [province])).length > 0) throw new HttpError(404, 'province not found');
    const report = await generateReport(deps, { campaignId: id, province, kind, supervised: await supervisedOf(deps.temporal, id, province), by: me.email, now: new Date() });
    res.locals.audit = { action: 'reports.draftProvincial', objectType: 'report', objectId: report.id, province, after: { campaignId: id, kind } } satisfies AuditNote;
    res.status(201).json(report);
  });

  router.post(reportOperations.draftNational.path, async (req, res) => {
    const me = principalOf(res);
    const { id } = parseOr400(CampaignPath, req.params, 'path');
    if (me.role !== 'miitCoordinator') throw new HttpError(403, 'the national roll-up is drafted by MIIT');
    const { kind } = parseOr400(NationalDraft, req.body, 'request body');
    await requireCampaign(id);
    const provinces = await taskProvincesOfCampaign(deps.prisma, id);
    const supervised = await Promise.all(provinces.map((p) => supervisedOf(deps.temporal, id, p)));
    const report = await generateReport(deps, { campaignId: id, province: null, kind, supervised: supervised.flat(), by: me.email, now: new Date() });
    res.locals.audit = { action: 'reports.draftNational', objectType: 'report', objectId: report.id, province: null, after: { campaignId: id, kind } } satisfies AuditNote;
    res.status(201).json(report);
  });

  return router;
}
