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

/**
 * One purchase or sale: a month's ledger line and the VAT invoices of the same month, partner and
 * product are one fact, so a rule that finds it states it once, naming every record behind it.
 */
export interface Flow {
  month: YearMonth;
  partner: PartnerMention;
  product: string;
  category: ProductCategory;
  /** The enterprise's own ledger figure where it has one, otherwise what the invoices add up to. */
  kgReo: number;
  /** The records that state it, ledger before invoice. */
  sources: FlowSource[];
  invoiceNos: string[];
  /** Only where the ledger and the invoices both state the flow and disagree on the quantity. */
  invoicedKgReo?: number;
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
  /** Ledger lines and invoices merged into one fact each: rules that follow partners read every trace. */
  readonly purchases: Flow[];
  readonly sales: Flow[];
  /** Ledger lines only, by category: the enterprise's own account, which is what must balance. */
  readonly ledgerLines: readonly LedgerLine[];
}

/** A ledger row of the window as the balance reads it. */
export interface LedgerLine {
  month: YearMonth;
  category: ProductCategory;
  customer?: PartnerMention;
  productionKgReo: number;
  purchaseKgReo: number;
  salesKgReo: number;
  exportKgReo: number;
}

/** Invoices carry the partner's code, ledger lines its code and name or a name alone. */
function partnerKey(partner: PartnerMention): string {
  return partner.code !== undefined ? `code:${partner.code}` : `name:${partner.name ?? ''}`;
}

/** Folds each month's invoices into the ledger line of the same partner and product. */
function mergeFlows(ledgerFlows: Flow[], invoiceFlows: Flow[]): Flow[] {
  const key = (f: Flow) => [f.month, partnerKey(f.partner), f.product, f.category].join('|');
  const merged = new Map<string, Flow>();
  for (const f of ledgerFlows) {
    const existing = merged.get(key(f));
    if (existing) existing.kgReo += f.kgReo;
    else merged.set(key(f), { ...f, sources: ['ledger'], invoiceNos: [] });
  }
  const invoiced = new Map<string, number>();
  for (const f of invoiceFlows) {
    const k = key(f);
    invoiced.set(k, (invoiced.get(k) ?? 0) + f.kgReo);
    const existing = merged.get(k);
    if (!existing) merged.set(k, { ...f, invoiceNos: [...f.invoiceNos] });
    else {
      if (!existing.sources.includes('invoice')) existing.sources.push('invoice');
      existing.invoiceNos.push(...f.invoiceNos);
      if (existing.partner.name === undefined && f.partner.name !== undefined) existing.partner = { ...existing.partner, name: f.partner.name };
      if (existing.sources[0] !== 'ledger') existing.kgReo += f.kgReo;
    }
  }
  for (const [k, flow] of merged) {
    const invoicedKg = invoiced.get(k);
    if (flow.sources.length === 2 && invoicedKg !== undefined && invoicedKg !== flow.kgReo) flow.invoicedKgReo = invoicedKg;
  }
  return [...merged.values()];
}

export function enterpriseFacts(dossier: EnterpriseDossier, window: ReviewWindow): EnterpriseFacts {
  const months = windowMonths(window);
  const first = months[0];
  const last = months[months.length - 1];
  const production: Record<ProductCategory, Map<YearMonth, number>> = { mineral: new Map(), smelted: new Map() };
  const ledgerPurchases: Flow[] = [];
  const ledgerSales: Flow[] = [];
  const ledgerLines: LedgerLine[] = [];

  for (const row of dossier.ledger) {
    if (row.month < first || row.month > last) continue;
    const { month, product, category } = row;
    if (row.productionKgReo > 0) {
      const byMonth = production[category];
      byMonth.set(month, (byMonth.get(month) ?? 0) + row.productionKgReo);
    }
    ledgerLines.push({
      month,
      category,
      ...(row.customer && { customer: row.customer }),
      productionKgReo: row.productionKgReo,
      purchaseKgReo: row.purchaseKgReo,
      salesKgReo: row.salesKgReo,
      exportKgReo: row.exportKgReo,
    });
    if (row.purchaseKgReo > 0) {
      ledgerPurchases.push({ month, partner: row.supplier ?? {}, product, category, kgReo: row.purchaseKgReo, sources: ['ledger'], invoiceNos: [] });
    }
    if (row.salesKgReo > 0) {
      ledgerSales.push({ month, partner: row.customer ?? {}, product, category, kgReo: row.salesKgReo, sources: ['ledger'], invoiceNos: [] });
    }
  }
  const invoiceFlow = (t: (typeof dossier.tradesIn)[number], partner: PartnerMention): Flow => ({
    month: monthOf(t.date),
    partner,
    product: t.product,
    category: t.category,
    kgReo: t.kgReo,
    sources: ['invoice'],
    invoiceNos: [t.invoiceNo],
  });
  const invoicesIn = dossier.tradesIn.filter((t) => dateInWindow(window, t.date)).map((t) => invoiceFlow(t, { code: t.sellerCode }));
  const invoicesOut = dossier.tradesOut.filter((t) => dateInWindow(window, t.date)).map((t) => invoiceFlow(t, t.buyer));
  return {
    dossier,
    months,
    days: windowDays(window),
    production,
    purchases: mergeFlows(ledgerPurchases, invoicesIn),
    sales: mergeFlows(ledgerSales, invoicesOut),
    ledgerLines,
  };
}

/** Invoices carry only the partner's code; its name makes the evidence readable. */
export function namedMention(dataset: CampaignDataset, partner: PartnerMention): PartnerMention {
  if (partner.name !== undefined || partner.code === undefined) return partner;
  const known = dataset.byCode.get(partner.code);
  return known ? { code: partner.code, name: known.enterprise.name } : partner;
}
