import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Cell as XlsxCell, Workbook, type Worksheet } from 'exceljs';
import { type LedgerMonth, creditCodeCheckChar, defaultReviewWindow } from '../../domain/campaign';
import { calendar2014, campaignInstant, campaignTimeBase } from '../../domain/campaignClock';
import { agencyLabels, dispositionStatusLabels, handlingPlanLabels, handlingResultLabels, taskKindLabels } from '../../domain/labels';
import { parseCsv } from '../../intake/csv';
import { convertWithLibreOffice, findOrInstallLibreOffice } from '../../platform/libreOffice';
import {
  type AgencyFinding,
  type Annex2Data,
  type DispositionRecord,
  type NationalReportData,
  type ProvinceReportData,
  type ReportCampaign,
  type ReportEnterprise,
  type RuleAnswers,
  type TaskRecord,
  buildReport,
  renderReport,
  singleEnterprise,
} from '../../reports';
import { writeCsv } from '../../reports/csv';
import type { Cell, Sheet } from '../../reports/sheet';

/**
 * One province made by hand, so that every answer, amount and line of every report is known:
 * a mine found mining illegally and transferred to public security; a smelter under supervision
 * whose environmental check is still open and overdue, with one measure unfinished; a trader that
 * paid VAT back; a recycler nobody has checked yet; a mine that also trades, whose handling plan
 * is not in; an exporter suspected of smuggling whose name needs escaping everywhere.
 */

function code(n: number, province = '36'): string {
  const first17 = `91${province}0100${String(n).padStart(9, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

const campaign: ReportCampaign = { id: 'c2014', name: '2014年打击稀土违法违规行为专项行动', reviewWindow: defaultReviewWindow };
const generatedAt = '2015-01-20T02:00:00Z';
const options = { generatedAt, draft: false };
const pastDue = '2014-11-25T16:00:00Z';

const E = {
  mine: { code: code(1), name: '赣州虚构矿业有限公司', types: ['mine'] },
  smelter: { code: code(2), name: '赣州虚构冶炼分离有限公司', types: ['smelting', 'export'] },
  trader: { code: code(3), name: '南昌虚构稀土贸易有限公司', types: ['trading'] },
  recycler: { code: code(4), name: '九江虚构资源再生有限公司', types: ['recycling'] },
  mineTrader: { code: code(5), name: '龙南虚构矿业贸易有限公司', types: ['mine', 'trading'] },
  exporter: { code: code(6), name: '虚构<出口>&"贸易"公司', types: ['export'] },
} satisfies Record<string, ReportEnterprise>;

const met = { applicable: true, met: true };
const unmet = { applicable: true, met: false };
const na = { applicable: false, met: true };

function rules(e: ReportEnterprise, answers: Partial<Omit<RuleAnswers, 'enterpriseCode'>>): RuleAnswers {
  return {
    enterpriseCode: e.code,
    illegalOrOverQuotaMining: false,
    boughtIllegalOre: false,
    conditions: { mining: na, environmental: na, safety: na },
    productionWithoutOrAbovePlan: false,
    soldOreToUnplanned: false,
    findings: [],
    ...answers,
  };
}

let taskSeq = 0;
function task(e: ReportEnterprise, kind: TaskRecord['kind'], agencyKind: TaskRecord['agencyKind'], status: TaskRecord['status'] = 'completed', extra: Partial<TaskRecord> = {}): TaskRecord {
  return { key: `${e.code}/${kind}/${agencyKind}/${++taskSeq}`, enterpriseCode: e.code, kind, agencyKind, dueAt: pastDue, status, ...extra };
}

function verified(e: ReportEnterprise, agencies: TaskRecord['agencyKind'][]): TaskRecord[] {
  return agencies.map((a) => task(e, 'verification', a));
}

let findingSeq = 0;
function finding(e: ReportEnterprise, violation: AgencyFinding['violation'], agencyKind: AgencyFinding['agencyKind'], amounts: AgencyFinding['amounts'] = {}): AgencyFinding {
  return { id: `f${++findingSeq}`, enterpriseCode: e.code, violation, agencyKind, amounts };
}

function measure(e: ReportEnterprise, fields: Omit<DispositionRecord, 'id' | 'enterpriseCode' | 'amounts'> & Partial<DispositionRecord>): DispositionRecord {
  return { id: `${e.code}/${fields.agencyKind}/${fields.disposition}`, enterpriseCode: e.code, amounts: {}, ...fields };
}

const jiangxi: ProvinceReportData = {
  campaign,
  province: '江西省',
  // Out of order on purpose: every report sorts by group, then credit code.
  enterprises: [E.exporter, E.mineTrader, E.recycler, E.trader, E.smelter, E.mine],
  rules: [
    rules(E.mine, { illegalOrOverQuotaMining: true, conditions: { mining: unmet, environmental: met, safety: met }, findings: ['illegalMining', 'noMiningLicence'] }),
    rules(E.smelter, { boughtIllegalOre: true, productionWithoutOrAbovePlan: true, conditions: { mining: na, environmental: met, safety: met }, findings: ['boughtIllegalOre', 'productionAbovePlan'] }),
    rules(E.trader, {}),
    rules(E.recycler, { conditions: { mining: na, environmental: met, safety: met } }),
    rules(E.mineTrader, { soldOreToUnplanned: true, conditions: { mining: met, environmental: met, safety: met }, findings: ['soldToUnplanned'] }),
    rules(E.exporter, {}),
  ],
  findings: [
    finding(E.mine, 'illegalMining', 'landResources', { illegalGainsFen: 5_000_000 }),
    finding(E.trader, 'unpaidVat', 'tax', { unpaidTaxFen: 2_000_000 }),
    finding(E.mineTrader, 'noEiaApproval', 'environment'),
    finding(E.exporter, 'smuggling', 'customs', { illegalGainsFen: 800_000 }),
  ],
  dispositions: [
    measure(E.mine, { disposition: 'transferToPublicSecurity', agencyKind: 'publicSecurity', dueDate: '2014-12-20', status: 'done', documentNo: '赣公移〔2014〕3号' }),
    measure(E.mine, { disposition: 'closeIllegalSite', agencyKind: 'landResources', dueDate: '2014-12-31', status: 'done', documentNo: '赣国土取〔2014〕2号' }),
    measure(E.mine, {
      disposition: 'confiscateProductsAndGains',
      agencyKind: 'landResources',
      dueDate: '2015-01-15',
      status: 'accepted',
      documentNo: '赣国土罚〔2014〕1号',
      amounts: { confiscatedFen: 1_234_567, tonnesKg: 12_500 },
    }),
    measure(E.smelter, { disposition: 'reduceNextYearPlan', agencyKind: 'industry', dueDate: '2015-01-31', status: 'planned' }),
    measure(E.smelter, { disposition: 'fine', agencyKind: 'industry', dueDate: '2015-01-10', status: 'done', documentNo: '赣工信罚〔2014〕5号', amounts: { fineFen: 50_000_000 } }),
    measure(E.smelter, {
      disposition: 'stopProduction',
      agencyKind: 'industry',
      dueDate: '2015-01-10',
      status: 'unfinished',
      documentNo: '赣工信停〔2014〕4号',
      unfinishedReason: '生产线拆除未完成',
      newCompletionDate: '2015-04-30',
    }),
    measure(E.trader, {
      disposition: 'recoverVat',
      agencyKind: 'tax',
      dueDate: '2014-12-31',
      status: 'accepted',
      documentNo: '洪税追〔2014〕6号',
      amounts: { recoveredFen: 2_000_000, lateFeeFen: 100_000, fineFen: 300_000 },
    }),
    measure(E.exporter, { disposition: 'transferToPublicSecurity', agencyKind: 'publicSecurity', dueDate: '2015-02-28', status: 'planned' }),
  ],
  tasks: [
    ...verified(E.mine, ['industry', 'landResources', 'environment', 'tax', 'workSafety']),
    task(E.mine, 'acceptance', 'industry', 'completed', { referredToDisciplineInspection: true }),
    ...verified(E.smelter, ['industry', 'tax', 'workSafety', 'customs']),
    task(E.smelter, 'verification', 'environment', 'open'),
    task(E.smelter, 'disposition', 'industry', 'open', { dueAt: '2015-01-31T16:00:00Z' }),
    ...verified(E.trader, ['industry', 'commerce', 'tax']),
    ...verified(E.mineTrader, ['industry', 'landResources', 'environment', 'tax', 'workSafety', 'commerce']),
    task(E.mineTrader, 'handlingPlan', 'industry', 'open', { dueAt: '2015-02-10T16:00:00Z' }),
    ...verified(E.exporter, ['industry', 'tax']),
    task(E.exporter, 'verification', 'customs', 'completed', { suspectedCrime: true }),
  ],
  supervised: [E.smelter.code],
  referrals: [
    { id: 'r-routed', fromProvince: '江西省', toProvince: '广东省', state: 'routed' },
    { id: 'r-waiting', fromProvince: '江西省', state: 'reported' },
    { id: 'r-closed', fromProvince: '江西省', state: 'closed' },
    { id: 'r-in', fromProvince: '内蒙古自治区', toProvince: '江西省', state: 'accepted' },
  ],
  tips: [{ id: 't-linked', action: 'linkToCase' }, { id: 't-added', action: 'addToCampaign' }, { id: 't-closed', action: 'close' }, { id: 't-waiting' }],
  // Designated by the coordinator from the proposals; the trader, supervised or not, is not typical until designated.
  typical: [
    { enterpriseCode: E.mine.code, reasons: [{ reason: 'offSiteInvoicing', kgReo: 12_500 }, { reason: 'transferredToPublicSecurity' }] },
    { enterpriseCode: E.smelter.code, reasons: [{ reason: 'supervised' }] },
  ],
};

const inner: ProvinceReportData = {
  campaign,
  province: '内蒙古自治区',
  enterprises: [{ code: code(7, '15'), name: '包头虚构矿业有限公司', types: ['mine'] }],
  rules: [{ ...rules({ code: code(7, '15'), name: '', types: ['mine'] }, { conditions: { mining: met, environmental: met, safety: met } }) }],
  findings: [],
  dispositions: [],
  tasks: verified({ code: code(7, '15'), name: '', types: ['mine'] }, ['industry', 'landResources', 'environment', 'tax', 'workSafety']),
  supervised: [],
  referrals: [{ id: 'r-in', fromProvince: '内蒙古自治区', toProvince: '江西省', state: 'accepted' }],
  tips: [{ id: 't-referred', action: 'refer' }],
  typical: [],
};

// ---- reading the files back -------------------------------------------------------------------

async function workbookOf(xlsx: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  return workbook;
}

/** What the cell shows: numbers in their format, the covered cells of a merge empty. */
function shown(cell: XlsxCell): string {
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return cell.numFmt === '0.000' ? value.toFixed(3) : cell.numFmt === '0.00' ? value.toFixed(2) : String(value);
  return String(value);
}

function grid(sheet: Worksheet): string[][] {
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) row.push(shown(sheet.getCell(r, c)));
    rows.push(row);
  }
  return rows;
}

function csvRows(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = parseCsv(csv.slice(1));
  if (!parsed.ok) throw new Error(`CSV does not parse at row ${parsed.row}`);
  return parsed.rows;
}

function unescapeHtml(text: string): string {
  return text.replace(/<br>/g, '\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Each sheet's section of the page: the lines above the table (附表N, title, data as of) and every table cell. */
function htmlSections(html: string): { lines: string[]; cells: string[] }[] {
  return [...html.matchAll(/<section>([\s\S]*?)<\/section>/g)].map(([, section]) => ({
    lines: [...section.matchAll(/<(h1|p)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => unescapeHtml(m[2])),
    cells: [...section.matchAll(/<(td|th)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => unescapeHtml(m[2])),
  }));
}

/** The same, from the workbook: the first `lines` rows as lines, then one text per cell no merge covers. */
function expectedSection(sheet: Worksheet, lines: number): { lines: string[]; cells: string[] } {
  const cells: string[] = [];
  for (let r = lines + 1; r <= sheet.rowCount; r++) {
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = sheet.getCell(r, c);
      if (!cell.isMerged || cell.master.address === cell.address) cells.push(shown(cell));
    }
  }
  return { lines: Array.from({ length: lines }, (_, r) => shown(sheet.getCell(r + 1, 1))), cells };
}

/** XLSX, CSV and HTML show the same grid; returns the workbook for further checks. */
async function agreeingFormats(rendered: { xlsx: Buffer; csv: string; html: string }): Promise<Workbook> {
  const workbook = await workbookOf(rendered.xlsx);
  const sheets = workbook.worksheets;
  const csv = csvRows(rendered.csv);
  const fromSheets = sheets.flatMap((s, i) => [...(i > 0 ? [['']] : []), ...grid(s)]);
  expect(csv.map((row) => (row.length === 1 && row[0] === '' ? [''] : row))).toEqual(fromSheets);
  const sections = htmlSections(rendered.html);
  expect(sections).toEqual(sheets.map((sheet, i) => expectedSection(sheet, sections[i]?.lines.length ?? 0)));
  // Above each table: 附表N for the annexes, the title, and what the data is as of.
  for (const section of sections) expect(section.lines.length).toBeGreaterThanOrEqual(2);
  return workbook;
}

const mergesOf = (sheet: Worksheet) => (sheet.model as unknown as { merges: string[] }).merges;

// ---- annex 3 ----------------------------------------------------------------------------------

const conditions = (mining: string, environmental: string, safety: string) => `采矿：${mining}；环保：${environmental}；安全生产：${safety}`;

const annex3Rows = {
  mine: ['1', E.mine.name, '是', '否', conditions('否', '是', '是'), '否', '否'],
  mineTrader: (no: string) => [no, E.mineTrader.name, '否', '否', conditions('是', '否', '是'), '否', '是'],
  smelter: (no: string) => [no, E.smelter.name, '否', '是', conditions('不适用', '待核实', '是'), '是', '否'],
  recycler: ['1', E.recycler.name, '待核实', '待核实', conditions('不适用', '待核实', '待核实'), '待核实', '待核实'],
  trader: ['1', E.trader.name, '否', '否', conditions('不适用', '不适用', '不适用'), '否', '否'],
  exporter: ['2', E.exporter.name, '否', '否', conditions('不适用', '不适用', '不适用'), '否', '否'],
};

describe('annex 3 省（区、市）企业情况核查汇总表', () => {
  test('the workbook has the form: title, headings, five groups, numbered rows, every answer', async () => {
    const rendered = await renderReport('annex3', jiangxi, { generatedAt, draft: true });
    const workbook = await agreeingFormats(rendered);
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('江西省企业情况核查汇总表');
    const g = (group: string, name: string) => [group, name, '', '', '', '', ''];
    expect(grid(sheet)).toEqual([
      ['附表3', '', '', '', '', '', ''],
      ['江西省企业情况核查汇总表（草稿 draft）', '', '', '', '', '', ''],
      ['2014年打击稀土违法违规行为专项行动　数据截至：2015年1月20日 10:00', '', '', '', '', '', ''],
      ['序号', '企业名称', '是否存在非法、超指标开采', '是否购买非法矿产品', '是否符合采矿、环保、安全生产条件（分述）', '是否存在无计划、超计划生产行为', '是否将矿产品销售给无计划企业'],
      g('一', '矿山企业'),
      annex3Rows.mine,
      annex3Rows.mineTrader('2'),
      g('二', '冶炼分离企业'),
      annex3Rows.smelter('1'),
      g('三', '回收利用企业'),
      annex3Rows.recycler,
      g('四', '贸易企业'),
      annex3Rows.trader,
      annex3Rows.mineTrader('2'),
      g('五', '出口企业'),
      annex3Rows.smelter('1'),
      annex3Rows.exporter,
      ['尚未完成的工作（相关答案标注为“待核实”）', '', '', '', '', '', ''],
      ['序号', '企业名称', '未完成任务', '', '办理期限', '', ''],
      ['1', E.recycler.name, '尚未下达核查任务', '', '', '', ''],
      ['2', E.smelter.name, '现场核查（环境保护部门）', '', '2014年11月25日（已逾期）', '', ''],
    ]);
    expect(mergesOf(sheet)).toEqual(expect.arrayContaining(['A2:G2', 'A3:G3', 'A18:G18', 'C19:D19', 'E19:G19', 'C21:D21', 'E21:G21']));
    expect(sheet.getCell('A2').font).toMatchObject({ bold: true, size: 16 });
    expect(sheet.getCell('B6').border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
    expect(sheet.getCell('A6').value).toBe(1);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' });
    expect(sheet.headerFooter.oddFooter).toContain('第 &P 页');
    expect(workbook.created.toISOString()).toBe('2015-01-20T02:00:00.000Z');
  });

  test('the JSON holds the same answers, with the credit codes', () => {
    const report = buildReport('annex3', jiangxi, options);
    expect(report.title).toBe('江西省企业情况核查汇总表');
    expect(report.groups.map((g) => [g.type, g.rows.map((r) => [r.no, r.code])])).toEqual([
      ['mine', [[1, E.mine.code], [2, E.mineTrader.code]]],
      ['smelting', [[1, E.smelter.code]]],
      ['recycling', [[1, E.recycler.code]]],
      ['trading', [[1, E.trader.code], [2, E.mineTrader.code]]],
      ['export', [[1, E.smelter.code], [2, E.exporter.code]]],
    ]);
    expect(report.groups[1].rows[0].answers).toEqual({
      illegalOrOverQuotaMining: 'no',
      boughtIllegalOre: 'yes',
      miningConditions: 'notApplicable',
      environmentalConditions: 'pending',
      safetyConditions: 'yes',
      productionWithoutOrAbovePlan: 'yes',
      soldOreToUnplanned: 'no',
    });
    expect(report.openWork).toEqual({
      notStarted: [{ code: E.recycler.code, name: E.recycler.name }],
      tasks: [expect.objectContaining({ enterpriseCode: E.smelter.code, kind: 'verification', agencyKind: 'environment', dueAt: pastDue, overdue: true })],
    });
  });

  test('an agency finding decides an answer the rules left open, and nothing guesses a 否 while the agency is still checking', () => {
    const stillChecking = { ...jiangxi, tasks: jiangxi.tasks.map((t) => (t.enterpriseCode === E.mineTrader.code && t.agencyKind === 'landResources' ? { ...t, status: 'open' as const } : t)) };
    const row = buildReport('annex3', stillChecking, options).groups[0].rows[1];
    expect(row.answers).toMatchObject({ illegalOrOverQuotaMining: 'pending', miningConditions: 'pending', environmentalConditions: 'no', soldOreToUnplanned: 'yes' });
  });
});

// ---- annex 4 ----------------------------------------------------------------------------------

const handling = {
  mine: [
    '依法没收矿产品及违法所得（国土资源管理部门）：已验收；文号：赣国土罚〔2014〕1号；没收违法所得：12345.67元；数量：12.500吨（折REO）',
    '取缔非法开采（回收）矿点（国土资源管理部门）：已落实；文号：赣国土取〔2014〕2号',
    '依国务院令第310号移送公安机关（公安部门）：已落实；文号：赣公移〔2014〕3号',
  ].join('\n'),
  smelter: [
    '立即责令停产（工业主管部门）：未完成；文号：赣工信停〔2014〕4号；未完成原因：生产线拆除未完成；新完成时限：2015年4月30日',
    '予以处罚（罚款）（工业主管部门）：已落实；文号：赣工信罚〔2014〕5号；罚款：500000.00元',
    '减少下一年度计划（工业主管部门）：待落实；完成时限：2015年1月31日',
  ].join('\n'),
  trader: '补缴增值税并缴纳滞纳金及罚款（税务部门）：已验收；文号：洪税追〔2014〕6号；罚款：3000.00元；追缴税款：20000.00元；滞纳金：1000.00元',
  exporter: '依国务院令第310号移送公安机关（公安部门）：待落实；完成时限：2015年2月28日',
};

describe('annex 4 省（区、市）核查整顿情况汇总表', () => {
  test('violating enterprises under each of their groups, violations in words, every measure with its result', async () => {
    const rendered = await renderReport('annex4', jiangxi, options);
    const sheet = (await agreeingFormats(rendered)).worksheets[0];
    expect(sheet.name).toBe('江西省核查整顿情况汇总表');
    const g = (group: string, name: string) => [group, name, '', ''];
    const mineTrader = (no: string) => [no, E.mineTrader.name, '无环评批复文件、将矿产品销售给无计划企业', handlingResultLabels.noPlanYet.zh];
    const smelter = ['1', E.smelter.name, '超计划生产、收购非法稀土矿产品', handling.smelter];
    expect(grid(sheet)).toEqual([
      ['附表4', '', '', ''],
      ['江西省核查整顿情况汇总表', '', '', ''],
      ['2014年打击稀土违法违规行为专项行动　数据截至：2015年1月20日 10:00', '', '', ''],
      ['序号', '违法违规企业', '违法违规行为', '处理结果'],
      g('一', '矿山企业'),
      ['1', E.mine.name, '非法盗采、无有效采矿许可证', handling.mine],
      mineTrader('2'),
      g('二', '冶炼分离企业'),
      smelter,
      g('三', '回收利用企业'),
      g('四', '贸易企业'),
      ['1', E.trader.name, '未缴纳增值税', handling.trader],
      mineTrader('2'),
      g('五', '出口企业'),
      smelter,
      ['2', E.exporter.name, '走私、涉嫌犯罪', handling.exporter],
      ['尚未完成的工作（相关答案标注为“待核实”）', '', '', ''],
      ['序号', '企业名称', '未完成任务', '办理期限'],
      ['1', E.smelter.name, '落实整改措施（工业主管部门）', '2015年1月31日'],
      ['2', E.mineTrader.name, `${taskKindLabels.handlingPlan.zh}（${agencyLabels.industry.zh}）`, '2015年2月10日'],
    ]);
    expect(sheet.getCell('D6').alignment).toMatchObject({ wrapText: true });
    // Excel does not grow rows on opening: three measures need three lines.
    expect(sheet.getRow(6).height).toBeGreaterThanOrEqual(3 * 14);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '4:4' });

    const json = JSON.parse(rendered.json) as ReturnType<typeof buildReport<'annex4'>>;
    expect(json.groups[0].rows[0]).toMatchObject({ code: E.mine.code, violations: ['illegalMining', 'noMiningLicence'] });
    expect(json.groups[0].rows[0].measures.map((m) => [m.disposition, m.status])).toEqual([
      ['confiscateProductsAndGains', 'accepted'],
      ['closeIllegalSite', 'done'],
      ['transferToPublicSecurity', 'done'],
    ]);
    expect(json.groups[0].rows[0].measures[0].amounts).toEqual({ confiscatedFen: 1_234_567, tonnesKg: 12_500 });
  });
});

// ---- handling plans ---------------------------------------------------------------------------

describe('handling plans 处理方案', () => {
  test('one plan per problem enterprise, its measures with agency, deadline and status; proposals where no plan is in', async () => {
    const rendered = await renderReport('handlingPlans', jiangxi, options);
    const sheet = (await agreeingFormats(rendered)).worksheets[0];
    const rows = grid(sheet);
    expect(rows[0]).toEqual([`江西省${handlingPlanLabels.title.zh}`, '', '', '', '', '', '', '']);
    expect(rows[2]).toEqual(['序号', '企业名称', '企业类型', '违法违规行为', '处理措施', '承办部门', '完成时限', '落实情况']);
    expect(rows.slice(3, 12)).toEqual([
      ['1', E.mine.name, '矿山', '非法盗采、无有效采矿许可证', '依法没收矿产品及违法所得', '国土资源管理部门', '2015年1月15日', '已验收'],
      ['', '', '', '', '取缔非法开采（回收）矿点', '国土资源管理部门', '2014年12月31日', '已落实'],
      ['', '', '', '', '依国务院令第310号移送公安机关', '公安部门', '2014年12月20日', '已落实'],
      ['2', E.mineTrader.name, '矿山、贸易', '无环评批复文件、将矿产品销售给无计划企业', '责令停产整改', '环境保护部门', '', dispositionStatusLabels.proposed.zh],
      ['', '', '', '', '予以处罚（罚款）', '工业主管部门', '', dispositionStatusLabels.proposed.zh],
      ['3', E.smelter.name, '冶炼分离、出口', '超计划生产、收购非法稀土矿产品', '立即责令停产', '工业主管部门', '2015年1月10日', '未完成'],
      ['', '', '', '', '予以处罚（罚款）', '工业主管部门', '2015年1月10日', '已落实'],
      ['', '', '', '', '减少下一年度计划', '工业主管部门', '2015年1月31日', '待落实'],
      ['4', E.trader.name, '贸易', '未缴纳增值税', '补缴增值税并缴纳滞纳金及罚款', '税务部门', '2014年12月31日', '已验收'],
    ]);
    expect(mergesOf(sheet)).toEqual(expect.arrayContaining(['A4:A6', 'B4:B6', 'D4:D6', 'A7:A8']));
    const json = JSON.parse(rendered.json) as ReturnType<typeof buildReport<'handlingPlans'>>;
    expect(json.enterprises.map((e) => [e.code, e.planSubmitted])).toEqual([
      [E.mine.code, true],
      [E.mineTrader.code, false],
      [E.smelter.code, true],
      [E.trader.code, true],
      [E.exporter.code, true],
    ]);
  });
});

// ---- summary and national roll-up -------------------------------------------------------------

describe('summary report 验收总结 and the national roll-up', () => {
  test('the province figures, from integers', () => {
    const { figures, typicalCases, unfinished, title } = buildReport('summary', jiangxi, options);
    expect(title).toBe('江西省专项行动总结报告');
    expect(figures.enterprises).toEqual({
      mine: { listed: 2, verified: 2, withProblems: 2 },
      smelting: { listed: 1, verified: 0, withProblems: 1 },
      recycling: { listed: 1, verified: 0, withProblems: 0 },
      trading: { listed: 2, verified: 2, withProblems: 2 },
      export: { listed: 2, verified: 1, withProblems: 2 },
      all: { listed: 6, verified: 4, withProblems: 5 },
    });
    expect(figures.violations).toEqual({
      illegalMining: 1,
      noMiningLicence: 1,
      productionAbovePlan: 1,
      noEiaApproval: 1,
      boughtIllegalOre: 1,
      soldToUnplanned: 1,
      unpaidVat: 1,
      smuggling: 1,
      suspectedCrime: 1,
    });
    expect(figures.measures).toEqual({
      stopProduction: { inPlans: 1, carriedOut: 0, accepted: 0, unfinished: 1 },
      confiscateProductsAndGains: { inPlans: 1, carriedOut: 1, accepted: 1, unfinished: 0 },
      fine: { inPlans: 1, carriedOut: 1, accepted: 0, unfinished: 0 },
      recoverVat: { inPlans: 1, carriedOut: 1, accepted: 1, unfinished: 0 },
      reduceNextYearPlan: { inPlans: 1, carriedOut: 0, accepted: 0, unfinished: 0 },
      closeIllegalSite: { inPlans: 1, carriedOut: 1, accepted: 0, unfinished: 0 },
      transferToPublicSecurity: { inPlans: 2, carriedOut: 1, accepted: 0, unfinished: 0 },
    });
    expect(figures.amounts).toEqual({
      confiscatedFen: 1_234_567,
      fineFen: 50_300_000,
      recoveredFen: 2_100_000,
      confiscatedKg: 12_500,
      planCutKg: 0,
      illegalGainsFoundFen: 5_800_000,
      unpaidTaxFoundFen: 2_000_000,
    });
    expect(figures.enforcement).toEqual({
      productionStopped: 0,
      sitesClosed: 1,
      casesOpened: 0,
      transferredToPublicSecurity: 1,
      referredToDisciplineInspection: 1,
      supervised: 1,
      typical: 2,
    });
    expect(figures.unfinishedMeasures).toBe(1);
    expect(figures.tasksByAgency).toEqual({ industry: { open: 2, overdue: 0 }, environment: { open: 1, overdue: 1 } });
    // 江西 reported three (one routed, one closed, one waiting) and accepted one routed to it.
    expect(figures.referrals).toEqual({ reported: 3, routed: 1, closed: 1, awaitingRouting: 1, received: 1, accepted: 1, awaitingAcceptance: 0 });
    expect(figures.tips).toEqual({ received: 4, linkToCase: 1, addToCampaign: 1, refer: 0, close: 1, awaitingTriage: 1 });
    expect(typicalCases.map((c) => [c.code, c.reasons.map((r) => r.reason)])).toEqual([
      [E.mine.code, ['offSiteInvoicing', 'transferredToPublicSecurity']],
      [E.smelter.code, ['supervised']],
    ]);
    expect(unfinished).toEqual([
      {
        province: '江西省',
        code: E.smelter.code,
        name: E.smelter.name,
        disposition: 'stopProduction',
        agencyKind: 'industry',
        dueDate: '2015-01-10',
        unfinishedReason: '生产线拆除未完成',
        newCompletionDate: '2015-04-30',
      },
    ]);
  });

  test('the summary page shows the sections with yuan and tonnes in fixed decimals', async () => {
    const rendered = await renderReport('summary', jiangxi, options);
    const sheet = (await agreeingFormats(rendered)).worksheets[0];
    const rows = grid(sheet);
    const line = (first: string) => rows.find((r) => r[1] === first || r[0] === first);
    expect(rows[0][0]).toBe('江西省专项行动总结报告');
    for (const section of ['一、核查企业情况', '二、发现的违法违规行为', '三、处理措施落实情况', '四、罚没及追缴情况', '五、查处情况', '六、挂牌督办及典型案件', '七、未完成整改的原因及完成时限', '八、逾期未办任务（按部门）', '九、跨省线索移交及举报线索办理情况']) {
      expect(rows.some((r) => r[0] === section)).toBe(true);
    }
    expect(line('合计（兼营企业不重复计）')).toEqual(['合计（兼营企业不重复计）', '', '6', '', '4', '5']);
    expect(line('没收违法所得')).toEqual(['1', '没收违法所得', '', '12345.67', '', '']);
    expect(line('罚款')).toEqual(['2', '罚款', '', '503000.00', '', '']);
    expect(line('追缴税费')).toEqual(['3', '追缴税费', '', '21000.00', '', '']);
    expect(line('没收稀土产品')).toEqual(['4', '没收稀土产品', '', '', '', '12.500']);
    expect(line('移送公安机关')).toEqual(['4', '移送公安机关', '', '1', '', '']);
    expect(line('典型案件')).toEqual(['7', '典型案件', '', '2', '', '']);
    expect(line('报工业和信息化部的跨省线索')).toEqual(['1', '报工业和信息化部的跨省线索', '', '3', '', '']);
    expect(line('收到转办的外省线索')).toEqual(['5', '收到转办的外省线索', '', '1', '', '']);
    expect(line('收到举报线索')).toEqual(['8', '收到举报线索', '', '4', '', '']);
    expect(line('其中：待分办')).toEqual(['13', '其中：待分办', '', '1', '', '']);
    expect(rows).toContainEqual(['1', E.mine.name, '非法盗采、无有效采矿许可证', '本省异地开票数量最大（12.500吨（折REO））；移送公安机关', '', '拟通报']);
    expect(rows).toContainEqual(['1', E.smelter.name, '立即责令停产（工业主管部门）', '生产线拆除未完成', '', '2015年4月30日']);
    expect(rows).toContainEqual(['2', '环境保护部门', '', '1', '', '1']);
    const confiscated = sheet.getCell(rows.findIndex((r) => r[1] === '没收违法所得') + 1, 4);
    expect(confiscated).toMatchObject({ value: 12345.67, numFmt: '0.00' });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  test('the national roll-up adds the provinces exactly and lists each province once', async () => {
    const national = { campaign, provinces: [jiangxi, inner] };
    const report = buildReport('nationalSummary', national, options);
    expect(report.title).toBe('全国专项行动总结报告（汇总）');
    expect(report.provinces.map((p) => p.province)).toEqual(['内蒙古自治区', '江西省']);
    expect(report.totals.enterprises.all).toEqual({ listed: 7, verified: 5, withProblems: 5 });
    expect(report.totals.enterprises.mine).toEqual({ listed: 3, verified: 3, withProblems: 2 });
    expect(report.totals.amounts).toEqual(buildReport('summary', jiangxi, options).figures.amounts);
    expect(report.typicalCases.map((c) => [c.province, c.code])).toEqual([
      ['江西省', E.mine.code],
      ['江西省', E.smelter.code],
    ]);

    const rendered = await renderReport('nationalSummary', national, options);
    const workbook = await agreeingFormats(rendered);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['分省汇总', '全国汇总']);
    const byProvince = grid(workbook.worksheets[0]);
    expect(byProvince[2]).toEqual([
      '省（区、市）',
      '列入核查企业',
      '已完成核查',
      '存在问题企业',
      '没收违法所得（元）',
      '罚款（元）',
      '追缴税费（元）',
      '责令停产企业',
      '立案查处',
      '移送公安机关',
      '提交纪检监察部门处理',
      '挂牌督办案件',
      '典型案件',
      '未完成整改措施',
      '逾期任务',
      '跨省线索',
      '举报线索',
    ]);
    expect(byProvince.slice(3)).toEqual([
      ['内蒙古自治区', '1', '1', '0', '0.00', '0.00', '0.00', '0', '0', '0', '0', '0', '0', '0', '0', '1', '1'],
      ['江西省', '6', '4', '5', '12345.67', '503000.00', '21000.00', '0', '0', '1', '1', '1', '2', '1', '1', '3', '4'],
      ['合计', '7', '5', '5', '12345.67', '503000.00', '21000.00', '0', '0', '1', '1', '1', '2', '1', '1', '4', '5'],
    ]);
    // A referral from 内蒙古 accepted in 江西 counts once as reported and once as received.
    expect(report.totals.referrals).toEqual({ reported: 4, routed: 2, closed: 1, awaitingRouting: 1, received: 1, accepted: 1, awaitingAcceptance: 0 });
    expect(report.totals.tips).toEqual({ received: 5, linkToCase: 1, addToCampaign: 1, refer: 1, close: 1, awaitingTriage: 1 });
    // The national list names each enterprise's province.
    expect(grid(workbook.worksheets[1])).toContainEqual(['1', `${E.mine.name}（江西省）`, '非法盗采、无有效采矿许可证', '本省异地开票数量最大（12.500吨（折REO））；移送公安机关', '', '拟通报']);
  });
});

// ---- annex 2 ----------------------------------------------------------------------------------

const ore = { product: '离子型稀土矿', category: 'mineral' as const };
const oxide = { product: '氧化镨钕', category: 'smelted' as const };
const line = (e: ReportEnterprise, month: string, fields: Partial<LedgerMonth>): LedgerMonth => ({
  enterpriseCode: e.code,
  month,
  ...ore,
  productionKgReo: 0,
  exportKgReo: 0,
  purchaseKgReo: 0,
  salesKgReo: 0,
  ...fields,
});
const basic = (e: ReportEnterprise) => ({
  code: e.code,
  name: e.name,
  address: '江西省赣州市虚构路1号',
  legalRepresentative: '张某',
  phone: '0797-0000001',
  contact: '李某某',
  contactTitle: '办公室主任',
  mobile: '10000000001',
  province: '江西省',
  types: e.types as [ReportEnterprise['types'][number], ...ReportEnterprise['types']],
});

const annex2Data: Annex2Data = {
  campaign,
  province: '江西省',
  dossiers: [
    {
      enterprise: basic(E.smelter),
      miningLicences: [],
      eiaApprovals: [{ enterpriseCode: E.smelter.code, authority: '江西省环境保护厅', documentNo: '赣环审〔2010〕7号', issuedOn: '2010-05-01' }],
      safetyFilings: [],
      ledger: [
        line(E.smelter, '2013-06', { ...oxide, salesKgReo: 65_000, customer: { name: '上海虚构贸易公司' } }),
        line(E.smelter, '2013-06', { ...oxide, exportKgReo: 30_000 }),
        line(E.smelter, '2013-06', { ...oxide, productionKgReo: 95_000 }),
        line(E.smelter, '2013-06', { purchaseKgReo: 100_000, supplier: { code: E.mine.code, name: E.mine.name } }),
      ],
    },
    {
      enterprise: basic(E.mine),
      miningLicences: [{ number: 'C3600002011', holderCode: E.mine.code, area: '虚构矿区', validFrom: '2011-01-01', validTo: '2015-12-31', annualQuotaKgReo: 1_500_000 }],
      eiaApprovals: [{ enterpriseCode: E.mine.code, authority: '江西省环境保护厅', documentNo: '赣环审〔2011〕1号', issuedOn: '2011-03-01' }],
      safetyFilings: [{ enterpriseCode: E.mine.code, authority: '江西省安全生产监督管理局', documentNo: '赣安监备〔2011〕2号', issuedOn: '2011-04-01' }],
      ledger: [
        line(E.mine, '2014-08', { productionKgReo: 999_000 }),
        line(E.mine, '2013-06', { salesKgReo: 100_000, customer: { code: E.smelter.code, name: E.smelter.name } }),
        line(E.mine, '2014-07', { planKgReo: 150_000, productionKgReo: 1_234 }),
        line(E.mine, '2013-06', { productionKgReo: 120_500 }),
      ],
    },
  ],
};

describe('annex 2 企业基本情况核查表', () => {
  test('one sheet per enterprise, named by credit code: the basic block, then every month of the window, mineral and smelted apart', async () => {
    const rendered = await renderReport('annex2', annex2Data, options);
    const workbook = await agreeingFormats(rendered);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([E.mine.code, E.smelter.code]);
    const sheet = workbook.worksheets[0];
    const rows = grid(sheet);
    const blank = Array<string>(13).fill('');
    const fill = (cells: Record<number, string>) => blank.map((_, i) => cells[i] ?? '');
    expect(rows.slice(0, 14)).toEqual([
      fill({ 0: '附表2' }),
      fill({ 0: '企业基本情况核查表' }),
      fill({ 0: '2014年打击稀土违法违规行为专项行动　数据截至：2015年1月20日 10:00' }),
      fill({ 0: '企业名称', 2: E.mine.name }),
      fill({ 0: '企业地址', 2: '江西省赣州市虚构路1号' }),
      fill({ 0: '企业法人', 2: '张某', 6: '电话', 8: '0797-0000001' }),
      fill({ 0: '联系人', 2: '李某某', 5: '职务', 7: '办公室主任', 9: '手机', 10: '10000000001' }),
      fill({ 0: '企业类型', 2: '☑ 矿山　　□ 冶炼分离　　□ 回收利用　　□ 贸易　　□ 出口' }),
      fill({ 0: '采矿许可证号', 2: 'C3600002011' }),
      fill({ 0: '环评批复部门及文号', 2: '江西省环境保护厅 赣环审〔2011〕1号' }),
      fill({ 0: '安全备案或验收部门及文号', 2: '江西省安全生产监督管理局 赣安监备〔2011〕2号' }),
      fill({ 0: '生产、销售、出口等情况表（折REO，吨）' }),
      fill({ 0: '月份', 1: '品名', 2: '计划量（矿山/冶炼分离）', 4: '生产量（矿山/冶炼分离）', 6: '出口量（贸易企业）', 7: '采购量（冶炼分离/贸易企业）', 9: '原料供应单位', 10: '销售量', 12: '销售客户' }),
      fill({ 2: '矿产品', 3: '冶炼分离产品', 4: '矿产品', 5: '冶炼分离产品', 7: '矿产品', 8: '冶炼分离产品', 10: '矿产品', 11: '冶炼分离产品' }),
    ]);
    // Fourteen months 2013年6月 … 2014年7月; the month outside the window is left out.
    expect(rows.slice(14)).toEqual([
      fill({ 0: '2013年6月', 1: '离子型稀土矿', 4: '120.500' }),
      fill({ 1: '离子型稀土矿', 10: '100.000', 12: E.smelter.name }),
      ...['2013年7月', '2013年8月', '2013年9月', '2013年10月', '2013年11月', '2013年12月', '2014年1月', '2014年2月', '2014年3月', '2014年4月', '2014年5月', '2014年6月'].map((m) => fill({ 0: m })),
      fill({ 0: '2014年7月', 1: '离子型稀土矿', 2: '150.000', 4: '1.234' }),
      fill({ 0: '合计', 2: '150.000', 3: '0.000', 4: '121.734', 5: '0.000', 6: '0.000', 7: '0.000', 8: '0.000', 10: '100.000', 11: '0.000' }),
      fill({ 0: '注：计划量、生产量、采购量、销售量均按矿产品、冶炼分离产品分别填写' }),
    ]);
    expect(mergesOf(sheet)).toEqual(expect.arrayContaining(['A4:B4', 'C4:M4', 'C6:F6', 'A13:A14', 'C13:D13', 'G13:G14', 'A15:A16', 'A30:B30', 'A31:M31']));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 14 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '13:14' });
    expect(sheet.getCell('E15')).toMatchObject({ value: 120.5, numFmt: '0.000' });

    const smelter = grid(workbook.worksheets[1]);
    expect(smelter.slice(14, 18)).toEqual([
      fill({ 0: '2013年6月', 1: '离子型稀土矿', 7: '100.000', 9: E.mine.name }),
      fill({ 1: '氧化镨钕', 5: '95.000' }),
      fill({ 1: '氧化镨钕', 6: '30.000' }),
      fill({ 1: '氧化镨钕', 11: '65.000', 12: '上海虚构贸易公司' }),
    ]);
  });

  test('the single-enterprise form is the same sheet alone', async () => {
    const one = await renderReport('annex2', singleEnterprise(annex2Data, E.smelter.code), options);
    const workbook = await workbookOf(one.xlsx);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([E.smelter.code]);
    expect(() => singleEnterprise(annex2Data, E.trader.code)).toThrow(/not in the annex 2 data/);
  });
});

// ---- every format, every report ---------------------------------------------------------------

const national: NationalReportData = { campaign, provinces: [jiangxi, inner] };

describe('every report', () => {
  const all = [
    ['annex2', annex2Data],
    ['annex3', jiangxi],
    ['handlingPlans', jiangxi],
    ['annex4', jiangxi],
    ['summary', jiangxi],
    ['nationalSummary', national],
  ] as const;

  test.each(all)('%s: drafts say so, the page is A4 landscape and escaped, the JSON carries the header', async (kind, data) => {
    const rendered = await renderReport(kind, data as never, { generatedAt, draft: true });
    expect(rendered.title).toMatch(/（草稿 draft）$/);
    expect(rendered.html).toContain('@page { size: A4 landscape;');
    expect(rendered.html).toContain(`<title>${rendered.title}</title>`);
    expect(rendered.html).not.toMatch(/<script|<出口>|src=|href=/);
    if (kind === 'annex3' || kind === 'annex4' || kind === 'handlingPlans') expect(rendered.html).toContain('虚构&lt;出口&gt;&amp;&quot;贸易&quot;公司');
    const json = JSON.parse(rendered.json) as { kind: string; draft: boolean; generatedAt: string; campaign: { id: string } };
    expect(json).toMatchObject({ kind, draft: true, generatedAt, campaign: { id: 'c2014' } });
    const workbook = await workbookOf(rendered.xlsx);
    expect(grid(workbook.worksheets[0]).flat()).toContain(rendered.title);
    // Every printed page (and the PDF printed from it) names the province and numbers the page.
    for (const sheet of workbook.worksheets) {
      expect(sheet.headerFooter.oddHeader).toBe(`&L${kind === 'nationalSummary' ? '全国' : '江西省'}&R${rendered.title}`);
      expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
    }
  });

  /** The same content in another order: what a different query plan or import order would give. */
  function reordered(data: Annex2Data | ProvinceReportData | NationalReportData): Annex2Data | ProvinceReportData | NationalReportData {
    if ('dossiers' in data) return { ...data, dossiers: [...data.dossiers].reverse().map((d) => ({ ...d, ledger: [...d.ledger].reverse() })) };
    if ('provinces' in data) return { ...data, provinces: [...data.provinces].reverse() };
    return { ...data, enterprises: [...data.enterprises].reverse(), tasks: [...data.tasks].reverse(), dispositions: [...data.dispositions].reverse(), findings: [...data.findings].reverse() };
  }

  test('the same data and generatedAt give byte-identical files, whatever the input order and the clock', async () => {
    const render = (reorder: boolean) => Promise.all(all.map(([kind, data]) => renderReport(kind, (reorder ? reordered(data) : data) as never, options)));
    const first = await render(false);
    // The zip's DOS timestamps have two-second resolution: a stamp from the clock would now differ.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const second = await render(true);
    second.forEach((r, i) => {
      expect({ kind: all[i][0], xlsx: r.xlsx.equals(first[i].xlsx), csv: r.csv === first[i].csv, json: r.json === first[i].json, html: r.html === first[i].html }).toEqual({
        kind: all[i][0],
        xlsx: true,
        csv: true,
        json: true,
        html: true,
      });
    });
  });
});

// ---- outside exceljs --------------------------------------------------------------------------

describe('LibreOffice opens the workbooks', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reports-lo-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(['annex3', 'annex4'] as const)('%s converted to CSV by LibreOffice headless reads as our own CSV: Chinese text and figures intact', async (kind) => {
    // Fails (does not skip) with the routes tried when LibreOffice cannot be found or installed.
    const soffice = await findOrInstallLibreOffice();
    const rendered = await renderReport(kind, jiangxi, options);
    const file = path.join(dir, `${kind}.xlsx`);
    fs.writeFileSync(file, rendered.xlsx);
    const converted = fs.readFileSync(await convertWithLibreOffice(file, 'csv', { outDir: dir, soffice }), 'utf8').replace(/^\uFEFF/, '');
    const parsed = parseCsv(converted);
    if (!parsed.ok) throw new Error(`LibreOffice's CSV does not parse at row ${parsed.row}`);
    expect(parsed.rows).toEqual(csvRows(rendered.csv));
    const text = converted;
    expect(text).toContain(kind === 'annex3' ? '江西省企业情况核查汇总表' : '江西省核查整顿情况汇总表');
    expect(text).toContain('虚构<出口>&""贸易""公司');
    if (kind === 'annex3') expect(text).toContain('采矿：不适用；环保：待核实；安全生产：是');
    else expect(text).toContain('没收违法所得：12345.67元；数量：12.500吨（折REO）');
  });
});

describe('CSV cells a spreadsheet would evaluate (OWASP CSV injection)', () => {
  const sheet = (cells: Cell[]): Sheet => ({ name: 's', columns: cells.map(() => ({ width: 10 })), rows: [{ kind: 'data', cells }], merges: [], frozenRows: 0 });
  const rowOf = (cells: Cell[]) => csvRows(writeCsv([sheet(cells)]))[0];

  test('text starting with = + - @ tab or CR gets an apostrophe, and reads the same otherwise', () => {
    const texts = ['=HYPERLINK("http://evil.example","点我")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3+cmd', '\tTAB', '\rCR', '-5'];
    expect(rowOf(texts)).toEqual(texts.map((t) => `'${t}`));
    expect(rowOf([{ label: '=1+1' }])).toEqual(["'=1+1"]);
    // Text with such a character further in is left alone.
    expect(rowOf(['赣州-1号矿', 'a=b', '1+1'])).toEqual(['赣州-1号矿', 'a=b', '1+1']);
  });

  test('figures the reports compute stay numbers, negative ones too', () => {
    expect(rowOf([{ fen: -12_345 }, { kg: -1_500 }, { count: -3 }, { count: 7 }])).toEqual(['-123.45', '-1.500', '-3', '7']);
  });
});

describe('dates in campaign time', () => {
  // A campaign started at wall 2026-12-01T00:00Z on a clock of 1 campaign day per second.
  const started = Date.parse('2026-12-01T00:00:00Z');
  const clock = campaignTimeBase(calendar2014, started, { kind: 'scaled', daysPerSecond: 1 });
  const at = (seconds: number) => new Date(started + seconds * 1_000).toISOString();

  test('a wall instant maps onto the calendar: the start is 2014-10-10 00:00 Beijing, ten seconds later ten days on', () => {
    expect(campaignInstant(clock, at(0))).toBe('2014-10-09T16:00:00.000Z');
    expect(campaignInstant(clock, at(10))).toBe('2014-10-19T16:00:00.000Z');
    // Past the end the clock keeps its rate.
    expect(campaignInstant(clock, at(200))).toBe('2015-04-27T16:00:00.000Z');
    // Without a clock, campaign time is wall time, to the minute.
    expect(campaignInstant(undefined, at(70))).toBe(at(60));
  });

  test('the report says as of the campaign date, and open tasks are due on campaign days', async () => {
    const due = { ...jiangxi, tasks: jiangxi.tasks.map((t) => ({ ...t, status: 'open' as const, dueAt: at(30) })) };
    const rendered = await renderReport('annex3', due, { generatedAt: at(10), draft: true, clock });
    const model = JSON.parse(rendered.json) as { generatedAt: string; asOf: string; openWork: { tasks: { dueOn: string }[] } };
    expect(model).toMatchObject({ generatedAt: at(10), asOf: '2014-10-19T16:00:00.000Z' });
    expect(model.openWork.tasks.every((t) => t.dueOn === '2014-11-08')).toBe(true);
    expect(rendered.csv).toContain('数据截至：2014年10月20日 00:00');
    expect(rendered.csv).toContain('2014年11月8日');
    expect(rendered.csv).not.toContain('2026年');
  });
});
