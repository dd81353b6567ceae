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
