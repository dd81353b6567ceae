import { type CampaignDataset, type ReviewWindow, type YearMonth, resolvePartner } from '../campaign';
import { type Evidence, type SourceTaint, tradeEvidence } from './evidence';
import { type EnterpriseFacts, enterpriseFacts, namedMention } from './facts';
import type { FindingCode } from './findings';
import { checkMining } from './mining';
import { checkPlans } from './plans';
import type { Thresholds } from './thresholds';

/**
 * Which enterprises' mineral products are illegal, and from which month: the dataset-wide half of
 * annex 3 question 2 (是否购买非法矿产品), which section (四) extends back along the chain to the mine.
 *
 * An enterprise's ore is illegal from the first month it mined without a licence, over its quota,
 * or in a year without a mineral plan; and from the first month it bought illegal ore. Lots are not
 * tracked, so once illegal ore entered an enterprise everything it sells later is suspect. Only
 * mineral products carry the taint: question 2 is about 矿产品.
 */
export interface OreSourceAnalysis {
  readonly taint: ReadonlyMap<string, SourceTaint>;
}

export function analyseOreSources(dataset: CampaignDataset, window: ReviewWindow, thresholds: Thresholds): OreSourceAnalysis {
  const own = new Map<string, SourceTaint>();
  // Who bought ore from whom and when, indexed by supplier once: propagation never scans.
  const buyersBySupplier = new Map<string, Array<{ buyer: string; month: YearMonth }>>();

  for (const dossier of dataset.dossiers) {
    const code = dossier.enterprise.code;
    const facts = enterpriseFacts(dossier, window);
    const taint = ownTaint(facts, thresholds);
    if (taint) own.set(code, taint);
    for (const p of facts.purchases) {
      if (p.category !== 'mineral') continue;
      const supplier = resolvePartner(dataset, p.partner)?.enterprise.code;
      if (supplier === undefined || supplier === code) continue;
      let buyers = buyersBySupplier.get(supplier);
      if (!buyers) buyersBySupplier.set(supplier, (buyers = []));
      buyers.push({ buyer: code, month: p.month });
    }
  }

  const taint = new Map<string, SourceTaint>();
  const queue: string[] = [];
  for (const [code, t] of own) {
    taint.set(code, { since: t.since, findings: [...t.findings] });
    queue.push(code);
  }
  // Months only move earlier, so this settles; a supplier is re-visited only when its month moved.
  while (queue.length > 0) {
    const supplier = queue.pop()!;
    const since = taint.get(supplier)!.since;
    for (const { buyer, month } of buyersBySupplier.get(supplier) ?? []) {
      if (month < since) continue;
      const current = taint.get(buyer);
      if (current && current.findings.includes('boughtIllegalOre') && current.since <= month) continue;
      const findings: FindingCode[] = current ? [...current.findings.filter((f) => f !== 'boughtIllegalOre'), 'boughtIllegalOre'] : ['boughtIllegalOre'];
      const earlier = !current || month < current.since;
      taint.set(buyer, { since: earlier ? month : current.since, findings });
      if (earlier) queue.push(buyer);
    }
  }
  return { taint };
}

function ownTaint(facts: EnterpriseFacts, thresholds: Thresholds): SourceTaint | undefined {
  if (facts.production.mineral.size === 0) return undefined;
  const mining = checkMining(facts, thresholds);
  const plans = checkPlans(facts, thresholds);
  const findings: FindingCode[] = [];
  let since: YearMonth | undefined;
  for (const e of mining.evidence) if (!findings.includes(e.code)) findings.push(e.code);
  if (plans.firstUnplannedMineralMonth !== undefined) findings.push('productionWithoutPlan');
  for (const month of [mining.firstIllegalMonth, plans.firstUnplannedMineralMonth]) {
    if (month !== undefined && (since === undefined || month < since)) since = month;
  }
  return since === undefined ? undefined : { since, findings };
}

/** Question 2 for one enterprise: each purchase of mineral products made after its supplier's ore became illegal. */
export function checkOrePurchases(facts: EnterpriseFacts, dataset: CampaignDataset, analysis: OreSourceAnalysis): Evidence[] {
  const evidence: Evidence[] = [];
  const self = facts.dossier.enterprise.code;
  for (const p of facts.purchases) {
    if (p.category !== 'mineral') continue;
    const supplier = resolvePartner(dataset, p.partner)?.enterprise.code;
    if (supplier === undefined || supplier === self) continue;
    const supplierTaint = analysis.taint.get(supplier);
    if (!supplierTaint || p.month < supplierTaint.since) continue;
    evidence.push(tradeEvidence(p, { code: 'boughtIllegalOre', direction: 'purchase', partner: namedMention(dataset, p.partner), issue: 'illegalSource', supplierTaint }));
  }
  return evidence;
}
