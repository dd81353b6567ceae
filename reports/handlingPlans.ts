import type { IsoDate } from '../domain/campaign';
import { type DispositionCode, type ViolationCode, proposeHandlingPlan, measures } from '../domain/catalogue';
import type { AgencyKind, EnterpriseType } from '../domain/enums';
import {
  agencyLabels,
  annex2FieldLabels,
  annex4HeadingLabels,
  dispositionStatusLabels,
  enterpriseTypeLabels,
  handlingPlanLabels,
  reportLabels,
} from '../domain/labels';
import { type EnterpriseAssessment, assessProvince, compareCodes } from './assess';
import { violationsText } from './annex4';
import type { DispositionStatus, ProvinceReportData } from './data';
import { chineseDate, enumerate } from './format';
import { firstGroup } from './groups';
import { type BuildOptions, type ReportHeader, reportHeader, titleRows } from './header';
import { type OpenWork, openWorkOf, openWorkSection } from './openWork';
import { type Sheet, SheetBuilder } from './sheet';

/**
 * 处理方案: for each problem enterprise, the measures of its handling plan with the agency, the
 * deadline and where each stands. Until the industry department has submitted a plan, the
 * catalogue's measures for the violations are shown as proposals, so the list is never empty.
 */
export interface HandlingPlansReport extends ReportHeader {
  province: string;
  enterprises: HandlingPlanEntry[];
  openWork: OpenWork;
}

export interface HandlingPlanEntry {
  no: number;
  code: string;
  name: string;
  types: EnterpriseType[];
  violations: ViolationCode[];
  planSubmitted: boolean;
  measures: { disposition: DispositionCode; agencyKind: AgencyKind; dueDate?: IsoDate; status: DispositionStatus | 'proposed' }[];
}

function entryOf(a: EnterpriseAssessment, no: number): HandlingPlanEntry {
  const planSubmitted = a.dispositions.length > 0;
  return {
    no,
    code: a.enterprise.code,
    name: a.enterprise.name,
    types: a.enterprise.types,
    violations: a.violations,
    planSubmitted,
    measures: planSubmitted
      ? a.dispositions.map((d) => ({ disposition: d.disposition, agencyKind: d.agencyKind, dueDate: d.dueDate, status: d.status }))
      : proposeHandlingPlan(a.violations).map((p) => ({ ...p, status: 'proposed' as const })),
  };
}

export function buildHandlingPlans(data: ProvinceReportData, options: BuildOptions): HandlingPlansReport {
  const assessments = assessProvince(data);
  // Listed once each (a plan is per enterprise), in the order of the groups it first appears in.
  const problems = assessments
    .filter((a) => a.violations.length > 0)
    .sort((a, b) => firstGroup(a.enterprise.types) - firstGroup(b.enterprise.types) || compareCodes(a.enterprise.code, b.enterprise.code));
  return {
    ...reportHeader('handlingPlans', `${data.province}${handlingPlanLabels.title.zh}`, data.campaign, data.province, options),
    province: data.province,
    enterprises: problems.map((a, i) => entryOf(a, i + 1)),
    openWork: openWorkOf(assessments, ['verification', 'handlingPlan'], options),
  };
}

export function handlingPlansSheets(report: HandlingPlansReport): Sheet[] {
  const builder = new SheetBuilder(`${report.province}${handlingPlanLabels.title.zh}`, [
    { width: 6, align: 'center' },
    { width: 30 },
    { width: 14 },
    { width: 30 },
    { width: 30 },
    { width: 16 },
    { width: 16, align: 'center' },
    { width: 26, align: 'center' },
  ]);
  titleRows(builder, report);
  const heading = builder.row('heading', [
    reportLabels.serialNo.zh,
    annex2FieldLabels.name.zh,
    handlingPlanLabels.types.zh,
    annex4HeadingLabels.violations.zh,
    handlingPlanLabels.measure.zh,
    handlingPlanLabels.agency.zh,
    handlingPlanLabels.dueDate.zh,
    handlingPlanLabels.status.zh,
  ]);
  for (const e of report.enterprises) {
    const enterpriseCells = [{ count: e.no }, e.name, enumerate(e.types.map((t) => enterpriseTypeLabels[t])), violationsText(e.violations)];
    const first = builder.rows.length + 1;
    e.measures.forEach((m, i) => {
      builder.row('data', [
        ...(i === 0 ? enterpriseCells : ['', '', '', '']),
        measures[m.disposition].label.zh,
        agencyLabels[m.agencyKind].zh,
        m.dueDate === undefined ? '' : chineseDate(m.dueDate),
        dispositionStatusLabels[m.status].zh,
      ]);
    });
    const last = builder.rows.length;
    for (let column = 1; column <= enterpriseCells.length; column++) builder.merge(first, column, last, column);
  }
  openWorkSection(builder, report.openWork);
  return [builder.build({ frozenRows: heading, printTitleRows: { from: heading, to: heading } })];
}
