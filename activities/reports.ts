import type { PrismaClient } from '@prisma/client';
import type { PhaseEnds } from '../domain/campaignClock';
import { phaseLabels, reportLabels, reportPunctuation as p, submissionEmailLabels as e, typicalCaseLabels } from '../domain/labels';
import { closeCampaignProvince } from '../store/campaigns';
import { reportsDueAt } from '../domain/catalogue';
import type { ReportBoundary } from '../domain/reportKinds';
import type { DatasetCache } from '../store/datasetCache';
import type { PdfRenderer } from '../platform/libreOffice';
import { type StoredReport, generateReport, reportDownloadName } from '../store/reportStore';
import type { EmailToSend } from './email';
import { whileBeating } from './heartbeat';

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

function submissionEmail(request: PhaseReportsRequest, reports: StoredReport[], to: string): EmailToSend {
  const phase = phaseLabels[request.boundary];
  const lines = reports.map((r) => {
    const open = r.openTasks > 0 ? `${p.open}${e.openTasks(r.openTasks).zh} ${e.openTasks(r.openTasks).en}${p.close}` : '';
    const noPdf = r.files.pdf ? '' : `\n  ${p.open}${e.noPdf.zh} ${e.noPdf.en}${p.close}`;
    return `- ${r.title}${open}\n  GET /reports/${encodeURIComponent(r.id)}/xlsx${noPdf}`;
  });
  return {
    key: `report/${request.campaignId}/${request.province}/${request.boundary}`,
    to: [to],
    subject: `${p.bracketOpen}${e.submitted.zh}${p.bracketClose}${e.subject(phase, request.province).zh} ${e.subject(phase, request.province).en}`,
    body: [
      e.body(phase, request.province).zh,
      e.body(phase, request.province).en,
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

/**
 * The warning to MIIT of a province that has designated no typical case with a month of the
 * campaign left (一.(五) asks each key producing region for 2-3); once per province and campaign.
 */
async function typicalCaseWarningEmail(prisma: PrismaClient, request: { campaignId: string; province: string }, to: string): Promise<EmailToSend | null> {
  const designated = await prisma.typicalCase.count({ where: { campaignId: request.campaignId, provinceName: request.province } });
  if (designated > 0) return null;
  const t = typicalCaseLabels;
  return {
    key: `typical-case-warning/${request.campaignId}/${request.province}`,
    to: [to],
    subject: `${p.bracketOpen}${t.quotaWarningSubject.zh}${p.bracketClose}${request.province} ${t.quotaWarningSubject.en}: ${request.province}`,
    body: [
      `${request.province}${p.colon}${t.quotaWarningBody.zh}`,
      t.quotaWarningBody.en,
      '',
      `GET /campaigns/${encodeURIComponent(request.campaignId)}/provinces/${encodeURIComponent(request.province)}/typical-cases`,
    ].join('\n'),
  };
}

export function reportActivities(deps: { prisma: PrismaClient; reportsDir: string; miitReportEmail: string; datasets: DatasetCache; pdf?: PdfRenderer }) {
  return {
    /**
     * The province's campaign has closed. When it was the last, the national roll-up is generated
     * (once: a boundary report) and returned with the email that sends it to MIIT, for the outbox,
     * whose key makes it one email however many provinces close last at once.
     */
    async closeProvinceCampaign(request: { campaignId: string; province: string; supervised: string[] }): Promise<EmailToSend | null> {
      const { allClosed, supervised } = await closeCampaignProvince(deps.prisma, request);
      if (!allClosed) return null;
      const rollup = { campaignId: request.campaignId, province: null, kind: 'nationalSummary' as const, boundary: 'acceptance' as const, supervised, by: 'campaign', now: new Date() };
      const report = await whileBeating(() => generateReport({ ...deps, dataset: deps.datasets.get }, rollup), rollup.kind);
      return { ...submissionEmail({ ...request, province: reportLabels.national.zh, boundary: 'acceptance' }, [report], deps.miitReportEmail), key: `national-rollup/${request.campaignId}` };
    },
    /** The warning email for a province without a typical case, or null when it has one. */
    async typicalCaseWarning(request: { campaignId: string; province: string }): Promise<EmailToSend | null> {
      return typicalCaseWarningEmail(deps.prisma, request, deps.miitReportEmail);
    },
    /**
     * The reports due at the end of a phase, generated once and stored; returns them with the
     * email that submits them, which the workflow sends through the outbox.
     */
    async generatePhaseReports(request: PhaseReportsRequest): Promise<PhaseReportsSubmission> {
      const now = new Date();
      const reports: StoredReport[] = [];
      for (const kind of reportsDueAt[request.boundary]) {
        // A report waits for LibreOffice behind every other province's at a boundary: keep saying so.
        reports.push(await whileBeating(() => generateReport({ ...deps, dataset: deps.datasets.get }, { ...request, kind, by: 'campaign', now }), kind));
      }
      return {
        reports: reports.map(({ id, kind, title, openTasks }) => ({ id, kind, title, openTasks })),
        email: submissionEmail(request, reports, deps.miitReportEmail),
      };
    },
  };
}
