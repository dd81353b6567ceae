import { formLabels, handlingResultLabels, provincePlaceholder, reportLabels, summaryLabels } from '../domain/labels';
import { assessProvince, compareCodes } from './assess';
import type { NationalReportData } from './data';
import { parenthesised } from './format';
import { type BuildOptions, type ReportHeader, reportHeader, titleRows } from './header';
import {
  type SummaryFigures,
  type TypicalCase,
  type UnfinishedMeasure,
  addFigures,
  emptyFigures,
  summaryColumns,
  summaryFigures,
  summarySections,
  typicalCasesOf,
  unfinishedOf,
} from './summary';
import { type Cell, type Sheet, SheetBuilder } from './sheet';

/**
 * The national roll-up of the provinces' summary reports, for MIIT's report to the State Council:
 * one line per province with its key figures, then the national totals in the summary's sections.
 */
export interface NationalSummaryReport extends ReportHeader {
  provinces: { province: string; figures: SummaryFigures }[];
  totals: SummaryFigures;
  typicalCases: TypicalCase[];
  unfinished: UnfinishedMeasure[];
}

export function buildNationalSummary(data: NationalReportData, options: BuildOptions): NationalSummaryReport {
  const provinces = [...data.provinces].sort((a, b) => compareCodes(a.province, b.province));
  const perProvince = provinces.map((p) => {
    const assessments = assessProvince(p);
    return {
      province: p.province,
      figures: summaryFigures(assessments, p, options.generatedAt),
      typicalCases: typicalCasesOf(assessments, p.province),
      unfinished: unfinishedOf(assessments, p.province),
    };
  });
  return {
    ...reportHeader('nationalSummary', `${reportLabels.national.zh}${formLabels.summary.zh}${summaryLabels.rollupSuffix.zh}`, data.campaign, undefined, options),
    provinces: perProvince.map(({ province, figures }) => ({ province, figures })),
    totals: perProvince.reduce((sum, p) => addFigures(sum, p.figures), emptyFigures()),
    typicalCases: perProvince.flatMap((p) => p.typicalCases),
    unfinished: perProvince.flatMap((p) => p.unfinished),
  };
}

const yuanHeading = (label: { zh: string }) => `${label.zh}${parenthesised(handlingResultLabels.yuan.zh)}`;

/** The figures the by-province table shows, in its column order. */
function provinceLine(f: SummaryFigures): Cell[] {
  const e = f.enforcement;
  const overdue = Object.values(f.tasksByAgency).reduce((sum, t) => sum + t.overdue, 0);
  return [
    { count: f.enterprises.all.listed },
    { count: f.enterprises.all.verified },
    { count: f.enterprises.all.withProblems },
    { fen: f.amounts.confiscatedFen },
    { fen: f.amounts.fineFen },
    { fen: f.amounts.recoveredFen },
    { count: e.productionStopped },
    { count: e.casesOpened },
    { count: e.transferredToPublicSecurity },
    { count: e.referredToDisciplineInspection },
    { count: e.supervised },
    { count: e.typical },
    { count: f.unfinishedMeasures },
    { count: overdue },
    { count: f.referrals.reported },
    { count: f.tips.received },
  ];
}

function provincesSheet(report: NationalSummaryReport): Sheet {
  const L = summaryLabels;
  const headings = [
    provincePlaceholder.zh,
    L.listed.zh,
    L.verified.zh,
    L.withProblems.zh,
    yuanHeading(L.confiscated),
    yuanHeading(L.fined),
    yuanHeading(L.recovered),
    L.productionStopped.zh,
    L.casesOpened.zh,
    L.transferredToPublicSecurity.zh,
    L.referredToDisciplineInspection.zh,
    L.supervised.zh,
    L.typical.zh,
    L.unfinished.zh,
    L.overdue.zh,
    L.referralsColumn.zh,
    L.tipsColumn.zh,
  ];
  const builder = new SheetBuilder(
    L.provincesSheet.zh,
    headings.map((_, i) => ({ width: i === 0 || (i >= 4 && i <= 6) ? 16 : 10 })),
  );
  titleRows(builder, report);
  const heading = builder.row('heading', headings);
  for (const p of report.provinces) builder.row('data', [p.province, ...provinceLine(p.figures)]);
  builder.row('total', [reportLabels.total.zh, ...provinceLine(report.totals)]);
  return builder.build({ frozenRows: heading, printTitleRows: { from: heading, to: heading } });
}

function totalsSheet(report: NationalSummaryReport): Sheet {
  const builder = new SheetBuilder(summaryLabels.nationalSheet.zh, summaryColumns);
  titleRows(builder, report);
  const frozenRows = builder.rows.length;
  summarySections(builder, report.totals, report.typicalCases, report.unfinished, (e) => `${e.name}${parenthesised(e.province)}`);
  return builder.build({ frozenRows });
}

export function nationalSummarySheets(report: NationalSummaryReport): Sheet[] {
  return [provincesSheet(report), totalsSheet(report)];
}
