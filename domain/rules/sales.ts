import { type CampaignDataset, resolvePartner, yearOf } from '../campaign';
import { type Evidence, tradeEvidence } from './evidence';
import { type EnterpriseFacts, namedMention } from './facts';
import { holdsPlan } from './plans';

/**
 * Annex 3 question 5 (是否将矿产品销售给无计划企业): each sale of mineral products to a customer that
 * holds no plan for the year of the sale. A customer that cannot be identified cannot be shown to
 * hold one, so it is reported too, as unknown.
 */
export function checkOreSales(facts: EnterpriseFacts, dataset: CampaignDataset): Evidence[] {
  const evidence: Evidence[] = [];
  for (const s of facts.sales) {
    if (s.category !== 'mineral') continue;
    const customer = resolvePartner(dataset, s.partner);
    const year = yearOf(s.month);
    if (customer && holdsPlan(customer.plans, year)) continue;
    evidence.push(tradeEvidence(s, { code: 'soldToUnplanned', direction: 'sale', partner: namedMention(dataset, s.partner), issue: customer ? 'customerWithoutPlan' : 'unknownCustomer' }));
  }
  return evidence;
}
