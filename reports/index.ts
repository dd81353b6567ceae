import { type Annex2Report, annex2Sheets, buildAnnex2 } from './annex2';
import { type Annex3Report, annex3Sheets, buildAnnex3 } from './annex3';
import { type Annex4Report, annex4Sheets, buildAnnex4 } from './annex4';
import { writeCsv } from './csv';
import type { Annex2Data, NationalReportData, ProvinceReportData } from './data';
import { type HandlingPlansReport, buildHandlingPlans, handlingPlansSheets } from './handlingPlans';
import type { BuildOptions, ReportKind } from './header';
import { writeHtml } from './html';
import { type NationalSummaryReport, buildNationalSummary, nationalSummarySheets } from './rollup';
import type { Sheet } from './sheet';
import { type SummaryReport, buildSummary, summarySheets } from './summary';
import { writeXlsx } from './xlsx';

export type * from './data';
export type { BuildOptions, ReportHeader, ReportKind } from './header';
export type { Annex2Report, Annex3Report, Annex4Report, HandlingPlansReport, NationalSummaryReport, SummaryReport };
export type { OpenWork } from './openWork';
export { singleEnterprise } from './annex2';
export { ruleAnswersOf } from './ruleAnswers';
export { slotViolations } from './questions';

/** What each report is built from. */
export interface ReportInputs {
  annex2: Annex2Data;
  annex3: ProvinceReportData;
  handlingPlans: ProvinceReportData;
  annex4: ProvinceReportData;
  summary: ProvinceReportData;
  nationalSummary: NationalReportData;
}

/** Each report's content, which is also its JSON. */
export interface ReportModels {
  annex2: Annex2Report;
  annex3: Annex3Report;
  handlingPlans: HandlingPlansReport;
  annex4: Annex4Report;
  summary: SummaryReport;
  nationalSummary: NationalSummaryReport;
}

const reports: { [K in ReportKind]: { build(data: ReportInputs[K], options: BuildOptions): ReportModels[K]; sheets(model: ReportModels[K]): Sheet[] } } = {
  annex2: { build: buildAnnex2, sheets: annex2Sheets },
  annex3: { build: buildAnnex3, sheets: annex3Sheets },
  handlingPlans: { build: buildHandlingPlans, sheets: handlingPlansSheets },
  annex4: { build: buildAnnex4, sheets: annex4Sheets },
  summary: { build: buildSummary, sheets: summarySheets },
  nationalSummary: { build: buildNationalSummary, sheets: nationalSummarySheets },
};

/** The report's content alone, for an API that answers in JSON without drawing the files. */
export function buildReport<K extends ReportKind>(kind: K, data: ReportInputs[K], options: BuildOptions): ReportModels[K] {
  return reports[kind].build(data, options);
}

export interface RenderedReport {
  title: string;
  xlsx: Buffer;
  csv: string;
  json: string;
  html: string;
}

/**
 * One report in every format. Pure apart from the time it takes: the same data and options give
 * byte-identical files (generatedAt stamps the workbook and its zip entries).
 */
export async function renderReport<K extends ReportKind>(kind: K, data: ReportInputs[K], options: BuildOptions): Promise<RenderedReport> {
  const report = reports[kind];
  const model = report.build(data, options);
  const sheets = report.sheets(model);
  return {
    title: model.title,
    xlsx: await writeXlsx(sheets, { title: model.title, province: model.province, generatedAt: options.generatedAt }),
    csv: writeCsv(sheets),
    json: `${JSON.stringify(model, null, 2)}\n`,
    html: writeHtml(sheets, { title: model.title }),
  };
}
