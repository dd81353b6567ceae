import { type CampaignDataset, resolvePartner } from '../campaign';
import { type Evidence, tradeEvidence } from './evidence';
import type { EnterpriseFacts } from './facts';

/**
 * Purchases whose supplier cannot be traced (无法说明矿产品来源): no supplier given, or one that is not
 * among the listed enterprises by code (or, lacking a code, by name). Such a source is not proven
 * illegal, so it is not question 2; the enterprise must prove the resource tax was paid.
 */
export function checkSources(facts: EnterpriseFacts, dataset: CampaignDataset): Evidence[] {
  const evidence: Evidence[] = [];
  for (const p of facts.purchases) {
    if (resolvePartner(dataset, p.partner)) continue;
    evidence.push(tradeEvidence(p, { code: 'unexplainedSource', direction: 'purchase', issue: 'untraceableSupplier' }));
  }
  return evidence;
}
