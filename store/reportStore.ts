import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrismaClient, Report as ReportRow } from '@prisma/client';
import type { CampaignDataset } from '../domain/campaign';
import type { ReportBoundary, ReportFormat, ReportKind } from '../domain/reportKinds';
import { type BuildOptions, type ProvinceReportData, type RenderedReport, renderReport } from '../reports';
import type { PdfRenderer } from '../platform/libreOffice';
import { stampPdf } from '../reports/pdfStamp';
import { campaignClocks } from './campaignClocks';
import { loadAnnex2Data, loadNationalReportData, loadProvinceReportData } from './reportData';

/** `file` is relative to the report store. */
export type ReportFile = { file: string; bytes: number; sha256: string };

/** Where a report's files are, with what they hold; no PDF when no PDF engine was available. */
export type ReportFiles = Record<Exclude<ReportFormat, 'pdf'>, ReportFile> & { pdf?: ReportFile };

export interface StoredReport {
  id: string;
  campaignId: string;
  /** null for the national roll-up. */
  province: string | null;
  kind: ReportKind;
  title: string;
  boundary: ReportBoundary | null;
  draft: boolean;
  generatedAt: string;
  generatedBy: string;
  openTasks: number;
  files: ReportFiles;
}

export interface ReportRequest {
  campaignId: string;
  /** null: the national roll-up over every province of the campaign. */
  province: string | null;
  kind: ReportKind;
  /** The phase whose end it is due at; absent for a draft made on demand. */
  boundary?: ReportBoundary;
  /** Cases under supervision (挂牌督办): the campaign workflows hold them, not the database. */
  supervised: readonly string[];
  by: string;
  now: Date;
}

export function presentReport(row: ReportRow): StoredReport {
  return {
    id: row.id,
    campaignId: row.campaignId,
    province: row.provinceName,
    kind: row.kind as ReportKind,
    title: row.title,
    boundary: row.boundary as ReportBoundary | null,
    draft: row.draft,
    generatedAt: row.generatedAt.toISOString(),
    generatedBy: row.generatedBy,
    openTasks: row.openTasks,
    files: row.files as ReportFiles,
  };
}

/**
 * A boundary report's id is fixed by what it is, so an activity retried after a crash finds the
 * report it already made. A draft's id carries its time: every draft is kept.
 */
function reportId(request: ReportRequest): string {
  const scope = `${request.campaignId}/${request.province ?? 'national'}`;
  return request.boundary ? `${scope}/${request.boundary}/${request.kind}` : `${scope}/draft/${request.kind}/${request.now.toISOString()}`;
}

function openTasksOf(data: ProvinceReportData): number {
  return data.tasks.filter((t) => t.status === 'open').length;
}

interface ReportDeps {
  prisma: PrismaClient;
  reportsDir: string;
  /** Prints the workbook as PDF; absent (no engine), the report comes without one. */
  pdf?: PdfRenderer;
  /** The whole archive for the rules, when the caller keeps it (the worker); read afresh otherwise. */
  dataset?: () => Promise<CampaignDataset>;
}

async function render(deps: ReportDeps, request: ReportRequest, options: BuildOptions): Promise<{ rendered: RenderedReport; openTasks: number }> {
  const { prisma } = deps;
  const { campaignId, province, kind } = request;
  const dataset = kind === 'annex2' ? undefined : await deps.dataset?.();
  if (kind === 'nationalSummary') {
    const data = await loadNationalReportData(prisma, { campaignId, supervised: request.supervised, dataset });
    return { rendered: await renderReport(kind, data, options), openTasks: data.provinces.reduce((n, p) => n + openTasksOf(p), 0) };
  }
  if (province === null) throw new Error(`${kind} is a provincial report: name the province`);
  if (kind === 'annex2') {
    const [data, tasks] = await Promise.all([loadAnnex2Data(prisma, { campaignId, province }), prisma.caseTask.count({ where: { campaignId, provinceName: province, status: 'open' } })]);
    return { rendered: await renderReport(kind, data, options), openTasks: tasks };
  }
  const data = await loadProvinceReportData(prisma, { campaignId, province, supervised: request.supervised, dataset });
  return { rendered: await renderReport(kind, data, options), openTasks: openTasksOf(data) };
}

/**
 * A report's folder in the store: its campaign's id made safe, then a hash of the report's id.
 * Province names, kinds and times never become path segments, so nothing a client or an import
 * names can climb out of the store, and no two reports share a folder.
 */
function reportFolder(id: string, campaignId: string): string {
  const campaign = campaignId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || '_';
  return path.posix.join(campaign, createHash('sha256').update(id).digest('hex').slice(0, 32));
}

/** The absolute path of a stored file, refused if it would resolve outside the report store. */
export function reportFilePath(reportsDir: string, file: string): string {
  const root = path.resolve(reportsDir);
  const resolved = path.resolve(root, file);
  if (!resolved.startsWith(`${root}${path.sep}`)) throw new Error(`report file ${JSON.stringify(file)} resolves outside the report store ${root}`);
  return resolved;
}

/**
 * The name a download or an attachment carries: campaign, kind, province (or national), and for a
 * draft its time. Characters no file system takes (separators, controls) become _.
 */
export function reportDownloadName(report: Pick<StoredReport, 'campaignId' | 'kind' | 'province' | 'draft' | 'generatedAt'>, format: ReportFormat): string {
  const parts = [report.campaignId, report.kind, report.province ?? 'national', ...(report.draft ? ['draft', report.generatedAt.replace(/[-:]|\.\d+/g, '')] : [])];
  // eslint-disable-next-line no-control-regex
  return `${parts.join('-').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')}.${format}`;
}

/** Written beside its final name and renamed: a reader never sees half a file. */
async function writeAtomically(file: string, content: Buffer | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  await writeFile(partial, content);
  await rename(partial, file);
}

/**
 * Generates a report as of `now`, writes its files (four, and the PDF) to the report store and records it. A
 * boundary report is generated once: asked again (a retried activity), it answers the one on
 * record, so what MIIT was sent and what the API serves stay the same files.
 */
export async function generateReport(deps: ReportDeps, request: ReportRequest): Promise<StoredReport> {
  const id = reportId(request);
  if (request.boundary) {
    const existing = await deps.prisma.report.findUnique({ where: { id } });
    if (existing) return presentReport(existing);
  }
  const generatedAt = request.now.toISOString();
  // On a fast clock the reports are dated in campaign time, not by the wall clock: the clock the
  // campaign's cases run on, as the API dates tasks.
  const clock = (await campaignClocks(deps.prisma, [request.campaignId])).get(request.campaignId);
  const { rendered, openTasks } = await render(deps, request, { generatedAt, draft: request.boundary === undefined, clock });
  const folder = reportFolder(id, request.campaignId);
  const pdf = await deps.pdf?.(rendered.xlsx, id);
  const contents: Partial<Record<ReportFormat, Buffer>> = {
    xlsx: rendered.xlsx,
    csv: Buffer.from(rendered.csv),
    json: Buffer.from(rendered.json),
    html: Buffer.from(rendered.html),
    ...(pdf ? { pdf: stampPdf(pdf, generatedAt) } : {}),
  };
  const files = {} as ReportFiles;
  for (const [format, content] of Object.entries(contents) as [ReportFormat, Buffer][]) {
    // Every kind has its own folder (the id names the kind), so the format alone names the file.
    const file = path.posix.join(folder, `${request.kind}.${format}`);
    await writeAtomically(reportFilePath(deps.reportsDir, file), content);
    files[format] = { file, bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') };
  }
  const row = {
    campaignId: request.campaignId,
    provinceName: request.province,
    kind: request.kind,
    title: rendered.title,
    boundary: request.boundary ?? null,
    draft: request.boundary === undefined,
    generatedAt: request.now,
    generatedBy: request.by,
    openTasks,
    files,
  };
  return presentReport(await deps.prisma.report.upsert({ where: { id }, create: { id, ...row }, update: row }));
}

export interface ReportFilter {
  campaignId?: string;
  /** A province's reports; absent for every one, the national roll-up's included. */
  province?: string;
  kind?: ReportKind;
  draft?: boolean;
  page: number;
  pageSize: number;
}

/** A page of reports, newest first, and how many match in all. */
export async function listReports(prisma: PrismaClient, filter: ReportFilter): Promise<{ total: number; reports: StoredReport[] }> {
  const where = {
    ...(filter.campaignId ? { campaignId: filter.campaignId } : {}),
    ...(filter.province !== undefined ? { provinceName: filter.province } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.draft === undefined ? {} : { draft: filter.draft }),
  };
  const [total, rows] = await Promise.all([
    prisma.report.count({ where }),
    prisma.report.findMany({ where, orderBy: [{ generatedAt: 'desc' }, { id: 'asc' }], skip: (filter.page - 1) * filter.pageSize, take: filter.pageSize }),
  ]);
  return { total, reports: rows.map(presentReport) };
}

export async function reportById(prisma: PrismaClient, id: string): Promise<StoredReport | null> {
  const row = await prisma.report.findUnique({ where: { id } });
  return row && presentReport(row);
}
