/**
 * The words people read, beside the catalogue (domain/catalogue/), which names the violations,
 * measures and escalation steps with its facts. Here: the official labels of the campaign plan
 * (打击稀土违法违规行为专项行动方案 and its annexes) and the words of reports, emails, task titles
 * and the Web UI around them. Code uses the English keys; anything shown to officials looks the
 * label up here or in the catalogue, so the wording stays exactly that of the original.
 */

import type { TypicalReasonCode } from '../catalogue/typical';

export { signInLabels, staffRoleLabels, taskKindLabels } from './inbox';

export const agencyLabels = {
  industry: { zh: '工业主管部门', en: 'Industry department (lead)' },
  landResources: { zh: '国土资源管理部门', en: 'Land & resources' },
  environment: { zh: '环境保护部门', en: 'Environmental protection' },
  tax: { zh: '税务部门', en: 'Tax' },
  customs: { zh: '海关', en: 'Customs' },
  commerce: { zh: '工商部门', en: 'Commerce / industry & commerce administration' },
  publicSecurity: { zh: '公安部门', en: 'Public security' },
  workSafety: { zh: '安监部门', en: 'Work safety' },
  miit: { zh: '工业和信息化部', en: 'Ministry of Industry and Information Technology (MIIT)' },
  disciplineInspection: { zh: '纪检监察部门', en: 'Discipline inspection / supervision' },
  coordinationMechanism: { zh: '稀有金属部际协调机制', en: 'Rare-metals inter-ministerial coordination mechanism' },
} as const;

export const enterpriseTypeLabels = {
  mine: { zh: '矿山', en: 'Mine' },
  smelting: { zh: '冶炼分离', en: 'Smelting/separation' },
  recycling: { zh: '回收利用', en: 'Recycling' },
  trading: { zh: '贸易', en: 'Trading' },
  export: { zh: '出口', en: 'Export' },
} as const;

export const phaseLabels = {
  selfInspection: { zh: '自查阶段', en: 'Self-inspection' },
  rectification: { zh: '整改阶段', en: 'Rectification' },
  acceptance: { zh: '验收总结', en: 'Acceptance & summary' },
  closed: { zh: '已结束', en: 'Closed' },
} as const;

export const formLabels = {
  annex1: { zh: '需核查的企业名单', en: 'Annex 1: enterprises to check' },
  annex2: { zh: '企业基本情况核查表', en: 'Annex 2: enterprise basic-information check form' },
  annex3: { zh: '省（区、市）企业情况核查汇总表', en: 'Annex 3: provincial enterprise check summary' },
  annex4: { zh: '省（区、市）核查整顿情况汇总表', en: 'Annex 4: provincial check and rectification summary' },
  summary: { zh: '专项行动总结报告', en: 'Campaign summary report' },
  // Section 二 asks at self-inspection for a 处理方案 for each problem enterprise (对存在问题的企业提出
  // 处理方案); acceptance checks the work against it, there calling it 整改方案. One document, one name.
  handlingPlans: { zh: '处理方案', en: 'Handling plans' },
} as const;

export type Label = { readonly zh: string; readonly en: string };

/** "中文 English", the bilingual form used in emails, logs meant for officials, and the inbox. */
export function bilingual(label: Label): string {
  return `${label.zh} ${label.en}`;
}

/** Annex 2's note: every quantity is reported separately for mineral products and for smelted/separated products. */
export const productCategoryLabels = {
  mineral: { zh: '矿产品', en: 'Mineral products' },
  smelted: { zh: '冶炼分离产品', en: 'Smelted/separated products' },
} as const;

/** The papers annex 2 asks for, as annex 3's third column states them separately. */
export const permitLabels = {
  miningLicence: { zh: '采矿许可证', en: 'Mining licence' },
  eiaApproval: { zh: '环评批复', en: 'EIA approval' },
  safetyFiling: { zh: '安全备案或验收', en: 'Safety filing or acceptance' },
  recoveryApproval: { zh: '回收利用项目审批', en: 'Approval of the by-product recovery project' },
} as const;

/** Annex 3's five questions (省（区、市）企业情况核查汇总表 column headings). */
export const annex3QuestionLabels = {
  illegalOrOverQuotaMining: { zh: '是否存在非法、超指标开采', en: 'Illegal or over-quota mining?' },
  boughtIllegalOre: { zh: '是否购买非法矿产品', en: 'Bought illegal mineral products?' },
  conditions: { zh: '是否符合采矿、环保、安全生产条件（分述）', en: 'Meets mining, environmental and safety conditions (stated separately)?' },
  productionWithoutOrAbovePlan: { zh: '是否存在无计划、超计划生产行为', en: 'Production without a plan or above the plan?' },
  soldOreToUnplanned: { zh: '是否将矿产品销售给无计划企业', en: 'Sold mineral products to enterprises without a plan?' },
} as const;

/**
 * Annex 2's fields (企业基本情况核查表) as the form words them. The monthly table's second column
 * (生产量（矿山/冶炼离）出口量（贸易企业）) holds two quantities the records keep apart, so it is split
 * in two here, and the original's slip 冶炼离 is written 冶炼分离 as in the column before it. The
 * notes 按品名详列 etc. are left out: one line per product and partner makes them true by construction.
 */
export const annex2FieldLabels = {
  name: { zh: '企业名称', en: 'Enterprise name' },
  address: { zh: '企业地址', en: 'Address' },
  legalRepresentative: { zh: '企业法人', en: 'Legal representative' },
  phone: { zh: '电话', en: 'Phone' },
  contact: { zh: '联系人', en: 'Contact person' },
  contactTitle: { zh: '职务', en: 'Title' },
  mobile: { zh: '手机', en: 'Mobile' },
  types: { zh: '企业类型', en: 'Enterprise type' },
  miningLicenceNo: { zh: '采矿许可证号', en: 'Mining licence no.' },
  monthlyTable: { zh: '生产、销售、出口等情况表（折REO，吨）', en: 'Production, sales and exports (t REO)' },
  month: { zh: '月份', en: 'Month' },
  plan: { zh: '计划量（矿山/冶炼分离）', en: 'Plan (mines, smelting/separation)' },
  production: { zh: '生产量（矿山/冶炼分离）', en: 'Production (mines, smelting/separation)' },
  export: { zh: '出口量（贸易企业）', en: 'Exports (trading enterprises)' },
  purchase: { zh: '采购量（冶炼分离/贸易企业）', en: 'Purchases (smelting/separation, trading)' },
  supplier: { zh: '原料供应单位', en: 'Raw-material supplier' },
  sales: { zh: '销售量', en: 'Sales' },
  customer: { zh: '销售客户', en: 'Customer' },
} as const;

// ---------------------------------------------------------------------------------------------
// The MIIT phase reports (reports/). Annexes 2 to 4 keep the plan's own headings (tables above);
// the handling plans and the summary report have no form in the plan, so their words follow its
// text: section 一 for measures and amounts, section 二 for acceptance, section 三 for accountability.
// ---------------------------------------------------------------------------------------------

/** The blank the provincial forms leave for the province's name (省（区、市）企业情况核查汇总表). */
export const provincePlaceholder = { zh: '省（区、市）', en: 'Province' } as const;

/** Words every report uses around its tables. */
export const reportLabels = {
  annexMark: { zh: '附表', en: 'Annex' },
  draft: { zh: '草稿', en: 'draft' },
  asOf: { zh: '数据截至', en: 'Data as of' },
  serialNo: { zh: '序号', en: 'No.' },
  creditCode: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  total: { zh: '合计', en: 'Total' },
  national: { zh: '全国', en: 'National' },
  none: { zh: '无', en: 'None' },
  pageFooter: { zh: '第 &P 页，共 &N 页', en: 'Page &P of &N' },
} as const;

/** Full-width punctuation reports, emails, titles and timelines join words with, as Chinese documents do. */
export const reportPunctuation = { list: '；', enumeration: '、', colon: '：', comma: '，', range: '～', open: '（', close: '）', bracketOpen: '【', bracketClose: '】', space: '　' } as const;

export const dateWords = { year: '年', month: '月', day: '日' } as const;

/** Annexes 3 and 4 group enterprises under the five types, numbered as the forms number them. */
export const enterpriseGroupLabels = {
  mine: { numeral: '一', zh: '矿山企业', en: 'Mines' },
  smelting: { numeral: '二', zh: '冶炼分离企业', en: 'Smelting/separation enterprises' },
  recycling: { numeral: '三', zh: '回收利用企业', en: 'Recycling enterprises' },
  trading: { numeral: '四', zh: '贸易企业', en: 'Trading enterprises' },
  export: { numeral: '五', zh: '出口企业', en: 'Export enterprises' },
} as const;

/** Annex 3's answers; 待核实 where an agency's check is still open, so a 否 is never guessed. */
export const answerLabels = {
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  pending: { zh: '待核实', en: 'Pending verification' },
  notApplicable: { zh: '不适用', en: 'Not applicable' },
} as const;

/** The three conditions annex 3's third column states separately (分述). */
export const conditionPartLabels = {
  mining: { zh: '采矿', en: 'Mining' },
  environmental: { zh: '环保', en: 'Environmental' },
  safety: { zh: '安全生产', en: 'Work safety' },
} as const;

/** Annex 2 fields and notes that annex2FieldLabels leaves to the report. */
export const annex2ReportLabels = {
  eiaApproval: { zh: '环评批复部门及文号', en: 'EIA approval: authority and document no.' },
  safetyFiling: { zh: '安全备案或验收部门及文号', en: 'Safety filing or acceptance: authority and document no.' },
  product: { zh: '品名', en: 'Product' },
  noEnterprises: { zh: '本省（区、市）无列入核查的企业', en: 'No enterprise of this province is listed for checking' },
  note: { zh: '注：计划量、生产量、采购量、销售量均按矿产品、冶炼分离产品分别填写', en: 'Note: plan, production, purchase and sales quantities are given separately for mineral and smelted/separated products' },
  checked: { zh: '☑', en: '[x]' },
  unchecked: { zh: '□', en: '[ ]' },
} as const;

/** Annex 4's column headings (省（区、市）核查整顿情况汇总表). */
export const annex4HeadingLabels = {
  violatingEnterprise: { zh: '违法违规企业', en: 'Violating enterprise' },
  violations: { zh: '违法违规行为', en: 'Violations' },
  handlingResult: { zh: '处理结果', en: 'Handling result' },
} as const;

/** The handling plans (处理方案) the self-inspection report proposes for each problem enterprise. */
export const handlingPlanLabels = {
  title: { zh: '存在问题企业处理方案', en: 'Handling plans for problem enterprises' },
  types: { zh: '企业类型', en: 'Enterprise types' },
  measure: { zh: '处理措施', en: 'Measure' },
  agency: { zh: '承办部门', en: 'Responsible agency' },
  dueDate: { zh: '完成时限', en: 'Due date' },
  status: { zh: '落实情况', en: 'Status' },
} as const;

/** Where a measure of a handling plan stands. */
export const dispositionStatusLabels = {
  proposed: { zh: '建议措施（处理方案未报）', en: 'Proposed (no handling plan submitted yet)' },
  planned: { zh: '待落实', en: 'Planned' },
  done: { zh: '已落实', en: 'Carried out' },
  accepted: { zh: '已验收', en: 'Accepted' },
  unfinished: { zh: '未完成', en: 'Unfinished' },
} as const;

/** What a carried-out measure states, as annex 4's 处理结果 prints it. */
export const handlingResultLabels = {
  documentNo: { zh: '文号', en: 'Document no.' },
  confiscatedFen: { zh: '没收违法所得', en: 'Illegal gains confiscated' },
  fineFen: { zh: '罚款', en: 'Fine' },
  recoveredFen: { zh: '追缴税款', en: 'Taxes recovered' },
  lateFeeFen: { zh: '滞纳金', en: 'Late fees' },
  compensationFeeFen: { zh: '追缴矿产资源补偿费', en: 'Resource compensation fees recovered' },
  sewageFeeFen: { zh: '追缴排污费', en: 'Sewage fees recovered' },
  tonnesKg: { zh: '数量', en: 'Quantity' },
  rectificationDeadline: { zh: '整改期限', en: 'Rectification deadline' },
  yuan: { zh: '元', en: 'yuan' },
  tonnesReo: { zh: '吨（折REO）', en: 't REO' },
  unfinishedReason: { zh: '未完成原因', en: 'Reason unfinished' },
  newCompletionDate: { zh: '新完成时限', en: 'New completion date' },
  noPlanYet: { zh: '尚未制定处理方案', en: 'No handling plan yet' },
} as const;

/** The transfer of a suspected crime (国务院令第310号): its outcomes and the words around them in annex 4 and the timeline. */
export const transferLabels = {
  order: { zh: '国务院令第310号', en: 'State Council Order No. 310' },
  article: (n: number) => ({ zh: `第${n}条`, en: `art. ${n}` }),
  finder: { zh: '发现部门', en: 'Found by' },
  caseNo: { zh: '立案文号', en: 'Criminal case no.' },
  reasons: { zh: '理由', en: 'Reasons' },
  outcome: {
    notApproved: { zh: '负责人不批准移送', en: 'transfer not approved by the agency head' },
    transferred: { zh: '已移送，公安机关审查中', en: 'transferred, public security deciding' },
    caseOpened: { zh: '公安机关已立案', en: 'public security opened a criminal case' },
    notOpened: { zh: '公安机关不予立案', en: 'public security declined to open a case' },
    caseOpenedOnReconsideration: { zh: '经复议，公安机关已立案', en: 'on reconsideration, public security opened a criminal case' },
    notOpenedOnReconsideration: { zh: '经复议，公安机关仍不予立案', en: 'on reconsideration, public security still declined' },
  },
  withdrawn: { zh: '移送程序已撤销', en: 'transfer procedure withdrawn' },
} as const;

/** The section every report adds while work it depends on is still open. */
export const openWorkLabels = {
  heading: { zh: '尚未完成的工作（相关答案标注为“待核实”）', en: 'Work still open (answers that depend on it are marked pending)' },
  task: { zh: '未完成任务', en: 'Open task' },
  dueAt: { zh: '办理期限', en: 'Due' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  noTasks: { zh: '尚未下达核查任务', en: 'No verification task issued yet' },
} as const;

/** Why a case counts as typical (典型案件); see reports/typical.ts. */
export const typicalReasonLabels = {
  offSiteInvoicing: { zh: '本省异地开票数量最大', en: 'Largest off-site invoicing in the province' },
  untracedQuantity: { zh: '出口溯源中无法追溯数量最大', en: 'Largest untraced quantity in an export trace' },
  illegalMineTrace: { zh: '出口产品溯及非法矿产品源头', en: 'Export trace reaches an illegal mine' },
  tipConfirmed: { zh: '举报线索经核查属实', en: 'Tip-off confirmed by the check' },
  supervised: { zh: '挂牌督办', en: 'Supervised by MIIT' },
  transferredToPublicSecurity: { zh: '移送公安机关', en: 'Transferred to public security' },
} as const satisfies Record<TypicalReasonCode, Label>;

/** Typical cases (典型案件): their designation, quota and publicity. */
export const typicalCaseLabels = {
  publicity: { zh: '拟通报', en: 'For publicity' },
  publicityHeading: { zh: '通报', en: 'Publicity' },
  quotaWarningSubject: { zh: '典型案件尚未确定', en: 'No typical case designated yet' },
  quotaWarningBody: {
    zh: '专项行动距结束不足一个月，该省（区、市）尚未确定典型案件。依方案，重点稀土产区要重点查办2-3起典型案件。',
    en: 'Less than a month of the campaign is left and the province has designated no typical case; the plan asks each key producing region for 2-3.',
  },
} as const;

/** The summary report (验收总结) and the national roll-up: sections, headings and figures. */
export const summaryLabels = {
  enterprisesSection: { zh: '一、核查企业情况', en: '1. Enterprises checked' },
  violationsSection: { zh: '二、发现的违法违规行为', en: '2. Violations found' },
  measuresSection: { zh: '三、处理措施落实情况', en: '3. Measures and how far they are carried out' },
  amountsSection: { zh: '四、罚没及追缴情况', en: '4. Confiscations, fines and recoveries' },
  keyFiguresSection: { zh: '五、查处情况', en: '5. Enforcement' },
  typicalSection: { zh: '六、挂牌督办及典型案件', en: '6. Supervised and typical cases' },
  unfinishedSection: { zh: '七、未完成整改的原因及完成时限', en: '7. Unfinished rectifications: reasons and new deadlines' },
  overdueSection: { zh: '八、逾期未办任务（按部门）', en: '8. Overdue tasks by agency' },
  coordinationSection: { zh: '九、跨省线索移交及举报线索办理情况', en: '9. Cross-province referrals and tip-offs' },
  provincesSheet: { zh: '分省汇总', en: 'By province' },
  nationalSheet: { zh: '全国汇总', en: 'National totals' },
  rollupSuffix: { zh: '（汇总）', en: '(roll-up)' },
  enterpriseType: { zh: '企业类型', en: 'Enterprise type' },
  allEnterprises: { zh: '合计（兼营企业不重复计）', en: 'All (each enterprise once)' },
  listed: { zh: '列入核查企业', en: 'Listed' },
  verified: { zh: '已完成核查', en: 'Verification completed' },
  withProblems: { zh: '存在问题企业', en: 'With problems' },
  enterpriseCount: { zh: '涉及企业数', en: 'Enterprises' },
  measureCount: { zh: '方案措施数', en: 'In the plans' },
  item: { zh: '项目', en: 'Item' },
  amountYuan: { zh: '金额（元）', en: 'Amount (yuan)' },
  quantityTonnes: { zh: '数量（折REO，吨）', en: 'Quantity (t REO)' },
  count: { zh: '数量', en: 'Count' },
  category: { zh: '类别', en: 'Category' },
  reason: { zh: '原因', en: 'Reason' },
  openTasks: { zh: '未完成任务', en: 'Open tasks' },
  overdueTasks: { zh: '其中逾期', en: 'Of which overdue' },
  confiscated: { zh: '没收违法所得', en: 'Illegal gains confiscated' },
  fined: { zh: '罚款', en: 'Fines' },
  recovered: { zh: '追缴税费', en: 'Taxes and fees recovered' },
  confiscatedTonnes: { zh: '没收稀土产品', en: 'Rare-earth products confiscated' },
  planCutTonnes: { zh: '核减下一年度计划', en: "Next year's plans reduced" },
  illegalGainsFound: { zh: '核查查明违法所得', en: 'Illegal gains established by the checks' },
  unpaidTaxFound: { zh: '核查查明未缴税费', en: 'Unpaid taxes established by the checks' },
  productionStopped: { zh: '责令停产企业', en: 'Enterprises ordered to stop production' },
  sitesClosed: { zh: '取缔非法开采（回收）矿点', en: 'Illegal mining or recovery sites closed' },
  casesOpened: { zh: '立案查处', en: 'Cases opened' },
  transferredToPublicSecurity: { zh: '移送公安机关', en: 'Transferred to public security' },
  referredToDisciplineInspection: { zh: '提交纪检监察部门处理', en: 'Referred to discipline inspection' },
  supervised: { zh: '挂牌督办案件', en: 'Supervised cases' },
  typical: { zh: '典型案件', en: 'Typical cases' },
  unfinished: { zh: '未完成整改措施', en: 'Unfinished measures' },
  overdue: { zh: '逾期任务', en: 'Overdue tasks' },
  referralsReported: { zh: '报工业和信息化部的跨省线索', en: 'Cross-province referrals reported to MIIT' },
  referralsRouted: { zh: '其中：已转办有关省（区、市）', en: 'of which routed to the province concerned' },
  referralsClosed: { zh: '其中：不予转办', en: 'of which closed by MIIT' },
  referralsAwaitingRouting: { zh: '其中：待转办', en: 'of which awaiting MIIT' },
  referralsReceived: { zh: '收到转办的外省线索', en: 'Referrals routed here from other provinces' },
  referralsAccepted: { zh: '其中：已接收核查', en: 'of which accepted for checking' },
  referralsAwaitingAcceptance: { zh: '其中：待接收', en: 'of which awaiting acceptance' },
  tipsReceived: { zh: '收到举报线索', en: 'Tip-offs received' },
  tipsLinkedToCase: { zh: '其中：转有关部门核查', en: 'of which sent to an agency for checking in a case' },
  tipsAddedToCampaign: { zh: '其中：新增列入核查企业', en: 'of which added an enterprise to the campaign' },
  tipsReferred: { zh: '其中：移交外省', en: 'of which referred to another province' },
  tipsClosed: { zh: '其中：经核实不予处理', en: 'of which closed with a reason' },
  tipsAwaitingTriage: { zh: '其中：待分办', en: 'of which awaiting triage' },
  referralsColumn: { zh: '跨省线索', en: 'Referrals reported' },
  tipsColumn: { zh: '举报线索', en: 'Tip-offs' },
} as const;

/** What a case's rule check found, as its timeline tells it. */
export const ruleCheckLabels = {
  noFindings: { zh: '无异常', en: 'no findings' },
  notInArchive: { zh: '档案中无此企业，未能比对', en: 'not in the archive: nothing to check against' },
  found: { zh: '比对发现', en: 'rule checks found' },
} as const;

/** What a case's timeline says of what happened to it (workflows/enterpriseCase.ts). */
export const timelineLabels = {
  reportsSubmitted: { zh: '报送', en: 'submitted to MIIT' },
  supervised: { zh: '挂牌督办', en: 'put under supervision' },
  jointInspection: { zh: '联合检查组', en: 'joint inspection' },
  completionNotRecorded: { zh: '未能保存，任务重新开放', en: 'not recorded, the task is open again' },
  referral: { zh: '移交纪检监察', en: 'referred to discipline inspection' },
  traced: { zh: '出口产品溯源', en: 'export traced' },
  transferOpened: { zh: '涉嫌犯罪，启动移送公安机关程序', en: 'suspected crime: transfer to public security opened' },
  transferEnded: { zh: '移送公安机关程序结束', en: 'transfer to public security ended' },
} as const;

/** What the export trace (section 一.(四)) says in titles, timelines and its picture. */
export const traceLabels = {
  task: { zh: '出口产品溯源处理', en: 'export trace measure' },
  trace: { zh: '溯源', en: 'trace' },
  share: { zh: '本环节涉及', en: 'this link’s share' },
  exported: { zh: '出口', en: 'exported' },
  untraced: { zh: '无法追溯', en: 'untraced' },
  illegalMine: { zh: '非法来源', en: 'illegal source' },
  legalMine: { zh: '合法来源', en: 'legal source' },
  reachesIllegal: { zh: '溯及非法矿产品源头', en: 'reaches an illegal source' },
  noIllegal: { zh: '未发现非法源头', en: 'no illegal source found' },
  links: { zh: '环节', en: 'links' },
  noCase: { zh: '未立案，需跨省移交', en: 'no case here; for the cross-province referral' },
} as const;

/** The coordinators' steps of a cross-province referral and a tip's triage (workflows/referral.ts, workflows/tipTriage.ts). */
export const referralLabels = {
  routingTitle: { zh: '部际协调：转办跨省线索', en: 'Coordination: route a cross-province referral' },
  acceptanceTitle: { zh: '接收跨省移交线索', en: 'Accept a cross-province referral' },
  verificationTitle: { zh: '核查跨省移交线索', en: 'Verify a cross-province referral' },
  traceFacts: { zh: '出口产品溯源涉及本省企业', en: 'An export trace reaches an enterprise of this province' },
  tipTriageTitle: { zh: '分办举报线索', en: 'Triage a tip-off' },
  tipVerificationTitle: { zh: '核查举报线索', en: 'Verify a tip-off' },
} as const;

/** A referral's standing, what found it, and what the receiving province did with it (domain/referral.ts). */
export const referralStateLabels = {
  reported: { zh: '待转办', en: 'Awaiting MIIT' },
  routed: { zh: '待接收', en: 'Awaiting acceptance' },
  accepted: { zh: '已接收核查', en: 'Accepted' },
  closed: { zh: '不予转办', en: 'Closed by MIIT' },
} as const;

export const referralSourceLabels = {
  rules: { zh: '规则比对', en: 'Rule checks' },
  agency: { zh: '部门核查', en: "An agency's check" },
  tip: { zh: '举报线索', en: 'Tip-off' },
  trace: { zh: '出口产品溯源', en: 'Export trace' },
} as const;

export const referralAcceptanceLabels = {
  verifyInCase: { zh: '在该企业案件中核查', en: "Verify in the enterprise's case" },
  addToCampaign: { zh: '列入本省专项行动核查', en: "Add to the province's campaign" },
} as const;

/** A tip's triage (domain/tip.ts), in the words of the summary report's section 9. */
export const tipTriageLabels = {
  linkToCase: { zh: '转有关部门在案件中核查', en: 'Send to an agency in a case' },
  addToCampaign: { zh: '新增列入核查企业', en: 'Add the enterprise to the campaign' },
  refer: { zh: '移交外省', en: 'Refer to another province' },
  close: { zh: '经核实不予处理', en: 'Close with a reason' },
} as const;

/** A case's standing, as its current details in the Temporal Web UI state it. */
export const caseStatusLabels = {
  open: { zh: '办理中', en: 'Open' },
  overdue: { zh: '逾期', en: 'Overdue' },
  closed: { zh: '已结案', en: 'Closed' },
} as const;

/**
 * The words of a case's timeline in the Temporal Web UI: the summary of every activity and timer
 * (workflows/summaries.ts) and the case's current details. Short: the timeline cuts a bar's label
 * at about 100 characters, so the Chinese comes first.
 */
export const webUiLabels = {
  createTask: { zh: '下达任务', en: 'task issued' },
  recordTaskCompletion: { zh: '登记办结', en: 'completion recorded' },
  cancelTask: { zh: '撤销任务', en: 'task withdrawn' },
  sendEmail: { zh: '发送', en: 'email' },
  referralEmail: { zh: '移交纪检监察', en: 'referral to discipline inspection' },
  reportEmail: { zh: '报送阶段报告', en: 'phase reports to MIIT' },
  contactsFor: { zh: '查询联系人', en: 'contacts' },
  runRuleChecks: { zh: '规则核查', en: 'rule checks' },
  generatePhaseReports: { zh: '生成阶段报告', en: 'phase reports' },
  recordTip: { zh: '登记举报线索', en: 'tip-off recorded' },
  traceExport: { zh: '出口产品溯源至矿产品源头', en: 'export traced to the mine' },
  reportReferral: { zh: '登记跨省移交线索', en: 'cross-province referral recorded' },
  routeReferral: { zh: '部际协调转办', en: 'referral routed by MIIT' },
  closeReferral: { zh: '线索办结', en: 'referral closed' },
  acceptReferral: { zh: '接收线索', en: 'referral accepted' },
  referralStanding: { zh: '查询线索办理情况', en: 'referral standing' },
  coordinatorContacts: { zh: '查询协调人', en: 'coordinators' },
  recordTipOutcome: { zh: '登记线索处理结果', en: 'tip outcome recorded' },
  typicalCaseWarning: { zh: '查询典型案件确定情况', en: 'typical cases designated?' },
  closeProvinceCampaign: { zh: '本省专项行动结束，末省汇总全国报告', en: 'province closed; the last one sends the national roll-up' },
  typicalCaseWait: { zh: '距结束一个月，检查典型案件', en: 'a month before the end: typical cases' },
  due: { zh: '限', en: 'due' },
  findings: { zh: '发现问题', en: 'findings' },
  recipientsMore: { zh: '等', en: 'and others' },
  persons: { zh: '人', en: 'people' },
  items: { zh: '项', en: 'items' },
  supervised: { zh: '挂牌督办', en: 'supervised' },
  reviewWindow: { zh: '核查期', en: 'review window' },
  waitUntil: { zh: '等待至', en: 'wait until' },
  phaseEnd: { zh: '结束', en: 'ends' },
  campaignTime: { zh: '专项行动时间', en: 'campaign time' },
  campaignDate: { zh: '专项行动日期', en: 'Campaign date' },
  asOfLastChange: { zh: '截至最近一次变化', en: 'as of the last change' },
  phaseEndsOn: { zh: '本阶段截止', en: 'phase ends' },
  openTasks: { zh: '未办结任务', en: 'Open tasks' },
  overdue: { zh: '逾期', en: 'OVERDUE' },
} as const;

/** Coordinators' common questions, each a ready-made case list in the Temporal Web UI (platform/webUiLinks.ts). */
export const webUiQuestionLabels = {
  overdueInProvince: { zh: '逾期案件', en: 'Overdue cases' },
  supervised: { zh: '挂牌督办案件', en: 'Supervised cases' },
  withViolation: { zh: '存在该违法违规行为的案件', en: 'Cases with the violation' },
  inPhase: { zh: '案件', en: 'Cases in the phase' },
} as const;

/** The words of task titles (domain/case/tasks.ts): what each task asks, in the task list and its emails. */
export const taskTitleLabels = {
  selfInspection: { zh: '自查核查', en: 'self-inspection check' },
  handlingPlan: { zh: '处理方案', en: 'handling plan' },
  furtherHandlingPlan: { zh: '补充处理方案', en: 'further handling plan' },
  measure: { zh: '整改措施', en: 'measure' },
  rework: { zh: '整改未完成，限期完成', en: 'rectify again' },
  acceptance: { zh: '验收', en: 'acceptance' },
  acceptanceAgain: { zh: '复核验收', en: 'acceptance again' },
  due: { zh: '限', en: 'due' },
  mustState: { zh: '须写明', en: 'must state' },
} as const;

/** Why a completion is refused (domain/case/completions.ts), in both languages: staff read them in the 422's details. */
export const completionMessages = {
  documentNo: { zh: '文书编号', en: 'document no.' },
  repeatedMeasure: (measure: Label, agency: Label, agencyCode: string, item: number): Label => ({
    zh: `${measure.zh}（${agency.zh}）已是方案第 ${item} 项：同一部门的同一措施只列一次`,
    en: `${measure.en} by ${agencyCode} is already item ${item} of the plan: list each measure once per agency`,
  }),
  mustState: (measure: Label, field: Label, path: string): Label => ({
    zh: `${measure.zh}：须写明${field.zh}`,
    en: `${measure.en}: the completion must state the ${field.en} [${path}]`,
  }),
} as const;

/** The email that submits a province's phase reports to MIIT (activities/reports.ts). */
export const submissionEmailLabels = {
  submitted: { zh: '报送', en: 'Submitted' },
  subject: (phase: Label, province: string): Label => ({ zh: `${province}${phase.zh}报告`, en: `Reports at the end of ${phase.en.toLowerCase()}: ${province}` }),
  body: (phase: Label, province: string): Label => ({
    zh: `${province}${phase.zh}结束，按专项行动方案报送以下材料（附件为 Excel 和 PDF 格式；CSV、JSON、HTML 格式可从系统下载）：`,
    en: `${province}: the reports due at the end of ${phase.en.toLowerCase()} are attached (XLSX and PDF; CSV, JSON and HTML from the API).`,
  }),
  openTasks: (n: number): Label => ({ zh: `尚有${n}项任务未办结，见报告`, en: `${n} task(s) still open, listed in the report` }),
  noPdf: { zh: 'PDF 未能生成', en: 'no PDF: the PDF engine was unavailable' },
} as const;

/** The lines of the escalation and referral emails (domain/case/escalation.ts). */
export const emailLabels = {
  campaign: { zh: '专项行动', en: 'Campaign' },
  province: { zh: '省（区、市）', en: 'Province' },
  enterprise: { zh: '企业名称', en: 'Enterprise' },
  types: { zh: '企业类型', en: 'Types' },
  task: { zh: '任务', en: 'Task' },
  agency: { zh: '承办部门', en: 'Responsible agency' },
  assigned: { zh: '下达时间', en: 'Assigned' },
  due: { zh: '办理期限', en: 'Due' },
  history: { zh: '任务记录', en: 'Task history' },
  campaignTime: { zh: '专项行动时间，北京时间', en: 'campaign time, Beijing' },
  beijingTime: { zh: '北京时间', en: 'Beijing time' },
  systemTime: { zh: '系统时间', en: 'system time' },
  referral: { zh: '移交纪检监察', en: 'Referral' },
  referralSubject: { zh: '失职渎职、官商勾结线索', en: 'dereliction or collusion' },
  referralBody: {
    zh: '验收中发现失职渎职、官商勾结行为，依方案提交纪检监察部门处理。',
    en: 'Acceptance found dereliction of duty or collusion; referred to discipline inspection under the plan.',
  },
  officials: { zh: '涉及人员', en: 'Officials' },
  facts: { zh: '事实', en: 'Facts' },
} as const;

/** The directory spreadsheet (通讯录): its sheets, headings and what its checks say. */
export const directoryLabels = {
  workbook: { zh: '专项行动通讯录', en: 'Campaign directory' },
  agencies: { zh: '机构', en: 'Agencies' },
  staff: { zh: '人员', en: 'Staff' },
  province: { zh: '省（区、市）', en: 'Province (empty for a national office)' },
  agencyKind: { zh: '机构类别', en: 'Kind of office' },
  agencyName: { zh: '机构名称', en: 'Name as officials write it' },
  agencyEmails: { zh: '联系邮箱', en: 'Contact emails (several: a@x.cn、b@x.cn)' },
  staffName: { zh: '姓名', en: 'Name' },
  staffEmail: { zh: '电子邮箱', en: 'Email (one person, one address)' },
  staffMobile: { zh: '手机', en: 'Mobile' },
  staffAgency: { zh: '所在机构类别', en: 'Kind of office they work in' },
  staffRole: { zh: '角色', en: 'Role' },
  staffStatus: { zh: '状态', en: 'Status (empty: active)' },
  active: { zh: '在岗', en: 'Active' },
  disabled: { zh: '停用', en: 'Disabled' },
  nationalOffice: { zh: '是国家级机构，不填省（区、市）', en: 'is a national office: leave the province empty' },
  provincialOffice: { zh: '须填写所在省（区、市）', en: 'is a provincial office: name its province' },
  roleBelongsTo: { zh: '该角色只能属于', en: 'this role belongs to' },
  provincialAgency: { zh: '省级机构', en: 'a provincial office' },
  noSuchAgency: { zh: '通讯录中没有此机构：请先在“机构”表中填写', en: 'no such office in the directory: list it on the Agencies sheet first' },
  notAnEmail: { zh: '不是有效的电子邮箱', en: 'not an email address' },
  unknownChoice: { zh: '请从下拉列表中选择', en: 'pick a value from the list' },
  notYourProvince: { zh: '不属于您管理的省（区、市）', en: 'not a province you administer' },
  nothingListed: { zh: '没有填写任何机构或人员', en: 'no agency and no member of staff is listed' },
} as const;
