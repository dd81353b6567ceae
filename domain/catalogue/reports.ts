import type { ReportBoundary, ReportKind } from '../reportKinds';

/**
 * Due to MIIT at the end of each phase (section 二 of the plan): after self-inspection annex 2 and
 * annex 3 with the handling plans (处理方案) for the problem enterprises, after rectification
 * annex 4, after acceptance the summary report.
 */
export const reportsDueAt: Readonly<Record<ReportBoundary, readonly Exclude<ReportKind, 'nationalSummary'>[]>> = {
  selfInspection: ['annex2', 'annex3', 'handlingPlans'],
  rectification: ['annex4'],
  acceptance: ['summary'],
};
