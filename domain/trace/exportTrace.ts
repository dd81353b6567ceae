import {
  type CampaignDataset,
  type EnterpriseDossier,
  type ProductCategory,
  type ReviewWindow,
  type YearMonth,
  dateInWindow,
  monthOf,
  resolvePartner,
  windowDays,
  windowMonths,
} from '../campaign';
import type { EnterpriseType } from '../enums';
import { type Evidence, type FindingCode, sortFindingCodes } from '../rules';
import { checkConditions } from '../rules/conditions';
import type { EnterpriseFacts } from '../rules/facts';
import { checkMining } from '../rules/mining';
import { defaultThresholds, type Thresholds } from '../rules/thresholds';

/**
 * Section 一.(四) (核查稀土出口企业产品来源情况): an exporter's exported tonnes followed back along
 * the chain (export ← trader ← smelter or recycler ← mine) through the archive's purchases, to the
 * mines that produced them.
 *
 * Lots are not tracked, so each link accounts for what it passed on first in, first out: its own
 * production and its purchases of the review window in month order (own production before a
 * purchase of the same month). What it cannot account for that way is its untraced remainder.
 * Filling in a fixed order makes the result independent of the order demand reaches a link, so a
 * link reached by two paths answers for the sum, and a cycle of purchases settles: every step
 * uses up some of a finite supply.
 */

/** Whether a link's own production is legal: what the mining rules found against it. */
export interface MineLegality {
  legal: boolean;
  findings: FindingCode[];
  evidence: Evidence[];
}

export interface TraceLink {
  /** The credit code; for a supplier the archive names but does not list, `unlisted:<name>`. */
  code: string;
  name: string;
  province?: string;
  types: EnterpriseType[];
  listed: boolean;
  /** What the chain asks this link to account for (kg REO). */
  demandKg: number;
  /** Accounted for by its own production (mining, recovery). */
  ownProductionKg: number;
  /** Accounted for by purchases, listed suppliers or not. */
  purchasedKg: number;
  /** Neither: ownProductionKg + purchasedKg + untracedKg = demandKg. */
  untracedKg: number;
  /** Of demandKg, what comes from illegal production somewhere upstream (or here). */
  illegalKg: number;
  /** Only for a link whose own production the trace used. */
  mine?: MineLegality;
  /** Months in which it sold along the chain (or exported) without VAT on record. */
  vatUnpaidMonths: YearMonth[];
  /** Months of its own production used without resource tax on record. */
  resourceTaxUnpaidMonths: YearMonth[];
}

/** Quantity passed from a supplier to a buyer along the chain, with the records that state it. */
export interface TraceEdge {
  supplier: string;
  buyer: string;
  kgReo: number;
  illegalKg: number;
  months: YearMonth[];
  invoiceNos: string[];
  /** Those of invoiceNos issued outside the seller's province (异地开票). */
  offSiteInvoiceNos: string[];
}

export interface ExportTrace {
  exporterCode: string;
  window: ReviewWindow;
  exportedKg: number;
  /** The exporter first, then in the order the trace reached them. */
  links: TraceLink[];
  edges: TraceEdge[];
  /** Some of the exported tonnes come from an illegal mine. */
  illegalSource: boolean;
}

interface Source {
  month: YearMonth;
  kg: number;
  /** Absent for own production. */
  supplier?: string;
  invoiceNos: string[];
  offSiteInvoiceNos: string[];
}

interface LinkIndex {
  dossier?: EnterpriseDossier;
  name: string;
  /** In fill order. */
  sources: Source[];
  exportedKg: number;
  exportMonths: YearMonth[];
  vatPaid: Set<YearMonth>;
  resourceTaxPaid: Set<YearMonth>;
  mine?: MineLegality & { illegalSince?: YearMonth };
}

/** What the trace reads of a dataset, worked out once per dataset, window and thresholds. */
export interface TraceIndex {
  readonly dataset: CampaignDataset;
  readonly window: ReviewWindow;
  readonly thresholds: Thresholds;
  readonly links: Map<string, LinkIndex>;
}

export function traceIndex(dataset: CampaignDataset, window: ReviewWindow, thresholds: Thresholds = defaultThresholds): TraceIndex {
  return { dataset, window, thresholds, links: new Map() };
}

function unlistedCode(name: string | undefined): string {
  return `unlisted:${name ?? ''}`;
}

function indexLink(index: TraceIndex, code: string): LinkIndex {
  const known = index.links.get(code);
  if (known) return known;
  const dossier = index.dataset.byCode.get(code);
  const link = dossier ? indexDossier(index, dossier) : { name: code.slice('unlisted:'.length), sources: [], exportedKg: 0, exportMonths: [], vatPaid: new Set<YearMonth>(), resourceTaxPaid: new Set<YearMonth>() };
  index.links.set(code, link);
  return link;
}

/**
 * A link's purchases, merged as the rules' facts merge them (a month's ledger lines and invoices of
 * the same supplier are one purchase, the ledger's figure first) but across products, since REO
 * tonnes are what the chain passes on; read without the rest of the facts, because the trace visits
 * most of the archive and only its purchase side.
 */
function indexDossier(index: TraceIndex, dossier: EnterpriseDossier): LinkIndex {
  const { dataset, window, thresholds } = index;
  const self = dossier.enterprise;
  const months = windowMonths(window);
  const first = months[0];
  const last = months[months.length - 1];
  const production: Record<ProductCategory, Map<YearMonth, number>> = { mineral: new Map(), smelted: new Map() };
  type Purchase = Source & { ledgerKg?: number; invoicedKg: number };
  // By month, then supplier: no key strings for half a million invoices.
  const purchases = new Map<YearMonth, Map<string, Purchase>>();
  const purchase = (month: YearMonth, supplier: string) => {
    let bySupplier = purchases.get(month);
    if (!bySupplier) purchases.set(month, (bySupplier = new Map()));
    let p = bySupplier.get(supplier);
    if (!p) bySupplier.set(supplier, (p = { month, kg: 0, supplier, invoiceNos: [], offSiteInvoiceNos: [], invoicedKg: 0 }));
    return p;
  };
  const supplierOf = (partner: { code?: string; name?: string }) => resolvePartner(dataset, partner)?.enterprise ?? unlistedCode(partner.name ?? partner.code);
  let exportedKg = 0;
  const exportMonths = new Set<YearMonth>();
  for (const row of dossier.ledger) {
    if (row.month < first || row.month > last) continue;
    if (row.productionKgReo > 0) production[row.category].set(row.month, (production[row.category].get(row.month) ?? 0) + row.productionKgReo);
    if (row.exportKgReo > 0) {
      exportedKg += row.exportKgReo;
      exportMonths.add(row.month);
    }
    if (row.purchaseKgReo <= 0) continue;
    const supplier = supplierOf(row.supplier ?? {});
    if (typeof supplier !== 'string' && supplier.code === self.code) continue;
    const p = purchase(row.month, typeof supplier === 'string' ? supplier : supplier.code);
    p.ledgerKg = (p.ledgerKg ?? 0) + row.purchaseKgReo;
  }
  for (const t of dossier.tradesIn) {
    if (!dateInWindow(window, t.date) || t.sellerCode === self.code) continue;
    const seller = dataset.byCode.get(t.sellerCode)?.enterprise;
    const p = purchase(monthOf(t.date), seller ? seller.code : unlistedCode(t.sellerCode));
    p.invoicedKg += t.kgReo;
    p.invoiceNos.push(t.invoiceNo);
    if (seller && t.invoiceProvince !== seller.province) p.offSiteInvoiceNos.push(t.invoiceNo);
  }
  const sources: Source[] = [];
  // A recycler's output is recovered from scrap: like mined ore, it starts a chain.
  const own = self.types.includes('recycling') ? [production.mineral, production.smelted] : [production.mineral];
  for (const byMonth of own) for (const [month, kg] of byMonth) sources.push({ month, kg, invoiceNos: [], offSiteInvoiceNos: [] });
  for (const bySupplier of purchases.values()) for (const { ledgerKg, invoicedKg, ...p } of bySupplier.values()) sources.push({ ...p, kg: ledgerKg ?? invoicedKg });
  // Own production ('' sorts first) before a purchase of the same month; code order, not locale order, is deterministic and fast.
  const before = (a: Source, b: Source) => a.month < b.month || (a.month === b.month && (a.supplier ?? '') < (b.supplier ?? ''));
  sources.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  const windowed = new Set(months);
  const vatPaid = new Set<YearMonth>();
  const resourceTaxPaid = new Set<YearMonth>();
  for (const t of dossier.taxRecords) {
    if (!windowed.has(t.period)) continue;
    if (t.vatFen > 0) vatPaid.add(t.period);
    if (t.resourceTaxFen > 0) resourceTaxPaid.add(t.period);
  }
  const mine = production.mineral.size > 0 ? mineLegality({ dossier, months, days: windowDays(window), production, purchases: [], sales: [], ledgerLines: [] }, thresholds) : undefined;
  return { dossier, name: self.name, sources, exportedKg, exportMonths: [...exportMonths].sort(), vatPaid, resourceTaxPaid, mine };
}

/**
 * The mining rules' findings against a link's own ore: no licence, over quota, illegal mining.
 * They read production, the months and the licences only, so the facts they get carry no flows.
 */
function mineLegality(facts: EnterpriseFacts, thresholds: Thresholds): MineLegality & { illegalSince?: YearMonth } {
  const mining = checkMining(facts, thresholds);
  const licence = checkConditions(facts).mining.evidence.filter((e) => e.code === 'noMiningLicence');
  const evidence = [...mining.evidence, ...licence];
  let illegalSince = mining.firstIllegalMonth;
  // Without any licence on file every month of the window was mined illegally.
  if (licence.some((e) => e.kind === 'documentMissing')) illegalSince = facts.months[0];
  for (const e of licence) if (e.kind === 'monthNotCovered' && (illegalSince === undefined || e.month < illegalSince)) illegalSince = e.month;
  return { legal: evidence.length === 0, findings: sortFindingCodes(evidence.map((e) => e.code)), evidence, illegalSince };
}

interface LinkState {
  index: LinkIndex;
  cursor: number;
  /** What is left of sources[cursor]. */
  left: number;
  demandKg: number;
  ownByMonth: Map<YearMonth, number>;
  purchasedKg: number;
  untracedKg: number;
  pending: number;
}

/** One exporter's trace. Pure: the same dataset gives the same trace. */
export function traceExporter(index: TraceIndex, exporterCode: string): ExportTrace {
  const exporter = indexLink(index, exporterCode);
  const states = new Map<string, LinkState>();
  const edges = new Map<string, TraceEdge & { monthSet: Set<YearMonth> }>();
  const order: string[] = [];
  const stateOf = (code: string): LinkState => {
    let s = states.get(code);
    if (!s) {
      const linkIndex = indexLink(index, code);
      s = { index: linkIndex, cursor: 0, left: linkIndex.sources[0]?.kg ?? 0, demandKg: 0, ownByMonth: new Map(), purchasedKg: 0, untracedKg: 0, pending: 0 };
      states.set(code, s);
      order.push(code);
    }
    return s;
  };
  const queue: string[] = [exporterCode];
  stateOf(exporterCode).pending = exporter.exportedKg;
  while (queue.length > 0) {
    const code = queue.shift()!;
    const s = states.get(code)!;
    let need = s.pending;
    s.pending = 0;
    s.demandKg += need;
    const sources = s.index.sources;
    while (need > 0 && s.cursor < sources.length) {
      const source = sources[s.cursor];
      const take = Math.min(need, s.left);
      need -= take;
      s.left -= take;
      if (source.supplier === undefined) s.ownByMonth.set(source.month, (s.ownByMonth.get(source.month) ?? 0) + take);
      else {
        s.purchasedKg += take;
        const key = `${source.supplier}>${code}`;
        let edge = edges.get(key);
        if (!edge) edges.set(key, (edge = { supplier: source.supplier, buyer: code, kgReo: 0, illegalKg: 0, months: [], monthSet: new Set(), invoiceNos: [], offSiteInvoiceNos: [] }));
        edge.kgReo += take;
        if (!edge.monthSet.has(source.month)) {
          edge.monthSet.add(source.month);
          edge.invoiceNos.push(...source.invoiceNos);
          edge.offSiteInvoiceNos.push(...source.offSiteInvoiceNos);
        }
        const supplier = stateOf(source.supplier);
        if (supplier.pending === 0) queue.push(source.supplier);
        supplier.pending += take;
      }
      if (s.left === 0 && ++s.cursor < sources.length) s.left = sources[s.cursor].kg;
    }
    s.untracedKg += need;
  }

  const illegalShare = illegalShares(states, edges.values());
  const edgeList = [...edges.values()].map(({ monthSet, ...edge }) => ({
    ...edge,
    months: [...monthSet].sort(),
    illegalKg: Math.round(edge.kgReo * (illegalShare.get(edge.supplier) ?? 0)),
  }));
  const salesMonths = new Map<string, Set<YearMonth>>();
  for (const e of edgeList) {
    let set = salesMonths.get(e.supplier);
    if (!set) salesMonths.set(e.supplier, (set = new Set()));
    for (const m of e.months) set.add(m);
  }
  const links = order.map((code): TraceLink => {
    const s = states.get(code)!;
    const { dossier, mine } = s.index;
    const ownProductionKg = [...s.ownByMonth.values()].reduce((a, b) => a + b, 0);
    const sold = code === exporterCode ? s.index.exportMonths : [...(salesMonths.get(code) ?? [])].sort();
    return {
      code,
      name: s.index.name,
      ...(dossier && { province: dossier.enterprise.province }),
      types: dossier ? [...dossier.enterprise.types] : [],
      listed: dossier !== undefined,
      demandKg: s.demandKg,
      ownProductionKg,
      purchasedKg: s.purchasedKg,
      untracedKg: s.untracedKg,
      illegalKg: Math.round(s.demandKg * (illegalShare.get(code) ?? 0)),
      ...(mine && ownProductionKg > 0 && { mine: { legal: mine.legal, findings: mine.findings, evidence: mine.evidence } }),
      vatUnpaidMonths: dossier ? sold.filter((m) => !s.index.vatPaid.has(m)) : [],
      resourceTaxUnpaidMonths: [...s.ownByMonth.keys()].filter((m) => !s.index.resourceTaxPaid.has(m)).sort(),
    };
  });
  return { exporterCode, window: index.window, exportedKg: exporter.exportedKg, links, edges: edgeList, illegalSource: links[0].illegalKg > 0 };
}

/**
 * Each link's share of its demand that is of illegal origin: its own illegal production plus its
 * suppliers' shares of what they passed it. A cycle of purchases makes this a fixed point, which
 * repeated passes reach (a chain without cycles settles in as many passes as it is long).
 */
function illegalShares(states: Map<string, LinkState>, edges: Iterable<TraceEdge>): Map<string, number> {
  const inbound = new Map<string, TraceEdge[]>();
  for (const e of edges) {
    let list = inbound.get(e.buyer);
    if (!list) inbound.set(e.buyer, (list = []));
    list.push(e);
  }
  const ownIllegal = new Map<string, number>();
  for (const [code, s] of states) {
    const since = s.index.mine?.illegalSince;
    if (since === undefined) continue;
    let kg = 0;
    for (const [month, used] of s.ownByMonth) if (month >= since) kg += used;
    if (kg > 0) ownIllegal.set(code, kg);
  }
  const share = new Map<string, number>();
  if (ownIllegal.size === 0) return share;
  const codes = [...states.keys()].reverse();
  for (let pass = 0; pass <= codes.length; pass++) {
    let changed = false;
    for (const code of codes) {
      const s = states.get(code)!;
      if (s.demandKg === 0) continue;
      let kg = ownIllegal.get(code) ?? 0;
      for (const e of inbound.get(code) ?? []) kg += e.kgReo * (share.get(e.supplier) ?? 0);
      const next = kg / s.demandKg;
      if (Math.abs(next - (share.get(code) ?? 0)) > 1e-9) changed = true;
      share.set(code, next);
    }
    if (!changed) break;
  }
  return share;
}

/** Every exporter of the dataset: an enterprise with exports on its ledger or the export box ticked. */
export function traceAllExporters(index: TraceIndex): ExportTrace[] {
  return index.dataset.dossiers
    .filter((d) => d.enterprise.types.includes('export') || d.ledger.some((l) => l.exportKgReo > 0))
    .map((d) => traceExporter(index, d.enterprise.code));
}
