import { type CampaignDataset, type ReviewWindow, dateInWindow } from '../campaign';
import type { EnterpriseDossier } from '../campaign';
import type { Evidence } from './evidence';
import { namedMention } from './facts';

/**
 * Off-site invoicing (异地开票), named in section 一: an invoice for the enterprise's sales issued in
 * a province other than its own, the way illegal products are given a legal-looking paper trail.
 */
export function checkInvoicing(dossier: EnterpriseDossier, dataset: CampaignDataset, window: ReviewWindow): Evidence[] {
  const sellerProvince = dossier.enterprise.province;
  const evidence: Evidence[] = [];
  for (const t of dossier.tradesOut) {
    if (t.invoiceProvince === sellerProvince || !dateInWindow(window, t.date)) continue;
    evidence.push({
      kind: 'offSiteInvoice',
      code: 'offSiteInvoicing',
      invoiceNo: t.invoiceNo,
      date: t.date,
      buyer: namedMention(dataset, t.buyer),
      kgReo: t.kgReo,
      invoiceProvince: t.invoiceProvince,
      sellerProvince,
    });
  }
  return evidence;
}
