/**
 * The one place where the official Chinese labels of the campaign plan live (打击稀土违法违规行为
 * 专项行动方案 and its annexes). Code uses the English keys; anything shown to officials looks the
 * label up here so the wording stays exactly that of the original.
 */

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
} as const;

export const campaignLabel = { zh: '打击稀土违法违规行为专项行动', en: 'Rare-earth enforcement campaign' } as const;

export const tipLabel = { zh: '举报线索', en: 'Tip-off' } as const;

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
} as const;

/** Annex 3's five questions (省（区、市）企业情况核查汇总表 column headings). */
export const annex3QuestionLabels = {
  illegalOrOverQuotaMining: { zh: '是否存在非法、超指标开采', en: 'Illegal or over-quota mining?' },
  boughtIllegalOre: { zh: '是否购买非法矿产品', en: 'Bought illegal mineral products?' },
  conditions: { zh: '是否符合采矿、环保、安全生产条件（分述）', en: 'Meets mining, environmental and safety conditions (stated separately)?' },
  productionWithoutOrAbovePlan: { zh: '是否存在无计划、超计划生产行为', en: 'Production without a plan or above the plan?' },
  soldOreToUnplanned: { zh: '是否将矿产品销售给无计划企业', en: 'Sold mineral products to enterprises without a plan?' },
} as const;

/** What the rules find (违法违规行为), as annex 4 and the case files name them. */
export const findingLabels = {
  illegalMining: { zh: '非法开采', en: 'Illegal mining (no valid mining licence)' },
  overQuotaMining: { zh: '超指标开采', en: 'Over-quota mining' },
  boughtIllegalOre: { zh: '购买非法矿产品', en: 'Bought illegal mineral products' },
  noMiningLicence: { zh: '无有效采矿许可证', en: 'No valid mining licence' },
  noEiaApproval: { zh: '无环评批复文件', en: 'No valid EIA approval' },
  noSafetyFiling: { zh: '无安全备案或验收文件', en: 'No valid safety filing or acceptance' },
  productionWithoutPlan: { zh: '无计划生产', en: 'Production without a plan' },
  productionAbovePlan: { zh: '超计划生产', en: 'Production above the plan' },
  soldToUnplanned: { zh: '将矿产品销售给无计划企业', en: 'Sold mineral products to an enterprise without a plan' },
  massBalanceGap: { zh: '购销存数量不符', en: 'Purchases, production and sales do not balance' },
  offSiteInvoicing: { zh: '异地开票', en: 'Off-site invoicing' },
  unexplainedSource: { zh: '无法说明矿产品来源', en: 'Cannot explain the source of products' },
} as const;

/**
 * Violations (违法违规行为) agencies record in findings: every one the plan names (section 一),
 * plus the rules' findings. Annex 4 prints them in these words.
 */
export const violationLabels = {
  illegalMining: { zh: '非法盗采', en: 'Illegal mining' },
  crossBoundaryMining: { zh: '越界开采', en: 'Cross-boundary mining' },
  overQuotaMining: { zh: '超指标开采', en: 'Over-quota mining' },
  noMiningLicence: { zh: '无有效采矿许可证', en: 'No valid mining licence' },
  buildBeforeApproval: { zh: '环保未批先建', en: 'Built before environmental approval' },
  unapprovedByProductRecovery: { zh: '建设工程回收利用稀土资源未经审批或手续不全', en: 'By-product recovery without approval or complete papers' },
  productionWithoutPlan: { zh: '无计划生产', en: 'Production without a plan' },
  productionAbovePlan: { zh: '超计划生产', en: 'Production above the plan' },
  noEiaApproval: { zh: '无环评批复文件', en: 'No EIA approval' },
  noSafetyFiling: { zh: '无安评备案文件或达不到国家相关规定要求', en: 'No safety filing, or below national requirements' },
  pollutantsOverLimit: { zh: '污染物不能稳定达标排放', en: 'Pollutants not stably within limits' },
  boughtIllegalOre: { zh: '收购非法稀土矿产品', en: 'Bought illegal rare-earth ore' },
  tradedIllegalOre: { zh: '买卖非法稀土矿产品', en: 'Traded illegal rare-earth ore' },
  soldToUnplanned: { zh: '将矿产品销售给无计划企业', en: 'Sold mineral products to an enterprise without a plan' },
  unexplainedSource: { zh: '无法说明矿产品来源', en: 'Cannot explain the source of ore' },
  massBalanceGap: { zh: '购销存数量不符', en: 'Purchases, production and sales do not balance' },
  unpaidVat: { zh: '未缴纳增值税', en: 'Unpaid VAT' },
  unpaidResourceTax: { zh: '未足额缴纳矿产资源税及补偿费', en: 'Unpaid resource tax or compensation fees' },
  offSiteInvoicing: { zh: '非法产品异地开票', en: 'Off-site invoicing of illegal products' },
  taxEvasion: { zh: '偷逃税费', en: 'Tax evasion' },
  smuggling: { zh: '走私', en: 'Smuggling' },
  illegalSourceExport: { zh: '出口产品源头为非法稀土矿产品', en: 'Exported products traced to illegal ore' },
  businessAdministrationViolation: { zh: '违反工商行政管理法律法规', en: 'Violation of business-administration law' },
  suspectedCrime: { zh: '涉嫌犯罪', en: 'Suspected crime' },
  derelictionOrCollusion: { zh: '失职渎职、官商勾结', en: 'Dereliction of duty or collusion of officials' },
} as const;

/** Handling measures (处理措施) a handling plan may order: every one the plan names. */
export const dispositionLabels = {
  stopProduction: { zh: '立即责令停产', en: 'Stop production at once' },
  stopAndRectify: { zh: '责令停产整改', en: 'Stop and rectify' },
  rectifyByDeadline: { zh: '限期整改并依法追缴排污费', en: 'Rectify by a deadline and recover sewage fees' },
  confiscateProductsAndGains: { zh: '依法没收矿产品及违法所得', en: 'Confiscate mineral products and illegal gains' },
  confiscateExportProducts: { zh: '没收出口产品及所涉各环节违法所得', en: 'Confiscate export products and the illegal gains of every link' },
  fine: { zh: '予以处罚（罚款）', en: 'Fine' },
  recoverVat: { zh: '补缴增值税并缴纳滞纳金及罚款', en: 'Recover VAT with late fees and fines' },
  recoverResourceTax: { zh: '追缴矿产资源税及补偿费', en: 'Recover resource tax and compensation fees' },
  reduceNextYearPlan: { zh: '减少下一年度计划', en: "Reduce next year's plan" },
  barFromNationalFunding: { zh: '不得申报国家相关资金支持项目', en: 'Bar from national funding projects' },
  closeIllegalSite: { zh: '取缔非法开采（回收）矿点', en: 'Close the illegal mining or recovery site' },
  stopUnapprovedRecovery: { zh: '未经审批或手续不全的回收项目责令停产', en: 'Stop by-product recovery without approval' },
  openCase: { zh: '立案查处', en: 'Open a case' },
  transferToPublicSecurity: { zh: '依国务院令第310号移送公安机关', en: 'Transfer to public security (State Council Order No. 310)' },
  referToDisciplineInspection: { zh: '提交纪检监察部门处理', en: 'Refer to discipline inspection' },
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
