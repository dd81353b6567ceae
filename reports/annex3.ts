import type { EnterpriseType } from '../domain/enums';
import { annex2FieldLabels, annex3QuestionLabels, answerLabels, conditionPartLabels, formLabels, reportLabels, reportPunctuation } from '../domain/labels';
import { type Answer, assessProvince } from './assess';
import type { ProvinceReportData } from './data';
import { labelled } from './format';
import { groupRow, groupsOf } from './groups';
import { type BuildOptions, type ReportHeader, provincialTitle, reportHeader, titleRows } from './header';
import { type OpenWork, openWorkOf, openWorkSection } from './openWork';
import { type AnswerSlot, type ConditionPart, conditionSlots } from './questions';
import { type Sheet, SheetBuilder } from './sheet';

/** 附表3 省（区、市）企业情况核查汇总表: one numbered row per enterprise under each of its groups. */
export interface Annex3Report extends ReportHeader {
  province: string;
  groups: { type: EnterpriseType; rows: Annex3Row[] }[];
  openWork: OpenWork;
}

export interface Annex3Row {
  no: number;
  code: string;
  name: string;
  answers: Record<AnswerSlot, Answer>;
}

export function buildAnnex3(data: ProvinceReportData, options: BuildOptions): Annex3Report {
  const assessments = assessProvince(data);
  return {
    ...reportHeader('annex3', provincialTitle(formLabels.annex3, data.province), data.campaign, data.province, options),
    province: data.province,
    groups: groupsOf(assessments, () => true).map(({ type, members }) => ({
      type,
      rows: members.map((a, i) => ({ no: i + 1, code: a.enterprise.code, name: a.enterprise.name, answers: a.answers })),
    })),
    openWork: openWorkOf(assessments, ['verification'], options),
  };
}

function answerText(answer: Answer): string {
  return answerLabels[answer].zh;
}

/** 采矿：是；环保：否；安全生产：不适用 — the third column states the three conditions separately (分述). */
function conditionsText(answers: Record<AnswerSlot, Answer>): string {
  return (Object.keys(conditionSlots) as ConditionPart[])
    .map((part) => labelled(conditionPartLabels[part], answerText(answers[conditionSlots[part]])))
    .join(reportPunctuation.list);
}

export function annex3Sheets(report: Annex3Report): Sheet[] {
  const builder = new SheetBuilder(provincialTitle(formLabels.annex3, report.province), [
    { width: 6, align: 'center' },
    { width: 36 },
    { width: 16, align: 'center' },
    { width: 14, align: 'center' },
    { width: 46 },
    { width: 16, align: 'center' },
    { width: 16, align: 'center' },
  ]);
  titleRows(builder, report, 3);
  const q = annex3QuestionLabels;
  const heading = builder.row('heading', [
    reportLabels.serialNo.zh,
    annex2FieldLabels.name.zh,
    q.illegalOrOverQuotaMining.zh,
    q.boughtIllegalOre.zh,
    q.conditions.zh,
    q.productionWithoutOrAbovePlan.zh,
    q.soldOreToUnplanned.zh,
  ]);
  for (const group of report.groups) {
    groupRow(builder, group.type);
    for (const row of group.rows) {
      const a = row.answers;
      builder.row('data', [
        { count: row.no },
        row.name,
        answerText(a.illegalOrOverQuotaMining),
        answerText(a.boughtIllegalOre),
        conditionsText(a),
        answerText(a.productionWithoutOrAbovePlan),
        answerText(a.soldOreToUnplanned),
      ]);
    }
  }
  openWorkSection(builder, report.openWork);
  return [builder.build({ frozenRows: heading, printTitleRows: { from: heading, to: heading } })];
}
