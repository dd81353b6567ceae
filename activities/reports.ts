import { heartbeat } from '@temporalio/activity';
import type { PrismaClient } from '@prisma/client';
import type { PhaseEnds } from '../domain/campaignClock';
import { phaseLabels } from '../domain/labels';
import { type ReportBoundary, reportsDueAt } from '../domain/reportKinds';
import type { DatasetCache } from '../store/datasetCache';
import type { PdfRenderer } from '../platform/libreOffice';
import { type StoredReport, generateReport, reportDownloadName } from '../store/reportStore';
import type { EmailToSend } from './email';

export interface PhaseReportsRequest {
  campaignId: string;
  province: string;
  boundary: ReportBoundary;
  supervised: string[];
  /**
   * Sent by the campaign workflow (its recorded histories carry it) and not read: the reports are
   * dated by the campaign's clock, read with its row.
   */
  phaseEnds?: PhaseEnds;
}

export interface PhaseReportsSubmission {
  reports: Pick<StoredReport, 'id' | 'kind' | 'title' | 'openTasks'>[];
  /** The submission to MIIT, for the outbox: one per province and boundary. */
  email: EmailToSend;
}

/** Well inside the workflow's heartbeat timeout (2 minutes). */
const HEARTBEAT_EVERY_MS = 20_000;

function submissionEmail(request: PhaseReportsRequest, reports: StoredReport[], to: string): EmailToSend {
  const phase = phaseLabels[request.boundary];
  const lines = reports.map((r) => {
    const open = r.openTasks > 0 ? `（尚有${r.openTasks}项任务未办结，见报告 ${r.openTasks} task(s) still open, listed in the report）` : '';
    const noPdf = r.files.pdf ? '' : '\n  （PDF 未能生成 no PDF: the PDF engine was unavailable）';
    return `- ${r.title}${open}\n  GET /reports/${encodeURIComponent(r.id)}/xlsx${noPdf}`;
  });
  return {
    key: `report/${request.campaignId}/${request.province}/${request.boundary}`,
    to: [to],
    subject: `【报送】${request.province}${phase.zh}报告 Reports at the end of ${phase.en.toLowerCase()}: ${request.province}`,
    body: [
      `${request.province}${phase.zh}结束，按专项行动方案报送以下材料（附件为 Excel 和 PDF 格式；CSV、JSON、HTML 格式可从系统下载）：`,
      `${request.province}: the reports due at the end of ${phase.en.toLowerCase()} are attached (XLSX and PDF; CSV, JSON and HTML from the API).`,
      '',
      ...lines,
    ].join('\n'),
    attachments: reports.flatMap((r) =>
      (['xlsx', 'pdf'] as const).flatMap((format) => {
        const file = r.files[format];
        return file ? [{ filename: reportDownloadName(r, format), file: file.file }] : [];
      }),
    ),
  };
}

export function reportActivities(deps: { prisma: PrismaClient; reportsDir: string; miitReportEmail: string; datasets: DatasetCache; pdf?: PdfRenderer }) {
  return {
    /**
     * The reports due at the end of a phase, generated once and stored; returns them with the
     * email that submits them, which the workflow sends through the outbox.
     */
    async generatePhaseReports(request: PhaseReportsRequest): Promise<PhaseReportsSubmission> {
      const now = new Date();
      const reports: StoredReport[] = [];
      for (const kind of reportsDueAt[request.boundary]) {
        // A report waits for LibreOffice behind every other province's at a boundary: keep saying so.
        heartbeat(kind);
        const beating = setInterval(() => heartbeat(kind), HEARTBEAT_EVERY_MS);
        try {
          reports.push(await generateReport({ ...deps, dataset: deps.datasets.get }, { ...request, kind, by: 'campaign', now }));
        } finally {
          clearInterval(beating);
        }
      }
      return {
        reports: reports.map(({ id, kind, title, openTasks }) => ({ id, kind, title, openTasks })),
        email: submissionEmail(request, reports, deps.miitReportEmail),
      };
    },
  };
}
