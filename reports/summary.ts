import type { IsoDate } from '../domain/campaign';
import { DispositionCode, ViolationCode, measures, violations } from '../domain/catalogue';
import { AgencyKind, type EnterpriseType } from '../domain/enums';
import {
  agencyLabels,
  annex2FieldLabels,
  annex4HeadingLabels,
  dispositionStatusLabels,
  enterpriseTypeLabels,
  formLabels,
  handlingPlanLabels,
  handlingResultLabels,
  reportLabels,
  summaryLabels,
  reportPunctuation,
  typicalCaseLabels,
} from '../domain/labels';
import { type EnterpriseAssessment, assessProvince } from './assess';
import { violationsText } from './annex4';
import type { ProvinceReportData, ReferralRecord, TipRecord } from './data';
import { chineseDate, parenthesised } from './format';
import { groupOrder } from './groups';
import { type BuildOptions, type ReportHeader, reportHeader, titleRows } from './header';
import { type EnforcementFigure, carriedOut, enforcementMeasures, moneyTotals, tonnesTotals } from './measures';
import { type OpenWork, isOverdue, openWorkOf, openWorkSection } from './openWork';
import { type Cell, type Sheet, SheetBuilder } from './sheet';
import { type TypicalReasonFact, reasonInWords } from './typical';

/**
 * 验收总结: what the province's campaign found and did, for the summary report due at the end of
 * acceptance. Every figure is an integer count, kg or fen, so the national roll-up adds provinces
 * exactly (each enterprise belongs to one province, so counts of enterprises add up too).
 */
export interface SummaryFigures {
  /** By type an enterprise of several types counts in each; `all` counts it once. */
  enterprises: Record<EnterpriseType | 'all', { listed: number; verified: number; withProblems: number }>;
  /** Enterprises found with each violation, in catalogue order; only those found. */
  violations: Partial<Record<ViolationCode, number>>;
  /** Measures of the handling plans, by status; only those planned. */
  measures: Partial<Record<DispositionCode, { inPlans: number; carriedOut: number; accepted: number; unfinished: number }>>;
  /** Carried-out measures' sums, and what the agencies' checks established. */
  amounts: {
    confiscatedFen: number;
    fineFen: number;
    recoveredFen: number;
    confiscatedKg: number;
    planCutKg: number;
    illegalGainsFoundFen: number;
    unpaidTaxFoundFen: number;
  };
  /** Enterprises, each counted once per figure. */
  enforcement: Record<EnforcementFigure | 'supervised' | 'typical', number>;
  unfinishedMeasures: number;
  /** Open tasks of each agency and how many of them are past due; only agencies with open tasks. */
  tasksByAgency: Partial<Record<AgencyKind, { open: number; overdue: number }>>;
  /**
   * Cross-province referrals (一.(三)): those the province reported to MIIT by what MIIT did, and
   * those MIIT routed to it by what it did. Summed over provinces, `reported` is every referral of
   * the campaign and `received` every routed one.
   */
  referrals: ReferralFigures;
  /** The province's tip-offs (举报线索) by their triage. */
  tips: TipFigures;
}

export type ReferralFigures = Record<'reported' | 'routed' | 'closed' | 'awaitingRouting' | 'received' | 'accepted' | 'awaitingAcceptance', number>;
export type TipFigures = Record<'received' | 'linkToCase' | 'addToCampaign' | 'refer' | 'close' | 'awaitingTriage', number>;

export interface TypicalCase {
  province: string;
  code: string;
  name: string;
  violations: ViolationCode[];
  reasons: TypicalReasonFact[];
}

export interface UnfinishedMeasure {
  province: string;
  code: string;
  name: string;
  disposition: DispositionCode;
  agencyKind: AgencyKind;
  dueDate: IsoDate;
  unfinishedReason?: string;
  newCompletionDate?: IsoDate;
}

export interface SummaryReport extends ReportHeader {
  province: string;
  figures: SummaryFigures;
  typicalCases: TypicalCase[];
  unfinished: UnfinishedMeasure[];
  openWork: OpenWork;
}

const enterpriseKeys = [...groupOrder, 'all'] as const;
const enforcementKeys = [...(Object.keys(enforcementMeasures) as EnforcementFigure[]), 'supervised', 'typical'] as const;

export function emptyFigures(): SummaryFigures {
  return {
    enterprises: Object.fromEntries(enterpriseKeys.map((k) => [k, { listed: 0, verified: 0, withProblems: 0 }])) as SummaryFigures['enterprises'],
    violations: {},
    measures: {},
    amounts: { confiscatedFen: 0, fineFen: 0, recoveredFen: 0, confiscatedKg: 0, planCutKg: 0, illegalGainsFoundFen: 0, unpaidTaxFoundFen: 0 },
    enforcement: Object.fromEntries(enforcementKeys.map((k) => [k, 0])) as SummaryFigures['enforcement'],
    unfinishedMeasures: 0,
    tasksByAgency: {},
    referrals: { reported: 0, routed: 0, closed: 0, awaitingRouting: 0, received: 0, accepted: 0, awaitingAcceptance: 0 },
    tips: { received: 0, linkToCase: 0, addToCampaign: 0, refer: 0, close: 0, awaitingTriage: 0 },
  };
}

function referralFigures(province: string, referrals: readonly ReferralRecord[]): ReferralFigures {
  const f = emptyFigures().referrals;
  for (const r of referrals) {
    const routed = r.state === 'routed' || r.state === 'accepted';
    if (r.fromProvince === province) {
      f.reported++;
      if (r.state === 'reported') f.awaitingRouting++;
      else if (r.state === 'closed') f.closed++;
      else f.routed++;
    }
    if (routed && r.toProvince === province) {
      f.received++;
      if (r.state === 'accepted') f.accepted++;
      else f.awaitingAcceptance++;
    }
  }
  return f;
}

function tipFigures(tips: readonly TipRecord[]): TipFigures {
  const f = emptyFigures().tips;
  for (const t of tips) {
    f.received++;
    f[t.action ?? 'awaitingTriage']++;
  }
  return f;
}

/** Keys in the order of `order`, so that equal figures serialise to equal JSON however they were added up. */
function inOrder<K extends string, V>(record: Partial<Record<K, V>>, order: readonly K[]): Partial<Record<K, V>> {
  return Object.fromEntries(order.filter((k) => record[k] !== undefined).map((k) => [k, record[k]])) as Partial<Record<K, V>>;
}

export function summaryFigures(
  assessments: readonly EnterpriseAssessment[],
  coordination: Pick<ProvinceReportData, 'province' | 'referrals' | 'tips'>,
  generatedAt: string,
): SummaryFigures {
  const f = emptyFigures();
  f.referrals = referralFigures(coordination.province, coordination.referrals);
  f.tips = tipFigures(coordination.tips);
  for (const a of assessments) {
    const problem = a.violations.length > 0;
    for (const key of [...a.enterprise.types, 'all'] as const) {
      const counts = f.enterprises[key];
      counts.listed++;
      if (a.verification === 'completed') counts.verified++;
      if (problem) counts.withProblems++;
    }
    for (const v of a.violations) f.violations[v] = (f.violations[v] ?? 0) + 1;
    for (const d of a.dispositions) {
      const m = (f.measures[d.disposition] ??= { inPlans: 0, carriedOut: 0, accepted: 0, unfinished: 0 });
      m.inPlans++;
      if (d.status === 'accepted') m.accepted++;
      if (d.status === 'unfinished') {
        m.unfinished++;
        f.unfinishedMeasures++;
      }
      if (!carriedOut(d.status)) continue;
      m.carriedOut++;
      for (const [amount, value] of Object.entries(d.amounts) as [keyof typeof moneyTotals, number][]) {
        const total = moneyTotals[amount];
        if (total !== undefined) f.amounts[total] += value;
      }
      const tonnesTotal = tonnesTotals[d.disposition];
      if (tonnesTotal !== undefined) f.amounts[tonnesTotal] += d.amounts.tonnesKg ?? 0;
    }
    for (const finding of a.findings) {
      f.amounts.illegalGainsFoundFen += finding.amounts.illegalGainsFen ?? 0;
      f.amounts.unpaidTaxFoundFen += finding.amounts.unpaidTaxFen ?? 0;
    }
    for (const [figure, codes] of Object.entries(enforcementMeasures) as [EnforcementFigure, readonly DispositionCode[]][]) {
      // Acceptance refers the dereliction it finds (section 二) whether or not a plan had the measure.
      const referredAtAcceptance = figure === 'referredToDisciplineInspection' && a.tasks.some((t) => t.referredToDisciplineInspection);
      if (referredAtAcceptance || a.dispositions.some((d) => codes.includes(d.disposition) && carriedOut(d.status))) f.enforcement[figure]++;
    }
    if (a.supervised) f.enforcement.supervised++;
    if (a.typical) f.enforcement.typical++;
    for (const t of a.tasks) {
      if (t.status !== 'open') continue;
      const byAgency = (f.tasksByAgency[t.agencyKind] ??= { open: 0, overdue: 0 });
      byAgency.open++;
      if (isOverdue(t.dueAt, generatedAt)) byAgency.overdue++;
    }
  }
  return {
    ...f,
    violations: inOrder(f.violations, ViolationCode.options),
    measures: inOrder(f.measures, DispositionCode.options),
    tasksByAgency: inOrder(f.tasksByAgency, AgencyKind.options),
  };
}

function addRecords<K extends string, V>(a: Partial<Record<K, V>>, b: Partial<Record<K, V>>, order: readonly K[], add: (x: V, y: V) => V): Partial<Record<K, V>> {
  const sum: Partial<Record<K, V>> = { ...a };
  for (const k of order) {
    const y = b[k];
    if (y === undefined) continue;
    const x = sum[k];
    sum[k] = x === undefined ? y : add(x, y);
  }
  return inOrder(sum, order);
}

function addNumbers<T extends Record<string, number>>(a: T, b: T): T {
  return Object.fromEntries(Object.keys(a).map((k) => [k, a[k] + b[k]])) as T;
}

/** Figures of two provinces together: every figure is a sum. */
export function addFigures(a: SummaryFigures, b: SummaryFigures): SummaryFigures {
  return {
    enterprises: Object.fromEntries(enterpriseKeys.map((k) => [k, addNumbers(a.enterprises[k], b.enterprises[k])])) as SummaryFigures['enterprises'],
    violations: addRecords(a.violations, b.violations, ViolationCode.options, (x, y) => x + y),
    measures: addRecords(a.measures, b.measures, DispositionCode.options, addNumbers),
    amounts: addNumbers(a.amounts, b.amounts),
    enforcement: addNumbers(a.enforcement, b.enforcement),
    unfinishedMeasures: a.unfinishedMeasures + b.unfinishedMeasures,
    tasksByAgency: addRecords(a.tasksByAgency, b.tasksByAgency, AgencyKind.options, addNumbers),
    referrals: addNumbers(a.referrals, b.referrals),
    tips: addNumbers(a.tips, b.tips),
  };
}

export function typicalCasesOf(assessments: readonly EnterpriseAssessment[], province: string): TypicalCase[] {
  return assessments
    .flatMap((a) => (a.typical ? [{ province, code: a.enterprise.code, name: a.enterprise.name, violations: a.violations, reasons: a.typical }] : []));
}

export function unfinishedOf(assessments: readonly EnterpriseAssessment[], province: string): UnfinishedMeasure[] {
  return assessments.flatMap((a) =>
    a.dispositions
      .filter((d) => d.status === 'unfinished')
      .map((d) => ({
        province,
        code: a.enterprise.code,
        name: a.enterprise.name,
        disposition: d.disposition,
        agencyKind: d.agencyKind,
        dueDate: d.dueDate,
        ...(d.unfinishedReason === undefined ? {} : { unfinishedReason: d.unfinishedReason }),
        ...(d.newCompletionDate === undefined ? {} : { newCompletionDate: d.newCompletionDate }),
      })),
  );
}

export function buildSummary(data: ProvinceReportData, options: BuildOptions): SummaryReport {
  const assessments = assessProvince(data);
  return {
    ...reportHeader('summary', `${data.province}${formLabels.summary.zh}`, data.campaign, data.province, options),
    province: data.province,
    figures: summaryFigures(assessments, data, options.generatedAt),
    typicalCases: typicalCasesOf(assessments, data.province),
    unfinished: unfinishedOf(assessments, data.province),
    openWork: openWorkOf(assessments, ['verification', 'handlingPlan', 'disposition', 'acceptance'], options),
  };
}

/** The summary's page: six columns that each section's table spans in its own way. */
export const summaryColumns = [{ width: 6, align: 'center' as const }, { width: 30 }, { width: 30 }, { width: 16 }, { width: 16 }, { width: 16 }];

function table(builder: SheetBuilder, title: string, headings: string[], spans: number[], rows: Cell[][], total?: Cell[]): void {
  builder.wideRow('section', title);
  builder.spannedRow('heading', headings, spans);
  for (const row of rows) builder.spannedRow('data', row, spans);
  if (total) builder.spannedRow('total', total, spans);
  if (rows.length === 0 && !total) builder.spannedRow('data', ['', reportLabels.none.zh, ...spans.slice(2).map(() => '')], spans);
}

const numbered = <T,>(items: readonly T[], cells: (item: T) => Cell[]): Cell[][] => items.map((item, i) => [{ count: i + 1 }, ...cells(item)]);

/**
 * Sections 一 to 八 of a summary. `nameOf` writes an enterprise's name; the national roll-up adds
 * its province.
 */
export function summarySections(builder: SheetBuilder, figures: SummaryFigures, typicalCases: readonly TypicalCase[], unfinished: readonly UnfinishedMeasure[], nameOf: (e: { name: string; province: string }) => string): void {
  const L = summaryLabels;
  const counts = (c: { listed: number; verified: number; withProblems: number }) => [{ count: c.listed }, { count: c.verified }, { count: c.withProblems }];
  table(
    builder,
    L.enterprisesSection.zh,
    [L.enterpriseType.zh, L.listed.zh, L.verified.zh, L.withProblems.zh],
    [2, 2, 1, 1],
    groupOrder.map((t) => [enterpriseTypeLabels[t].zh, ...counts(figures.enterprises[t])]),
    [L.allEnterprises.zh, ...counts(figures.enterprises.all)],
  );
  table(
    builder,
    L.violationsSection.zh,
    [reportLabels.serialNo.zh, annex4HeadingLabels.violations.zh, L.enterpriseCount.zh],
    [1, 2, 3],
    numbered(Object.entries(figures.violations) as [ViolationCode, number][], ([v, n]) => [violations[v].label.zh, { count: n }]),
  );
  table(
    builder,
    L.measuresSection.zh,
    [reportLabels.serialNo.zh, handlingPlanLabels.measure.zh, L.measureCount.zh, dispositionStatusLabels.done.zh, dispositionStatusLabels.accepted.zh, dispositionStatusLabels.unfinished.zh],
    [1, 1, 1, 1, 1, 1],
    numbered(Object.entries(figures.measures) as [DispositionCode, NonNullable<SummaryFigures['measures'][DispositionCode]>][], ([d, m]) => [
      measures[d].label.zh,
      { count: m.inPlans },
      { count: m.carriedOut },
      { count: m.accepted },
      { count: m.unfinished },
    ]),
  );
  const a = figures.amounts;
  table(
    builder,
    L.amountsSection.zh,
    [reportLabels.serialNo.zh, L.item.zh, L.amountYuan.zh, L.quantityTonnes.zh],
    [1, 2, 2, 1],
    numbered(
      [
        [L.confiscated.zh, { fen: a.confiscatedFen }, ''],
        [L.fined.zh, { fen: a.fineFen }, ''],
        [L.recovered.zh, { fen: a.recoveredFen }, ''],
        [L.confiscatedTonnes.zh, '', { kg: a.confiscatedKg }],
        [L.planCutTonnes.zh, '', { kg: a.planCutKg }],
        [L.illegalGainsFound.zh, { fen: a.illegalGainsFoundFen }, ''],
        [L.unpaidTaxFound.zh, { fen: a.unpaidTaxFoundFen }, ''],
      ] as Cell[][],
      (row) => row,
    ),
  );
  const e = figures.enforcement;
  table(
    builder,
    L.keyFiguresSection.zh,
    [reportLabels.serialNo.zh, L.item.zh, L.count.zh],
    [1, 2, 3],
    numbered(
      [
        [L.productionStopped.zh, e.productionStopped],
        [L.sitesClosed.zh, e.sitesClosed],
        [L.casesOpened.zh, e.casesOpened],
        [L.transferredToPublicSecurity.zh, e.transferredToPublicSecurity],
        [L.referredToDisciplineInspection.zh, e.referredToDisciplineInspection],
        [L.supervised.zh, e.supervised],
        [L.typical.zh, e.typical],
        [L.unfinished.zh, figures.unfinishedMeasures],
      ] as const,
      ([label, n]) => [label, { count: n }],
    ),
  );
  table(
    builder,
    L.typicalSection.zh,
    [reportLabels.serialNo.zh, annex2FieldLabels.name.zh, annex4HeadingLabels.violations.zh, L.category.zh, typicalCaseLabels.publicityHeading.zh],
    [1, 1, 1, 2, 1],
    // Every designated typical case is for publicity (三.(三) 及时通报和曝光典型违法违规案件).
    numbered(typicalCases, (c) => [nameOf(c), violationsText(c.violations), c.reasons.map(reasonInWords).join(reportPunctuation.list), typicalCaseLabels.publicity.zh]),
  );
  table(
    builder,
    L.unfinishedSection.zh,
    [reportLabels.serialNo.zh, annex2FieldLabels.name.zh, `${handlingPlanLabels.measure.zh}${parenthesised(handlingPlanLabels.agency.zh)}`, handlingResultLabels.unfinishedReason.zh, handlingResultLabels.newCompletionDate.zh],
    [1, 1, 1, 2, 1],
    numbered(unfinished, (u) => [
      nameOf(u),
      `${measures[u.disposition].label.zh}${parenthesised(agencyLabels[u.agencyKind].zh)}`,
      u.unfinishedReason ?? '',
      u.newCompletionDate === undefined ? '' : chineseDate(u.newCompletionDate),
    ]),
  );
  table(
    builder,
    L.overdueSection.zh,
    [reportLabels.serialNo.zh, handlingPlanLabels.agency.zh, L.openTasks.zh, L.overdueTasks.zh],
    [1, 2, 2, 1],
    numbered(Object.entries(figures.tasksByAgency) as [AgencyKind, { open: number; overdue: number }][], ([agency, t]) => [
      agencyLabels[agency].zh,
      { count: t.open },
      { count: t.overdue },
    ]),
  );
  const referrals = figures.referrals;
  const tips = figures.tips;
  table(
    builder,
    L.coordinationSection.zh,
    [reportLabels.serialNo.zh, L.item.zh, L.count.zh],
    [1, 2, 3],
    numbered(
      [
        [L.referralsReported.zh, referrals.reported],
        [L.referralsRouted.zh, referrals.routed],
        [L.referralsClosed.zh, referrals.closed],
        [L.referralsAwaitingRouting.zh, referrals.awaitingRouting],
        [L.referralsReceived.zh, referrals.received],
        [L.referralsAccepted.zh, referrals.accepted],
        [L.referralsAwaitingAcceptance.zh, referrals.awaitingAcceptance],
        [L.tipsReceived.zh, tips.received],
        [L.tipsLinkedToCase.zh, tips.linkToCase],
        [L.tipsAddedToCampaign.zh, tips.addToCampaign],
        [L.tipsReferred.zh, tips.refer],
        [L.tipsClosed.zh, tips.close],
        [L.tipsAwaitingTriage.zh, tips.awaitingTriage],
      ] as const,
      ([label, n]) => [label, { count: n }],
    ),
  );
}

export function summarySheets(report: SummaryReport): Sheet[] {
  const builder = new SheetBuilder(`${report.province}${formLabels.summary.zh}`, summaryColumns);
  titleRows(builder, report);
  const frozenRows = builder.rows.length;
  summarySections(builder, report.figures, report.typicalCases, report.unfinished, (e) => e.name);
  openWorkSection(builder, report.openWork);
  return [builder.build({ frozenRows })];
}
