/**
 * 典型案件 (一.(五)): "有关重点稀土产区要根据专用发票及举报等线索重点查办2-3起典型案件". The plan
 * names no list of key producing regions; the provinces MIIT starts a campaign in are the ones it
 * asks this of, so the quota holds for every province of a campaign. Typical cases are publicised
 * (三.(三) 通报典型案件).
 */
export const typicalCaseQuota = { min: 2, max: 3 } as const;

/** MIIT is warned of a province with no typical case this many campaign days before the campaign ends ("a month"). */
export const typicalCaseWarningDays = 30;

/**
 * Why the system proposes an enterprise as a typical case: what the plan names as targets
 * (off-site invoicing of illegal products, tips) and what the campaign's own work marks as serious
 * (a trace to an illegal mine or with tonnes no one accounts for, MIIT's supervision, a transfer to
 * public security). The coordinator designates; a reason only proposes.
 */
export const typicalReasons = ['offSiteInvoicing', 'untracedQuantity', 'illegalMineTrace', 'tipConfirmed', 'supervised', 'transferredToPublicSecurity'] as const;
export type TypicalReasonCode = (typeof typicalReasons)[number];
