import {
  type CampaignDataset,
  type EnterpriseDossier,
  type ProductCategory,
  type ReviewWindow,
  type YearMonth,
  dateInWindow,
  monthOf,
  windowDays,
  windowMonths,
} from '../campaign';
import type { FlowSource, PartnerMention } from './evidence';

/** A purchase or sale as one record states it: a ledger line or an invoice. */
export interface Flow {
  month: YearMonth;
  partner: PartnerMention;
  product: string;
  category: ProductCategory;
  kgReo: number;
  source: FlowSource;
  invoiceNo?: string;
}

/**
 * One dossier reduced to what the rules read, in a single pass over its ledger and invoices,
 * restricted to the review window. Ledger lines are monthly, so a month the window only partly
 * covers counts whole.
 */
export interface EnterpriseFacts {
  readonly dossier: EnterpriseDossier;
  readonly months: readonly YearMonth[];
  readonly days: { from: number; to: number };
  /** Production per category and month; months without production are absent. */
  readonly production: Record<ProductCategory, Map<YearMonth, number>>;
  /** Ledger lines and invoices both: rules that follow partners read every trace. */
  readonly purchases: Flow[];
  readonly sales: Flow[];
  /** Ledger totals only: the enterprise's own account, which is what must balance. */
  readonly ledgerTotals: { purchases: number; sales: number; exports: number; production: Record<ProductCategory, number> };
}

export function enterpriseFacts(dossier: EnterpriseDossier, window: ReviewWindow): EnterpriseFacts {
  const months = windowMonths(window);
  const first = months[0];
  const last = months[months.length - 1];
  const production: Record<ProductCategory, Map<YearMonth, number>> = { mineral: new Map(), smelted: new Map() };
  const purchases: Flow[] = [];
  const sales: Flow[] = [];
  const totals = { purchases: 0, sales: 0, exports: 0, production: { mineral: 0, smelted: 0 } };

  for (const row of dossier.ledger) {
    if (row.month < first || row.month > last) continue;
    const { month, product, category } = row;
    if (row.productionKgReo > 0) {
      const byMonth = production[category];
      byMonth.set(month, (byMonth.get(month) ?? 0) + row.productionKgReo);
      totals.production[category] += row.productionKgReo;
    }
    totals.exports += row.exportKgReo;
    if (row.purchaseKgReo > 0) {
      totals.purchases += row.purchaseKgReo;
      purchases.push({ month, partner: row.supplier ?? {}, product, category, kgReo: row.purchaseKgReo, source: 'ledger' });
    }
    if (row.salesKgReo > 0) {
      totals.sales += row.salesKgReo;
      sales.push({ month, partner: row.customer ?? {}, product, category, kgReo: row.salesKgReo, source: 'ledger' });
    }
  }
  for (const t of dossier.tradesIn) {
    if (!dateInWindow(window, t.date)) continue;
    purchases.push({ month: monthOf(t.date), partner: { code: t.sellerCode }, product: t.product, category: t.category, kgReo: t.kgReo, source: 'invoice', invoiceNo: t.invoiceNo });
  }
  for (const t of dossier.tradesOut) {
    if (!dateInWindow(window, t.date)) continue;
    sales.push({ month: monthOf(t.date), partner: t.buyer, product: t.product, category: t.category, kgReo: t.kgReo, source: 'invoice', invoiceNo: t.invoiceNo });
  }
  return { dossier, months, days: windowDays(window), production, purchases, sales, ledgerTotals: totals };
}

/** Invoices carry only the partner's code; its name makes the evidence readable. */
export function namedMention(dataset: CampaignDataset, partner: PartnerMention): PartnerMention {
  if (partner.name !== undefined || partner.code === undefined) return partner;
  const known = dataset.byCode.get(partner.code);
  return known ? { code: partner.code, name: known.enterprise.name } : partner;
}
