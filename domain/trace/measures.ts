import { type DispositionCode, type ViolationCode, measures } from '../catalogue';
import type { ActingAgency } from '../enums';
import type { YearMonth } from '../campaign';
import type { ExportTrace, TraceLink } from './exportTrace';

/**
 * What section 一.(四) orders once a trace reaches an illegal source: customs confiscates the
 * export products (and with them the exporter's gains); every other link has its illegal gains
 * confiscated, in its own case and province, the mine's with its mineral products; and tax recovers
 * VAT or resource tax wherever a link evaded them. Each names the link's share of the tonnes.
 */
export interface TraceMeasure {
  enterpriseCode: string;
  province: string;
  violation: ViolationCode;
  disposition: DispositionCode;
  agencyKind: ActingAgency;
  /** The link's tonnes of illegal origin (kg REO). */
  illegalKg: number;
  /** What the link had to account for along the chain. */
  demandKg: number;
  /** For a tax measure: the months without the tax on record, and invoices issued off-site. */
  months?: YearMonth[];
  offSiteInvoiceNos?: string[];
}

function measure(link: TraceLink & { province: string }, violation: ViolationCode, disposition: DispositionCode, extra: Partial<TraceMeasure> = {}): TraceMeasure {
  return { enterpriseCode: link.code, province: link.province, violation, disposition, agencyKind: measures[disposition].agency, illegalKg: link.illegalKg, demandKg: link.demandKg, ...extra };
}

export function traceMeasures(trace: ExportTrace): TraceMeasure[] {
  if (!trace.illegalSource) return [];
  const offSiteBySupplier = new Map<string, string[]>();
  for (const e of trace.edges) if (e.offSiteInvoiceNos.length) offSiteBySupplier.set(e.supplier, [...(offSiteBySupplier.get(e.supplier) ?? []), ...e.offSiteInvoiceNos]);
  const result: TraceMeasure[] = [];
  for (const link of trace.links) {
    if (!link.listed || link.province === undefined || link.illegalKg === 0) continue;
    const listed = { ...link, province: link.province };
    if (link.code === trace.exporterCode) result.push(measure(listed, 'illegalSourceExport', 'confiscateExportProducts'));
    else if (link.mine && !link.mine.legal) result.push(measure(listed, link.mine.findings.includes('illegalMining') ? 'illegalMining' : link.mine.findings.includes('overQuotaMining') ? 'overQuotaMining' : 'noMiningLicence', 'confiscateProductsAndGains'));
    else result.push(measure(listed, 'illegalSourceInChain', 'confiscateChainGains'));
    const offSite = offSiteBySupplier.get(link.code) ?? [];
    if (link.vatUnpaidMonths.length || offSite.length) result.push(measure(listed, 'taxEvasion', 'recoverVat', { months: link.vatUnpaidMonths, offSiteInvoiceNos: offSite }));
    if (link.resourceTaxUnpaidMonths.length) result.push(measure(listed, 'taxEvasion', 'recoverResourceTax', { months: link.resourceTaxUnpaidMonths }));
  }
  return result;
}
