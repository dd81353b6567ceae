import type { ActingAgency, EnterpriseType } from '../enums';
import type { Label } from '../labels';

/**
 * Section 一 of the plan (工作重点和要求) as data: every measure (处理措施) it prescribes and every
 * violation (违法违规行为) it names, with who acts on each (section 三.(一), 明确责任分工). The
 * labels are the plan's words, as annex 4 (核查整顿情况汇总表) prints them. docs/plan/plan.txt holds
 * the text; tests/unit/catalogue.test.ts walks this file against it.
 */

/** Sums of money a measure's completion states, in fen; quantities in kg of REO. */
export type DispositionAmount = 'confiscatedFen' | 'fineFen' | 'recoveredFen' | 'lateFeeFen' | 'compensationFeeFen' | 'sewageFeeFen' | 'tonnesKg';
export type DispositionField = DispositionAmount | 'rectificationDeadline';

export interface Measure {
  /** Annex 4's wording of the measure. */
  readonly label: Label;
  /** The plan's own words that name it, each a verbatim part of docs/plan/plan.txt. */
  readonly quotes: readonly string[];
  /** The agency that carries it out: it gets the rectification task. */
  readonly agency: ActingAgency;
  /**
   * What its completion must state besides the document number (文书编号) every completion
   * states, in the words the agency is shown. A measure that only orders something (stop, bar, open
   * a case, transfer) is proved by its document alone; one that takes money or product, or cuts a
   * plan, must say how much, or acceptance (验收) has nothing to verify it against.
   */
  readonly mustState: readonly { readonly field: DispositionField; readonly label: Label }[];
}

export const measures = {
  // 一.(二): 对无计划、超计划生产企业，立即责令停产
  stopProduction: {
    label: { zh: '立即责令停产', en: 'Stop production at once' },
    quotes: ['立即责令停产'],
    agency: 'industry',
    mustState: [],
  },
  // 一.(二): 对无环评批复文件、安评备案文件或达不到国家相关规定要求的企业，立即责令停产整改
  stopAndRectify: {
    label: { zh: '责令停产整改', en: 'Stop and rectify' },
    quotes: ['立即责令停产整改'],
    agency: 'environment',
    mustState: [],
  },
  // 一.(二): 对污染物不能稳定达标排放的，要限期整改并依法追缴排污费
  rectifyByDeadline: {
    label: { zh: '限期整改并依法追缴排污费', en: 'Rectify by a deadline and recover sewage fees' },
    quotes: ['限期整改并依法追缴排污费'],
    agency: 'environment',
    mustState: [
      { field: 'sewageFeeFen', label: { zh: '追缴排污费（分）', en: 'sewage fees recovered (fen)' } },
      { field: 'rectificationDeadline', label: { zh: '整改期限', en: 'rectification deadline' } },
    ],
  },
  // 一.(一)(二)(三): 依法没收矿产品及违法所得
  confiscateProductsAndGains: {
    label: { zh: '依法没收矿产品及违法所得', en: 'Confiscate mineral products and illegal gains' },
    quotes: ['依法没收矿产品及违法所得', '依法没收非法稀土矿产品及违法所得'],
    agency: 'landResources',
    mustState: [
      { field: 'tonnesKg', label: { zh: '没收矿产品数量（千克，折REO）', en: 'mineral products confiscated (kg REO)' } },
      { field: 'confiscatedFen', label: { zh: '没收违法所得（分）', en: 'illegal gains confiscated (fen)' } },
    ],
  },
  // 一.(四): 依法没收出口产品及所涉各环节违法所得
  confiscateExportProducts: {
    label: { zh: '没收出口产品及所涉各环节违法所得', en: 'Confiscate export products and the illegal gains of every link' },
    quotes: ['依法没收出口产品及所涉各环节违法所得'],
    agency: 'customs',
    mustState: [
      { field: 'tonnesKg', label: { zh: '没收出口产品数量（千克，折REO）', en: 'export products confiscated (kg REO)' } },
      { field: 'confiscatedFen', label: { zh: '没收各环节违法所得（分）', en: 'illegal gains of every link confiscated (fen)' } },
    ],
  },
  // 一.(四): 依法没收…所涉各环节违法所得: at a link of the chain other than the exporter (customs takes
  // the exporter's with its products) and the mine (land & resources, 依法没收矿产品及违法所得). The
  // links are smelters, recyclers and traders, whose violations the industry department deals with (三.(一)).
  confiscateChainGains: {
    label: { zh: '没收所涉环节违法所得', en: 'Confiscate the illegal gains of a link of the chain' },
    quotes: ['所涉各环节违法所得'],
    agency: 'industry',
    mustState: [
      { field: 'tonnesKg', label: { zh: '所涉产品数量（千克，折REO）', en: 'products of illegal source (kg REO)' } },
      { field: 'confiscatedFen', label: { zh: '没收违法所得（分）', en: 'illegal gains confiscated (fen)' } },
    ],
  },
  // 一.(二)(三)(四)(五): 并予以处罚 / 依法予以处罚
  fine: {
    label: { zh: '予以处罚（罚款）', en: 'Fine' },
    quotes: ['并予以处罚', '依法予以处罚'],
    agency: 'industry',
    mustState: [{ field: 'fineFen', label: { zh: '罚款金额（分）', en: 'fine (fen)' } }],
  },
  // 一.(二)(三): 应补缴增值税，并按相关规定缴纳滞纳金及罚款
  recoverVat: {
    label: { zh: '补缴增值税并缴纳滞纳金及罚款', en: 'Recover VAT with late fees and fines' },
    quotes: ['应补缴增值税', '缴纳滞纳金及罚款'],
    agency: 'tax',
    mustState: [
      { field: 'recoveredFen', label: { zh: '补缴增值税（分）', en: 'VAT recovered (fen)' } },
      { field: 'lateFeeFen', label: { zh: '滞纳金（分）', en: 'late fees (fen)' } },
      { field: 'fineFen', label: { zh: '罚款（分）', en: 'fine (fen)' } },
    ],
  },
  // 一.(一): 追缴…矿产资源税及补偿费等税费; 一.(二)(三): 不能提供的由税务部门追缴
  recoverResourceTax: {
    label: { zh: '追缴矿产资源税及补偿费', en: 'Recover resource tax and compensation fees' },
    quotes: ['矿产资源税及补偿费', '由税务部门追缴'],
    agency: 'tax',
    mustState: [
      { field: 'recoveredFen', label: { zh: '追缴矿产资源税（分）', en: 'resource tax recovered (fen)' } },
      { field: 'compensationFeeFen', label: { zh: '追缴矿产资源补偿费（分）', en: 'resource compensation fees recovered (fen)' } },
    ],
  },
  // 一.(二): 减少下一年度计划
  reduceNextYearPlan: {
    label: { zh: '减少下一年度计划', en: "Reduce next year's plan" },
    quotes: ['减少下一年度计划'],
    agency: 'industry',
    mustState: [{ field: 'tonnesKg', label: { zh: '下一年度计划核减量（千克，折REO）', en: "next year's plan reduced by (kg REO)" } }],
  },
  // 一.(二): 相关企业不得申报国家相关资金支持项目
  barFromNationalFunding: {
    label: { zh: '不得申报国家相关资金支持项目', en: 'Bar from national funding projects' },
    quotes: ['不得申报国家相关资金支持项目'],
    agency: 'industry',
    mustState: [],
  },
  // 一.(一): 取缔非法开采（回收）矿点
  closeIllegalSite: {
    label: { zh: '取缔非法开采（回收）矿点', en: 'Close the illegal mining or recovery site' },
    quotes: ['取缔非法开采（回收）矿点'],
    agency: 'landResources',
    mustState: [],
  },
  // 一.(一): 清理建设工程回收利用稀土资源项目，未经审批或手续不全的责令停产
  stopUnapprovedRecovery: {
    label: { zh: '未经审批或手续不全的回收项目责令停产', en: 'Stop by-product recovery without approval' },
    quotes: ['未经审批或手续不全的责令停产'],
    agency: 'landResources',
    mustState: [],
  },
  // 一.(二): 对买卖非法稀土矿产品的个人或企业要依法立案查处
  openCase: {
    label: { zh: '立案查处', en: 'Open a case' },
    quotes: ['依法立案查处'],
    agency: 'commerce',
    mustState: [],
  },
  // 一.(五): 按照《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号），移送公安机关
  transferToPublicSecurity: {
    label: { zh: '依国务院令第310号移送公安机关', en: 'Transfer to public security (State Council Order No. 310)' },
    quotes: ['移送公安机关', '《行政执法机关移送涉嫌犯罪案件的规定》'],
    agency: 'publicSecurity',
    mustState: [],
  },
  // 二, 验收总结: 对发现的失职渎职、官商勾结行为，及时提交纪检监察部门处理
  referToDisciplineInspection: {
    label: { zh: '提交纪检监察部门处理', en: 'Refer to discipline inspection' },
    quotes: ['及时提交纪检监察部门处理'],
    agency: 'disciplineInspection',
    mustState: [],
  },
} as const satisfies Record<string, Measure>;

export type DispositionCode = keyof typeof measures;

/**
 * The annex 3 column (企业情况核查汇总表) a violation answers. The third question, 是否符合采矿、
 * 环保、安全生产条件（分述）, is stated for its three conditions separately, so it is three columns here.
 */
export const annex3Columns = [
  'illegalOrOverQuotaMining',
  'boughtIllegalOre',
  'miningConditions',
  'environmentalConditions',
  'safetyConditions',
  'productionWithoutOrAbovePlan',
  'soldOreToUnplanned',
] as const;
export type Annex3Column = (typeof annex3Columns)[number];

export interface Violation {
  readonly label: Label;
  /** The plan's own words that name it, each a verbatim part of docs/plan/plan.txt. */
  readonly quotes: readonly string[];
  /**
   * Who investigates it (section 三.(一)), the first named leading. Several only where the plan
   * gives the matter to more than one, as the comment beside the entry says.
   */
  readonly agencies: readonly [ActingAgency, ...ActingAgency[]];
  /** The enterprise types section 一 concerns it with. */
  readonly types: readonly EnterpriseType[];
  /** Annex 3's column it answers; none for what annex 3 does not ask (taxes, smuggling, crimes): annex 4 lists those. */
  readonly annex3: Annex3Column | null;
  /** The measures section 一 prescribes for it: a proposed handling plan starts from these. */
  readonly measures: readonly DispositionCode[];
  /**
   * Found by whichever agency meets it and handed over to its investigating agency, which has no
   * self-inspection task of its own: a suspected crime (Order No. 310), dereliction found at acceptance.
   */
  readonly handedOver?: true;
}

const all: EnterpriseType[] = ['mine', 'smelting', 'recycling', 'trading', 'export'];

export const violations = {
  // 一.(一) 查处非法稀土开采行为; 三.(一): 国土资源管理部门负责查处稀土非法开采、超指标开采等违法违规行为
  illegalMining: {
    label: { zh: '非法盗采', en: 'Illegal mining' },
    quotes: ['非法盗采', '非法开采'],
    agencies: ['landResources'],
    types: ['mine'],
    annex3: 'illegalOrOverQuotaMining',
    measures: ['closeIllegalSite', 'confiscateProductsAndGains'],
  },
  crossBoundaryMining: {
    label: { zh: '越界开采', en: 'Cross-boundary mining' },
    quotes: ['越界开采'],
    agencies: ['landResources'],
    types: ['mine'],
    annex3: 'illegalOrOverQuotaMining',
    measures: ['confiscateProductsAndGains', 'fine'],
  },
  overQuotaMining: {
    label: { zh: '超指标开采', en: 'Over-quota mining' },
    quotes: ['超指标开采'],
    agencies: ['landResources'],
    types: ['mine'],
    annex3: 'illegalOrOverQuotaMining',
    measures: ['confiscateProductsAndGains', 'fine'],
  },
  // Annex 2 asks for the mining licence (采矿许可证号); annex 3 asks whether the mining conditions are met.
  noMiningLicence: {
    label: { zh: '无有效采矿许可证', en: 'No valid mining licence' },
    quotes: ['采矿许可证号'],
    agencies: ['landResources'],
    types: ['mine'],
    annex3: 'miningConditions',
    measures: ['closeIllegalSite', 'confiscateProductsAndGains'],
  },
  // 三.(一): 环境保护部门负责依法查处环境违法行为
  buildBeforeApproval: {
    label: { zh: '环保未批先建', en: 'Built before environmental approval' },
    quotes: ['环保未批先建'],
    agencies: ['environment'],
    types: ['mine', 'smelting', 'recycling'],
    annex3: 'environmentalConditions',
    measures: ['stopAndRectify'],
  },
  // 一.(一) names it among the mining checks; the recovery project lacks the mining side's papers.
  unapprovedByProductRecovery: {
    label: { zh: '建设工程回收利用稀土资源未经审批或手续不全', en: 'By-product recovery without approval or complete papers' },
    quotes: ['建设工程回收利用稀土资源项目'],
    agencies: ['landResources'],
    types: ['mine', 'recycling'],
    annex3: 'miningConditions',
    measures: ['stopUnapprovedRecovery'],
  },
  // 一.(二) 查处违法违规稀土生产行为; 三.(一): 工业主管部门…负责整治稀土冶炼分离企业、贸易企业的违法违规行为
  productionWithoutPlan: {
    label: { zh: '无计划生产', en: 'Production without a plan' },
    quotes: ['无计划'],
    agencies: ['industry'],
    types: ['mine', 'smelting'],
    annex3: 'productionWithoutOrAbovePlan',
    measures: ['stopProduction', 'barFromNationalFunding', 'reduceNextYearPlan'],
  },
  productionAbovePlan: {
    label: { zh: '超计划生产', en: 'Production above the plan' },
    quotes: ['超计划生产'],
    agencies: ['industry'],
    types: ['mine', 'smelting'],
    annex3: 'productionWithoutOrAbovePlan',
    measures: ['stopProduction', 'barFromNationalFunding', 'reduceNextYearPlan'],
  },
  noEiaApproval: {
    label: { zh: '无环评批复文件', en: 'No EIA approval' },
    quotes: ['无环评批复文件'],
    agencies: ['environment'],
    types: ['mine', 'smelting', 'recycling'],
    annex3: 'environmentalConditions',
    measures: ['stopAndRectify'],
  },
  // 三.(一): 安监部门负责整治安全生产问题
  noSafetyFiling: {
    label: { zh: '无安评备案文件或达不到国家相关规定要求', en: 'No safety filing, or below national requirements' },
    quotes: ['安评备案文件或达不到国家相关规定要求'],
    agencies: ['workSafety'],
    types: ['mine', 'smelting', 'recycling'],
    annex3: 'safetyConditions',
    measures: ['stopAndRectify'],
  },
  pollutantsOverLimit: {
    label: { zh: '污染物不能稳定达标排放', en: 'Pollutants not stably within limits' },
    quotes: ['污染物不能稳定达标排放'],
    agencies: ['environment'],
    types: ['mine', 'smelting', 'recycling'],
    annex3: 'environmentalConditions',
    measures: ['rectifyByDeadline'],
  },
  // A smelter's or processor's purchase: the industry department's (三.(一)); a trading
  // enterprise's dealing in illegal ore is tradedIllegalOre.
  boughtIllegalOre: {
    label: { zh: '收购非法稀土矿产品', en: 'Bought illegal rare-earth ore' },
    quotes: ['收购非法稀土矿产品', '是否购买非法矿产品'],
    agencies: ['industry'],
    types: ['smelting', 'recycling', 'trading'],
    annex3: 'boughtIllegalOre',
    measures: ['confiscateProductsAndGains', 'fine'],
  },
  // 一.(二)(三). Two agencies, as 三.(一) gives the matter to both: the industry department answers
  // for trading enterprises' violations, the 工商部门 for their breaches of business-administration
  // law, under which the case against whoever trades in illegal ore is opened (立案查处).
  tradedIllegalOre: {
    label: { zh: '买卖非法稀土矿产品', en: 'Traded illegal rare-earth ore' },
    quotes: ['买卖非法稀土矿产品', '买卖加工非法矿产品', '买卖非法矿产品'],
    agencies: ['industry', 'commerce'],
    types: ['trading'],
    annex3: 'boughtIllegalOre',
    measures: ['confiscateProductsAndGains', 'fine', 'openCase'],
  },
  // Annex 3's fifth question. The plan names no agency for it: selling to an enterprise without a
  // plan breaks the production control plan (生产总量控制计划, 一.(二)), which the industry
  // department keeps; land & resources' remit (三.(一)) is the mining itself.
  soldToUnplanned: {
    label: { zh: '将矿产品销售给无计划企业', en: 'Sold mineral products to an enterprise without a plan' },
    quotes: ['是否将矿产品销售给无计划企业'],
    agencies: ['industry'],
    types: ['mine', 'trading'],
    annex3: 'soldOreToUnplanned',
    measures: ['fine'],
  },
  // 一.(二)(三): 要求企业提供稀土矿产资源税足额缴纳证明，不能提供的由税务部门追缴
  unexplainedSource: {
    label: { zh: '无法说明矿产品来源', en: 'Cannot explain the source of ore' },
    quotes: ['无法说明矿产品来源'],
    agencies: ['tax'],
    types: ['smelting', 'recycling', 'trading', 'export'],
    annex3: null,
    measures: ['recoverResourceTax'],
  },
  // The archive of 一.(六) (purchases, production, sales) does not add up. Two agencies, as the
  // plan says: the industry department keeps the archive with land, tax and commerce (一.(六)), and
  // the tax department examines the VAT the missing quantities owe (三.(一)).
  massBalanceGap: {
    label: { zh: '购销存数量不符', en: 'Purchases, production and sales do not balance' },
    quotes: ['矿产品采购、生产及销售情况'],
    agencies: ['industry', 'tax'],
    types: all,
    annex3: null,
    measures: ['recoverVat'],
  },
  // 三.(一): 税务部门负责检查增值税、矿产资源税缴纳情况，追缴相关税费
  unpaidVat: {
    label: { zh: '未缴纳增值税', en: 'Unpaid VAT' },
    quotes: ['未缴纳增值税', '未足额缴纳的稀土增值税'],
    agencies: ['tax'],
    types: all,
    annex3: null,
    measures: ['recoverVat'],
  },
  unpaidResourceTax: {
    label: { zh: '未足额缴纳矿产资源税及补偿费', en: 'Unpaid resource tax or compensation fees' },
    quotes: ['矿产资源税及补偿费'],
    agencies: ['tax'],
    types: ['mine'],
    annex3: null,
    measures: ['recoverResourceTax'],
  },
  // 一 (preamble): 非法产品异地开票; 一.(四): 偷漏增值税、矿产资源税的，由税务部门追缴
  offSiteInvoicing: {
    label: { zh: '非法产品异地开票', en: 'Off-site invoicing of illegal products' },
    quotes: ['非法产品异地开票'],
    agencies: ['tax'],
    types: all,
    annex3: null,
    measures: ['recoverVat', 'openCase'],
  },
  taxEvasion: {
    label: { zh: '偷逃税费', en: 'Tax evasion' },
    quotes: ['偷逃税费', '偷漏增值税', '对相关环节存在偷漏增值税、矿产资源税的，由税务部门追缴'],
    agencies: ['tax'],
    types: all,
    annex3: null,
    measures: ['recoverVat', 'recoverResourceTax'],
  },
  // 三.(一): 海关负责打击走私行为
  smuggling: {
    label: { zh: '走私', en: 'Smuggling' },
    quotes: ['打击走私行为'],
    agencies: ['customs'],
    types: ['export', 'trading'],
    annex3: null,
    measures: ['confiscateExportProducts', 'transferToPublicSecurity'],
  },
  // 一.(四) 核查稀土出口企业产品来源情况: customs keeps the export records.
  illegalSourceExport: {
    label: { zh: '出口产品源头为非法稀土矿产品', en: 'Exported products traced to illegal ore' },
    quotes: ['若源头为非法稀土矿产品'],
    agencies: ['customs'],
    types: ['export'],
    annex3: null,
    measures: ['confiscateExportProducts', 'fine'],
  },
  // 一.(四): a smelter, recycler or trader on an exporter's chain whose products the trace follows to
  // an illegal mine: its gains from them are confiscated (所涉各环节违法所得).
  illegalSourceInChain: {
    label: { zh: '所涉环节产品源头为非法稀土矿产品', en: 'Products of a link of the chain traced to illegal ore' },
    quotes: ['若源头为非法稀土矿产品', '所涉各环节违法所得'],
    agencies: ['industry'],
    types: ['smelting', 'recycling', 'trading'],
    annex3: null,
    measures: ['confiscateChainGains', 'fine'],
  },
  // 三.(一): 工商部门负责依法查处稀土矿产品贸易企业违反工商行政管理法律法规的行为
  businessAdministrationViolation: {
    label: { zh: '违反工商行政管理法律法规', en: 'Violation of business-administration law' },
    quotes: ['违反工商行政管理法律法规'],
    agencies: ['commerce'],
    types: ['trading'],
    annex3: null,
    measures: ['openCase', 'fine'],
  },
  // 一.(五); 三.(一): 公安部门负责侦办依法管辖的涉嫌犯罪案件
  suspectedCrime: {
    label: { zh: '涉嫌犯罪', en: 'Suspected crime' },
    quotes: ['涉嫌构成犯罪'],
    agencies: ['publicSecurity'],
    types: all,
    annex3: null,
    measures: ['transferToPublicSecurity'],
    handedOver: true,
  },
  // 二, 验收总结; 三.(二): 由监察部门依法依规严肃追究有关单位和人员的责任
  derelictionOrCollusion: {
    label: { zh: '失职渎职、官商勾结', en: 'Dereliction of duty or collusion of officials' },
    quotes: ['失职渎职、官商勾结'],
    agencies: ['disciplineInspection'],
    types: all,
    annex3: null,
    measures: ['referToDisciplineInspection'],
    handedOver: true,
  },
} as const satisfies Record<string, Violation>;

export type ViolationCode = keyof typeof violations;
