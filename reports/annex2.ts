import { type Enterprise, type PartnerRef, type ProductCategory, type YearMonth, windowMonths } from '../domain/campaign';
import { annex2FieldLabels as F, annex2ReportLabels, enterpriseTypeLabels, formLabels, productCategoryLabels, reportLabels, reportPunctuation } from '../domain/labels';
import { compareCodes } from './assess';
import type { Annex2Data, Annex2Dossier } from './data';
import { chineseMonth } from './format';
import { groupOrder } from './groups';
import { type BuildOptions, type ReportHeader, reportHeader, titleRows } from './header';
import { type Cell, type Sheet, SheetBuilder } from './sheet';

/** 附表2 企业基本情况核查表, one per enterprise: its basic block and its monthly table over the review window. */
export interface Annex2Report extends ReportHeader {
  province: string;
  enterprises: Annex2Enterprise[];
}

export interface Annex2Enterprise {
  enterprise: Enterprise;
  miningLicences: string[];
  eiaApprovals: { authority: string; documentNo: string }[];
  safetyFilings: { authority: string; documentNo: string }[];
  /** Every month of the window, with or without lines. */
  months: { month: YearMonth; lines: Annex2Line[] }[];
  totals: Annex2Totals;
}

/** One product with one partner in one month; quantities in kg REO. */
export interface Annex2Line {
  product: string;
  category: ProductCategory;
  planKg?: number;
  productionKg: number;
  exportKg: number;
  purchaseKg: number;
  supplier?: PartnerRef;
  salesKg: number;
  customer?: PartnerRef;
}

type ByCategory = Record<ProductCategory, number>;

export interface Annex2Totals {
  planKg: ByCategory;
  productionKg: ByCategory;
  exportKg: number;
  purchaseKg: ByCategory;
  salesKg: ByCategory;
}

/** The same province's workbook narrowed to one enterprise: the single-enterprise form. */
export function singleEnterprise(data: Annex2Data, code: string): Annex2Data {
  const dossier = data.dossiers.find((d) => d.enterprise.code === code);
  if (!dossier) throw new RangeError(`enterprise ${code} is not in the annex 2 data of ${data.province}`);
  return { ...data, dossiers: [dossier] };
}

const categories: readonly ProductCategory[] = ['mineral', 'smelted'];

/** The column a line mainly fills, in the form's order: production lines first, then exports, purchases, sales. */
function columnRank(l: Annex2Line): number {
  if (l.productionKg > 0 || (l.planKg ?? 0) > 0) return 0;
  if (l.exportKg > 0) return 1;
  return l.purchaseKg > 0 ? 2 : 3;
}

function compareLines(a: Annex2Line, b: Annex2Line): number {
  const text = (l: Annex2Line) => [l.product, l.supplier?.name ?? '', l.supplier?.code ?? '', l.customer?.name ?? '', l.customer?.code ?? ''];
  const figures = (l: Annex2Line) => [categories.indexOf(l.category), columnRank(l), l.planKg ?? -1, l.productionKg, l.exportKg, l.purchaseKg, l.salesKg];
  const [ta, tb, fa, fb] = [text(a), text(b), figures(a), figures(b)];
  return fa[0] - fb[0] || fa[1] - fb[1] || ta.reduce((c, x, i) => c || compareCodes(x, tb[i]), 0) || fa.reduce((c, x, i) => c || x - fb[i], 0);
}

function enterpriseOf(dossier: Annex2Dossier, months: readonly YearMonth[]): Annex2Enterprise {
  const byMonth = new Map<YearMonth, Annex2Line[]>(months.map((m) => [m, []]));
  const zero = (): ByCategory => ({ mineral: 0, smelted: 0 });
  const totals: Annex2Totals = { planKg: zero(), productionKg: zero(), exportKg: 0, purchaseKg: zero(), salesKg: zero() };
  for (const row of dossier.ledger) {
    const lines = byMonth.get(row.month);
    if (!lines) continue;
    const line: Annex2Line = {
      product: row.product,
      category: row.category,
      ...(row.planKgReo === undefined ? {} : { planKg: row.planKgReo }),
      productionKg: row.productionKgReo,
      exportKg: row.exportKgReo,
      purchaseKg: row.purchaseKgReo,
      ...(row.supplier === undefined ? {} : { supplier: row.supplier }),
      salesKg: row.salesKgReo,
      ...(row.customer === undefined ? {} : { customer: row.customer }),
    };
    lines.push(line);
    totals.planKg[row.category] += row.planKgReo ?? 0;
    totals.productionKg[row.category] += row.productionKgReo;
    totals.exportKg += row.exportKgReo;
    totals.purchaseKg[row.category] += row.purchaseKgReo;
    totals.salesKg[row.category] += row.salesKgReo;
  }
  const papers = (docs: readonly { authority: string; documentNo: string; issuedOn: string }[]) =>
    [...docs]
      .sort((a, b) => compareCodes(a.issuedOn, b.issuedOn) || compareCodes(a.documentNo, b.documentNo))
      .map((d) => ({ authority: d.authority, documentNo: d.documentNo }));
  return {
    enterprise: dossier.enterprise,
    miningLicences: [...dossier.miningLicences].sort((a, b) => compareCodes(a.validFrom, b.validFrom) || compareCodes(a.number, b.number)).map((l) => l.number),
    eiaApprovals: papers(dossier.eiaApprovals),
    safetyFilings: papers(dossier.safetyFilings),
    months: months.map((month) => ({ month, lines: byMonth.get(month)!.sort(compareLines) })),
    totals,
  };
}

export function buildAnnex2(data: Annex2Data, options: BuildOptions): Annex2Report {
  const months = windowMonths(data.campaign.reviewWindow);
  return {
    ...reportHeader('annex2', formLabels.annex2.zh, data.campaign, data.province, options),
    province: data.province,
    enterprises: [...data.dossiers].sort((a, b) => compareCodes(a.enterprise.code, b.enterprise.code)).map((d) => enterpriseOf(d, months)),
  };
}

// The monthly table's thirteen columns: month, product, then each quantity split into mineral and
// smelted products as the form's note asks, exports (one column) and the partners.
const columns = [
  { width: 11, align: 'center' as const },
  { width: 14 },
  ...Array.from({ length: 7 }, () => ({ width: 11 })),
  { width: 26 },
  { width: 11 },
  { width: 11 },
  { width: 26 },
];
const WIDTH = columns.length;

const label = (l: { zh: string }): Cell => ({ label: l.zh });
const kgCell = (kg: number | undefined): Cell => (kg === undefined || kg === 0 ? '' : { kg });
const split = (category: ProductCategory, kg: number | undefined): Cell[] => categories.map((c) => (c === category ? kgCell(kg) : ''));
const papersText = (docs: readonly { authority: string; documentNo: string }[]) => docs.map((d) => `${d.authority} ${d.documentNo}`).join(reportPunctuation.list);

function typeBoxes(types: readonly string[]): string {
  return groupOrder
    .map((t) => `${types.includes(t) ? annex2ReportLabels.checked.zh : annex2ReportLabels.unchecked.zh} ${enterpriseTypeLabels[t].zh}`)
    .join(reportPunctuation.space.repeat(2));
}

function enterpriseSheet(report: Annex2Report, e: Annex2Enterprise): Sheet {
  const b = new SheetBuilder(e.enterprise.code, columns);
  const x = e.enterprise;
  titleRows(b, report, 2);
  b.spannedRow('field', [label(F.name), x.name], [2, WIDTH - 2]);
  b.spannedRow('field', [label(F.address), x.address], [2, WIDTH - 2]);
  b.spannedRow('field', [label(F.legalRepresentative), x.legalRepresentative, label(F.phone), x.phone], [2, 4, 2, WIDTH - 8]);
  b.spannedRow('field', [label(F.contact), x.contact, label(F.contactTitle), x.contactTitle, label(F.mobile), x.mobile], [2, 3, 2, 2, 1, WIDTH - 10]);
  b.spannedRow('field', [label(F.types), typeBoxes(x.types)], [2, WIDTH - 2]);
  b.spannedRow('field', [label(F.miningLicenceNo), e.miningLicences.join(reportPunctuation.list)], [2, WIDTH - 2]);
  b.spannedRow('field', [label(annex2ReportLabels.eiaApproval), papersText(e.eiaApprovals)], [2, WIDTH - 2]);
  b.spannedRow('field', [label(annex2ReportLabels.safetyFiling), papersText(e.safetyFilings)], [2, WIDTH - 2]);
  b.wideRow('section', F.monthlyTable.zh);

  const top = b.row('heading', [
    F.month.zh,
    annex2ReportLabels.product.zh,
    F.plan.zh,
    '',
    F.production.zh,
    '',
    F.export.zh,
    F.purchase.zh,
    '',
    F.supplier.zh,
    F.sales.zh,
    '',
    F.customer.zh,
  ]);
  const [mineral, smelted] = categories.map((c) => productCategoryLabels[c].zh);
  const bottom = b.row('heading', ['', '', mineral, smelted, mineral, smelted, '', mineral, smelted, '', mineral, smelted, '']);
  for (const column of [1, 2, 7, 10, 13]) b.merge(top, column, bottom, column);
  for (const column of [3, 5, 8, 11]) b.merge(top, column, top, column + 1);

  for (const { month, lines } of e.months) {
    const first = b.rows.length + 1;
    if (lines.length === 0) b.row('data', [chineseMonth(month)]);
    lines.forEach((l, i) => {
      b.row('data', [
        i === 0 ? chineseMonth(month) : '',
        l.product,
        ...split(l.category, l.planKg),
        ...split(l.category, l.productionKg),
        kgCell(l.exportKg),
        ...split(l.category, l.purchaseKg),
        l.supplier?.name ?? '',
        ...split(l.category, l.salesKg),
        l.customer?.name ?? '',
      ]);
    });
    b.merge(first, 1, b.rows.length, 1);
  }
  const t = e.totals;
  const both = (kg: ByCategory): Cell[] => categories.map((c) => ({ kg: kg[c] }));
  const total = b.row('total', [reportLabels.total.zh, '', ...both(t.planKg), ...both(t.productionKg), { kg: t.exportKg }, ...both(t.purchaseKg), '', ...both(t.salesKg), '']);
  b.merge(total, 1, total, 2);
  b.wideRow('note', annex2ReportLabels.note.zh);
  return b.build({ frozenRows: bottom, printTitleRows: { from: top, to: bottom } });
}

/** A province with no enterprise to check still submits: one sheet saying so, not an empty file. */
function nothingToCheck(report: Annex2Report): Sheet {
  const b = new SheetBuilder(report.province, columns);
  titleRows(b, report, 2);
  const row = b.wideRow('field', annex2ReportLabels.noEnterprises.zh);
  return b.build({ frozenRows: row - 1 });
}

export function annex2Sheets(report: Annex2Report): Sheet[] {
  if (report.enterprises.length === 0) return [nothingToCheck(report)];
  return report.enterprises.map((e) => enterpriseSheet(report, e));
}
