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
