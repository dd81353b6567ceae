import type { z } from 'zod';
import {
  type CampaignRecords,
  EiaApproval,
  RecoveryApproval,
  Enterprise,
  LedgerMonth,
  MiningLicence,
  ProductionPlan,
  SafetyFiling,
  TaxRecord,
  TradeRecord,
} from '../domain/campaign';
import { type Label, annex2FieldLabels as annex2, permitLabels } from '../domain/labels';
import type { CellType } from './cells';
import { creditCode, date, digitsText, enterpriseTypes, monthInWindow, productCategory, province, text, tonnes, year, yuan } from './cellTypes';

/**
 * The one description of the intake workbook: templates are drawn from it and files are read
 * against it. Each sheet has its Chinese heading in row 1 and an English line in row 2; data
 * starts in row 3. Headings use the wording of the plan's annex 2 (domain/labels.ts) where the
 * form has the field; the sheets annex 2 does not have (licences, plans, invoices, tax) are the
 * campaign's 生产经营档案 and are worded here.
 */

export interface Column {
  /** The property name in JSON files. */
  key: string;
  /** Where the value goes in the domain record, dot-separated into nested objects. */
  field: string;
  heading: Label;
  /** In characters, for the template. */
  width: number;
  type: CellType<unknown>;
  required: boolean;
  /** The value of an empty cell where the record needs one. */
  blank?: unknown;
}

export type SheetKey = keyof CampaignRecords;

export interface SheetLayout<S extends z.ZodType = z.ZodType> {
  /** The property name in JSON files, and the field of the records the rows become (CampaignRecords' for the annexes). */
  key: string;
  /** The sheet's name in a workbook. */
  name: string;
  en: string;
  columns: readonly Column[];
  /** The domain schema each row must satisfy. */
  schema: S;
  /** The column naming the enterprise a row belongs to, which the file must list. */
  owner?: string;
  /** Columns whose values together may appear on one row only. */
  unique?: readonly string[];
  /** Whether the unique values are compared without regard to case (email addresses are). */
  uniqueIgnoresCase?: boolean;
  /** Fields no column holds, made from those that do. */
  derive?(record: Record<string, unknown>): Record<string, unknown>;
}

function required(key: string, field: string, heading: Label, width: number, type: CellType<unknown>): Column {
  return { key, field, heading, width, type, required: true };
}

function optional(key: string, field: string, heading: Label, width: number, type: CellType<unknown>, blank?: unknown): Column {
  return { key, field, heading, width, type, required: false, blank };
}

const CODE = '统一社会信用代码';

/** The enterprise whose record a row is; every sheet but the list starts with it. */
function ownerCode(field: string, heading: Label = { zh: CODE, en: 'Unified social credit code' }): Column {
  return required(field, field, heading, 22, creditCode);
}

const product = required('product', 'product', { zh: '品名', en: 'Product' }, 16, text);
const category = required('category', 'category', { zh: '产品类别', en: 'Product category' }, 14, productCategory);

/** Annex 2's 环评批复部门及文号 and 安全备案或验收部门及文号: authority and number as separate columns. */
function permitSheet<K extends SheetKey, S extends z.ZodType>(key: K, paper: Label, schema: S): SheetLayout<S> & { key: K } {
  return {
    key,
    name: paper.zh,
    en: paper.en,
    schema,
    owner: 'enterpriseCode',
    columns: [
      ownerCode('enterpriseCode'),
      required('authority', 'authority', { zh: `${paper.zh}部门`, en: 'Issuing authority' }, 24, text),
      required('documentNo', 'documentNo', { zh: `${paper.zh}文号`, en: 'Document no.' }, 24, text),
      required('issuedOn', 'issuedOn', { zh: '发文日期', en: 'Issued on' }, 14, date),
      optional('expiresOn', 'expiresOn', { zh: '有效期止', en: 'Valid to (blank if it does not lapse)' }, 14, date),
    ],
  };
}

export const layout = {
  enterprises: {
    key: 'enterprises',
    name: '企业名单',
    en: 'Enterprises',
    schema: Enterprise,
    unique: ['code'],
    columns: [
      required('code', 'code', { zh: CODE, en: 'Unified social credit code' }, 22, creditCode),
      required('name', 'name', annex2.name, 30, text),
      required('province', 'province', { zh: '省（区、市）', en: 'Province' }, 16, province),
      required('address', 'address', annex2.address, 36, text),
      required('legalRepresentative', 'legalRepresentative', annex2.legalRepresentative, 12, text),
      required('phone', 'phone', annex2.phone, 16, digitsText),
      required('contact', 'contact', annex2.contact, 12, text),
      required('contactTitle', 'contactTitle', annex2.contactTitle, 12, text),
      required('mobile', 'mobile', annex2.mobile, 16, digitsText),
      required('types', 'types', { zh: annex2.types.zh, en: 'Enterprise types (several: 矿山、冶炼分离)' }, 24, enterpriseTypes),
    ],
  },
  miningLicences: {
    key: 'miningLicences',
    name: permitLabels.miningLicence.zh,
    en: permitLabels.miningLicence.en,
    schema: MiningLicence,
    owner: 'holderCode',
    unique: ['number'],
    columns: [
      ownerCode('holderCode', { zh: CODE, en: "Holder's unified social credit code" }),
      required('number', 'number', annex2.miningLicenceNo, 24, text),
      required('area', 'area', { zh: '矿区范围', en: 'Mining area' }, 30, text),
      required('validFrom', 'validFrom', { zh: '有效期起', en: 'Valid from' }, 14, date),
      required('validTo', 'validTo', { zh: '有效期止', en: 'Valid to' }, 14, date),
      optional('annualQuotaTonnes', 'annualQuotaKgReo', { zh: '年度开采指标（折REO，吨）', en: 'Annual extraction quota (t REO)' }, 18, tonnes),
    ],
  },
  eiaApprovals: permitSheet('eiaApprovals', permitLabels.eiaApproval, EiaApproval),
  safetyFilings: permitSheet('safetyFilings', permitLabels.safetyFiling, SafetyFiling),
  recoveryApprovals: permitSheet('recoveryApprovals', permitLabels.recoveryApproval, RecoveryApproval),
  plans: {
    key: 'plans',
    name: '生产计划',
    en: 'Production plans (quotas)',
    schema: ProductionPlan,
    owner: 'enterpriseCode',
    columns: [
      ownerCode('enterpriseCode'),
      required('year', 'year', { zh: '年度', en: 'Year' }, 8, year),
      category,
      required('quotaTonnes', 'quotaKgReo', { zh: '计划量（折REO，吨）', en: 'Plan quota (t REO)' }, 18, tonnes),
    ],
  },
  ledger: {
    key: 'ledger',
    name: annex2.monthlyTable.zh,
    en: annex2.monthlyTable.en,
    schema: LedgerMonth,
    owner: 'enterpriseCode',
    columns: [
      ownerCode('enterpriseCode'),
      required('month', 'month', annex2.month, 12, monthInWindow),
      product,
      category,
      optional('planTonnes', 'planKgReo', annex2.plan, 14, tonnes),
      optional('productionTonnes', 'productionKgReo', annex2.production, 14, tonnes),
      optional('exportTonnes', 'exportKgReo', annex2.export, 14, tonnes),
      optional('purchaseTonnes', 'purchaseKgReo', annex2.purchase, 14, tonnes),
      optional('supplierName', 'supplier.name', annex2.supplier, 30, text),
      optional('supplierCode', 'supplier.code', { zh: `${annex2.supplier.zh}${CODE}`, en: "Supplier's credit code (if known)" }, 22, creditCode),
      optional('salesTonnes', 'salesKgReo', annex2.sales, 14, tonnes),
      optional('customerName', 'customer.name', annex2.customer, 30, text),
      optional('customerCode', 'customer.code', { zh: `${annex2.customer.zh}${CODE}`, en: "Customer's credit code (if known)" }, 22, creditCode),
    ],
  },
  trades: {
    key: 'trades',
    name: '交易记录',
    en: 'Sales invoices',
    schema: TradeRecord,
    owner: 'sellerCode',
    unique: ['invoiceNo', 'product'],
    // A spreadsheet has no record ids; an invoice line is one product on one invoice.
    derive: (record) => ({ ...record, id: `${String(record.invoiceNo)}/${String(record.product)}` }),
    columns: [
      ownerCode('sellerCode', { zh: `销售方${CODE}`, en: "Seller's unified social credit code" }),
      required('buyerName', 'buyer.name', { zh: '购买方名称', en: 'Buyer' }, 30, text),
      optional('buyerCode', 'buyer.code', { zh: `购买方${CODE}`, en: "Buyer's credit code (if known)" }, 22, creditCode),
      product,
      category,
      required('quantityTonnes', 'kgReo', { zh: '数量（折REO，吨）', en: 'Quantity (t REO)' }, 14, tonnes),
      required('date', 'date', { zh: '开票日期', en: 'Invoice date' }, 14, date),
      required('invoiceNo', 'invoiceNo', { zh: '专用发票号', en: 'VAT special invoice no.' }, 26, text),
      required('invoiceProvince', 'invoiceProvince', { zh: '开票地省（区、市）', en: 'Province where invoiced' }, 16, province),
      optional('amountYuan', 'amountFen', { zh: '金额（元）', en: 'Amount (yuan)' }, 16, yuan),
    ],
  },
  taxRecords: {
    key: 'taxRecords',
    name: '税费缴纳',
    en: 'Taxes and fees paid',
    schema: TaxRecord,
    owner: 'enterpriseCode',
    unique: ['enterpriseCode', 'period'],
    columns: [
      ownerCode('enterpriseCode'),
      required('period', 'period', { zh: '所属期', en: 'Tax period (month)' }, 12, monthInWindow),
      // An empty amount is nothing paid: the clerk copies the tax notice, which lists only what was paid.
      optional('vatYuan', 'vatFen', { zh: '增值税（元）', en: 'VAT (yuan)' }, 16, yuan, 0),
      optional('resourceTaxYuan', 'resourceTaxFen', { zh: '矿产资源税（元）', en: 'Resource tax (yuan)' }, 16, yuan, 0),
      optional('compensationFeeYuan', 'compensationFeeFen', { zh: '矿产资源补偿费（元）', en: 'Resource compensation fee (yuan)' }, 18, yuan, 0),
    ],
  },
} satisfies { [K in SheetKey]: SheetLayout & { key: K } };

/** A sheet of the annex workbook: its rows become a field of CampaignRecords. */
export type CampaignSheet<S extends z.ZodType = z.ZodType> = SheetLayout<S> & { key: SheetKey };

/** All sheets, in workbook order. */
export const sheets: readonly CampaignSheet[] = Object.values(layout);

/** The annex 1 list is the enterprise sheet alone; annex 2 is every sheet. */
export const annexSheets = { annex1: [layout.enterprises], annex2: sheets } as const;

/** The hidden sheet holding the templates' drop-down lists; import skips it. */
export const LISTS_SHEET = '选项';
