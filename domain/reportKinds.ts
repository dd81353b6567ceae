import { z } from 'zod';
import type { CasePhase } from './enums';

/** The reports a province sends to MIIT, and MIIT's national roll-up; which are due when is the catalogue's (domain/catalogue/reports.ts). */
export const ReportKind = z.enum(['annex2', 'annex3', 'handlingPlans', 'annex4', 'summary', 'nationalSummary'], {
  error: 'must be one of annex2, annex3, handlingPlans, annex4, summary, nationalSummary',
});
export type ReportKind = z.infer<typeof ReportKind>;

export type ReportBoundary = Exclude<CasePhase, 'closed'>;

/** File formats a report comes in: all of them, the PDF when a PDF engine was there to print it. */
export const ReportFormat = z.enum(['xlsx', 'csv', 'json', 'html', 'pdf'], { error: 'must be xlsx, csv, json, html or pdf' });
export type ReportFormat = z.infer<typeof ReportFormat>;
