import { type CampaignDataset, type EnterpriseDossier, type ReviewWindow, defaultReviewWindow } from '../campaign';
import { type ConditionsAnswer, checkConditions } from './conditions';
import { type Answer, type Evidence, problemAnswer } from './evidence';
import { enterpriseFacts } from './facts';
import { type FindingCode, sortFindingCodes } from './findings';
import { checkInvoicing } from './invoicing';
import { checkMassBalance } from './massBalance';
import { checkMining } from './mining';
import { type OreSourceAnalysis, analyseOreSources, checkOrePurchases } from './oreSources';
import { checkPlans } from './plans';
import { checkOreSales } from './sales';
import { type Thresholds, defaultThresholds } from './thresholds';
import { checkSources } from './unexplainedSource';

/** Everything the rules say about one enterprise: annex 3's row, the other checks, and the codes found. */
export interface RuleResult {
  enterpriseCode: string;
  annex3: {
    illegalOrOverQuotaMining: Answer;
    boughtIllegalOre: Answer;
    conditions: ConditionsAnswer;
    productionWithoutOrAbovePlan: Answer;
    soldOreToUnplanned: Answer;
  };
  massBalance: Answer;
  offSiteInvoicing: Answer;
  unexplainedSource: Answer;
  /** Every code any evidence carries, in catalogue order. */
  findings: FindingCode[];
}

export interface CheckOptions {
  thresholds?: Thresholds;
}

// Whether a supplier's ore is illegal depends on the whole dataset; work it out once per dataset.
const analyses = new WeakMap<CampaignDataset, Map<string, OreSourceAnalysis>>();

function oreSources(dataset: CampaignDataset, window: ReviewWindow, thresholds: Thresholds): OreSourceAnalysis {
  let byKey = analyses.get(dataset);
  if (!byKey) analyses.set(dataset, (byKey = new Map()));
  const key = JSON.stringify([window.from, window.to, thresholds]);
  let analysis = byKey.get(key);
  if (!analysis) byKey.set(key, (analysis = analyseOreSources(dataset, window, thresholds)));
  return analysis;
}

export function checkEnterprise(
  dossier: EnterpriseDossier,
  dataset: CampaignDataset,
  window: ReviewWindow = defaultReviewWindow,
  options: CheckOptions = {},
): RuleResult {
  const thresholds = options.thresholds ?? defaultThresholds;
  const facts = enterpriseFacts(dossier, window);
  const conditions = checkConditions(facts);
  const balance = checkMassBalance(facts, thresholds);
  const result: Omit<RuleResult, 'findings'> = {
    enterpriseCode: dossier.enterprise.code,
    annex3: {
      illegalOrOverQuotaMining: problemAnswer(checkMining(facts, thresholds).evidence),
      boughtIllegalOre: problemAnswer(checkOrePurchases(facts, dataset, oreSources(dataset, window, thresholds))),
      conditions,
      productionWithoutOrAbovePlan: problemAnswer(checkPlans(facts, thresholds).evidence),
      soldOreToUnplanned: problemAnswer(checkOreSales(facts, dataset)),
    },
    massBalance: problemAnswer(balance.gaps),
    offSiteInvoicing: problemAnswer(checkInvoicing(dossier, dataset, window)),
    unexplainedSource: problemAnswer([...checkSources(facts, dataset), ...balance.unexplained]),
  };
  const { annex3 } = result;
  const answers: Answer[] = [
    annex3.illegalOrOverQuotaMining,
    annex3.boughtIllegalOre,
    conditions.mining,
    conditions.environmental,
    conditions.safety,
    annex3.productionWithoutOrAbovePlan,
    annex3.soldOreToUnplanned,
    result.massBalance,
    result.offSiteInvoicing,
    result.unexplainedSource,
  ];
  const evidence: Evidence[] = answers.flatMap((a) => a.evidence);
  return { ...result, findings: sortFindingCodes(evidence.map((e) => e.code)) };
}

/** Every enterprise of the dataset, in its order. */
export function checkAll(dataset: CampaignDataset, window: ReviewWindow = defaultReviewWindow, options: CheckOptions = {}): RuleResult[] {
  return dataset.dossiers.map((dossier) => checkEnterprise(dossier, dataset, window, options));
}
