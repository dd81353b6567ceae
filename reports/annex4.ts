import type { TransferResult } from '../domain/case';
import type { DispositionAmount, ViolationCode } from '../domain/catalogue';
import type { EnterpriseType } from '../domain/enums';
import { measures, violations } from '../domain/catalogue';
import {
  agencyLabels,
  annex4HeadingLabels,
  dispositionStatusLabels,
  formLabels,
  handlingPlanLabels,
  handlingResultLabels,
  reportLabels,
  reportPunctuation,
  transferLabels,
} from '../domain/labels';
import { assessProvince } from './assess';
import type { DispositionRecord, ProvinceReportData } from './data';
import { chineseDate, labelled, parenthesised, tonnes, yuan } from './format';
import { groupRow, groupsOf } from './groups';
import { type BuildOptions, type ReportHeader, provincialTitle, reportHeader, titleRows } from './header';
import { carriedOut, moneyTotals } from './measures';
import { type OpenWork, openWorkOf, openWorkSection } from './openWork';
import { type Sheet, SheetBuilder } from './sheet';

/** 附表4 省（区、市）核查整顿情况汇总表: each violating enterprise, under each of its groups. */
export interface Annex4Report extends ReportHeader {
  province: string;
  groups: { type: EnterpriseType; rows: Annex4Row[] }[];
  openWork: OpenWork;
}

export interface Annex4Row {
  no: number;
  code: string;
  name: string;
  violations: ViolationCode[];
  measures: DispositionRecord[];
}

export function buildAnnex4(data: ProvinceReportData, options: BuildOptions): Annex4Report {
  const assessments = assessProvince(data);
  return {
    ...reportHeader('annex4', provincialTitle(formLabels.annex4, data.province), data.campaign, data.province, options),
    province: data.province,
    groups: groupsOf(assessments, (a) => a.violations.length > 0).map(({ type, members }) => ({
      type,
      rows: members.map((a, i) => ({
        no: i + 1,
        code: a.enterprise.code,
        name: a.enterprise.name,
        violations: a.violations,
        measures: a.dispositions,
      })),
    })),
    openWork: openWorkOf(assessments, ['handlingPlan', 'disposition'], options),
  };
}

export function violationsText(found: readonly ViolationCode[]): string {
  return found.map((v) => violations[v].label.zh).join(reportPunctuation.enumeration);
}

const amountOrder = Object.keys(moneyTotals) as DispositionAmount[];

/**
 * One measure as 处理结果 states it: the measure and its agency, where it stands, and what the
 * agency recorded (document, sums, quantities); an unfinished one with its reason and new date.
 */
function measureText(m: DispositionRecord): string {
  const parts = [`${measures[m.disposition].label.zh}${parenthesised(agencyLabels[m.agencyKind].zh)}${reportPunctuation.colon}${dispositionStatusLabels[m.status].zh}`];
  if (m.status === 'planned') parts.push(labelled(handlingPlanLabels.dueDate, chineseDate(m.dueDate)));
  if (m.documentNo !== undefined && (carriedOut(m.status) || m.status === 'unfinished')) parts.push(labelled(handlingResultLabels.documentNo, m.documentNo));
  for (const amount of amountOrder) {
    const value = m.amounts[amount];
    if (value === undefined) continue;
    const text = amount === 'tonnesKg' ? `${tonnes(value)}${handlingResultLabels.tonnesReo.zh}` : `${yuan(value)}${handlingResultLabels.yuan.zh}`;
    parts.push(labelled(handlingResultLabels[amount], text));
  }
  if (m.rectificationDeadline !== undefined) parts.push(labelled(handlingResultLabels.rectificationDeadline, chineseDate(m.rectificationDeadline)));
  if (m.transfer !== undefined) parts.push(...transferText(m.transfer));
  if (m.status === 'unfinished') {
    if (m.unfinishedReason !== undefined) parts.push(labelled(handlingResultLabels.unfinishedReason, m.unfinishedReason));
    if (m.newCompletionDate !== undefined) parts.push(labelled(handlingResultLabels.newCompletionDate, chineseDate(m.newCompletionDate)));
  }
  return parts.join(reportPunctuation.list);
}

/** Where a transfer to public security stands: public security's decision, its case number or its reasons. */
function transferText(t: TransferResult): string[] {
  if (t.outcome === 'notApproved') return [transferLabels.outcome.notApproved.zh];
  const parts: string[] = [transferLabels.outcome[t.outcome].zh];
  if (t.caseNo !== undefined) parts.push(labelled(transferLabels.caseNo, t.caseNo));
  if (t.reasons !== undefined) parts.push(labelled(transferLabels.reasons, t.reasons));
  return parts;
}

function handlingResultText(measures: readonly DispositionRecord[]): string {
  return measures.length === 0 ? handlingResultLabels.noPlanYet.zh : measures.map(measureText).join('\n');
}

export function annex4Sheets(report: Annex4Report): Sheet[] {
  const builder = new SheetBuilder(provincialTitle(formLabels.annex4, report.province), [{ width: 6, align: 'center' }, { width: 36 }, { width: 36 }, { width: 70 }]);
  titleRows(builder, report, 4);
  const heading = builder.row('heading', [
    reportLabels.serialNo.zh,
    annex4HeadingLabels.violatingEnterprise.zh,
    annex4HeadingLabels.violations.zh,
    annex4HeadingLabels.handlingResult.zh,
  ]);
  for (const group of report.groups) {
    groupRow(builder, group.type);
    for (const row of group.rows) builder.row('data', [{ count: row.no }, row.name, violationsText(row.violations), handlingResultText(row.measures)]);
  }
  openWorkSection(builder, report.openWork);
  return [builder.build({ frozenRows: heading, printTitleRows: { from: heading, to: heading } })];
}
