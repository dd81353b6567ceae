import {
  emptyDossier,
  ledgerMonth,
  type CampaignDataset,
  type EnterpriseDossier,
  type LedgerMonth,
  type ProductCategory,
  type TradeRecord,
  buildDataset,
  creditCodeCheckChar,
  defaultReviewWindow,
} from '../../domain/campaign';
import type { EnterpriseType } from '../../domain/enums';
import { type CheckOptions, type RuleResult, checkEnterprise } from '../../domain/rules';

/** Tiny hand-built dossiers for the rule tests: every helper writes exactly what its name says. */

export const window = defaultReviewWindow;
/** The default window's fourteen months, 2013-06 … 2014-07. */
export const allMonths = [
  '2013-06', '2013-07', '2013-08', '2013-09', '2013-10', '2013-11', '2013-12',
  '2014-01', '2014-02', '2014-03', '2014-04', '2014-05', '2014-06', '2014-07',
];

export function code(n: number): string {
  const first17 = `91360100${String(n).padStart(9, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

let serial = 0;

export function enterprise(types: [EnterpriseType, ...EnterpriseType[]], options: { province?: string; name?: string } = {}): EnterpriseDossier {
  const n = ++serial;
  return emptyDossier({
    code: code(n),
    name: options.name ?? `测试企业${n}`,
    address: '江西省测试路1号',
    legalRepresentative: '张某',
    phone: '0797-0000000',
    contact: '李某某',
    contactTitle: '总经理',
    mobile: '10000000000',
    province: options.province ?? '江西省',
    types,
  });
}

export function ledger(d: EnterpriseDossier, month: string, category: ProductCategory, fields: Partial<LedgerMonth>): void {
  d.ledger.push(ledgerMonth({ enterpriseCode: d.enterprise.code, month, product: category === 'mineral' ? '离子型稀土矿' : '氧化镨钕', category, ...fields }));
}

export function produce(d: EnterpriseDossier, category: ProductCategory, kgReo: number, months: readonly string[] = allMonths): void {
  for (const month of months) ledger(d, month, category, { productionKgReo: kgReo });
}

let tradeSeq = 0;

/** An invoice between two dossiers, without ledger lines. */
export function invoice(seller: EnterpriseDossier, buyer: EnterpriseDossier, date: string, kgReo: number, category: ProductCategory, invoiceProvince?: string): TradeRecord {
  const seq = ++tradeSeq;
  const trade: TradeRecord = {
    id: `t${seq}`,
    sellerCode: seller.enterprise.code,
    buyer: { code: buyer.enterprise.code, name: buyer.enterprise.name },
    product: category === 'mineral' ? '离子型稀土矿' : '氧化镨钕',
    category,
    kgReo,
    date,
    invoiceNo: `3600143140-${String(seq).padStart(8, '0')}`,
    invoiceProvince: invoiceProvince ?? seller.enterprise.province,
  };
  seller.tradesOut.push(trade);
  buyer.tradesIn.push(trade);
  return trade;
}

export function licence(d: EnterpriseDossier, validFrom: string, validTo: string, annualQuotaKgReo?: number): void {
  d.miningLicences.push({
    number: `C36${d.miningLicences.length}`,
    holderCode: d.enterprise.code,
    area: '测试矿区',
    validFrom,
    validTo,
    ...(annualQuotaKgReo !== undefined && { annualQuotaKgReo }),
  });
}

export function eia(d: EnterpriseDossier, issuedOn: string, expiresOn?: string): void {
  d.eiaApprovals.push({ enterpriseCode: d.enterprise.code, authority: '江西省环境保护厅', documentNo: `赣环审${d.eiaApprovals.length}`, issuedOn, ...(expiresOn && { expiresOn }) });
}

export function safety(d: EnterpriseDossier, issuedOn: string, expiresOn?: string): void {
  d.safetyFilings.push({ enterpriseCode: d.enterprise.code, authority: '江西省安监局', documentNo: `赣安监备${d.safetyFilings.length}`, issuedOn, ...(expiresOn && { expiresOn }) });
}

export function recoveryApproval(d: EnterpriseDossier, issuedOn: string, expiresOn?: string): void {
  d.recoveryApprovals.push({ enterpriseCode: d.enterprise.code, authority: '江西省国土资源厅', documentNo: `赣国土资回收${d.recoveryApprovals.length}`, issuedOn, ...(expiresOn && { expiresOn }) });
}

export function plan(d: EnterpriseDossier, year: number, category: ProductCategory, quotaKgReo: number): void {
  d.plans.push({ enterpriseCode: d.enterprise.code, year, category, quotaKgReo });
}

/** A mine with every paper in order for the whole window: tests take one thing away. */
export function cleanMine(monthlyKg = 10_000): EnterpriseDossier {
  const mine = enterprise(['mine']);
  produce(mine, 'mineral', monthlyKg);
  licence(mine, '2010-01-01', '2016-12-31', monthlyKg * 12);
  eia(mine, '2010-01-01');
  safety(mine, '2010-01-01', '2016-12-31');
  plan(mine, 2013, 'mineral', monthlyKg * 12);
  plan(mine, 2014, 'mineral', monthlyKg * 12);
  return mine;
}

export function cleanSmelter(): EnterpriseDossier {
  const smelter = enterprise(['smelting']);
  eia(smelter, '2010-01-01');
  safety(smelter, '2010-01-01');
  plan(smelter, 2013, 'smelted', 1_000_000);
  plan(smelter, 2014, 'smelted', 1_000_000);
  return smelter;
}

export function datasetOf(...dossiers: EnterpriseDossier[]): CampaignDataset {
  return buildDataset(dossiers);
}

export function check(d: EnterpriseDossier, dataset: CampaignDataset = datasetOf(d), options?: CheckOptions): RuleResult {
  return checkEnterprise(d, dataset, window, options);
}
