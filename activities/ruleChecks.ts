import type { ReviewWindow } from '../domain/campaign';
import { checkEnterprise, type RuleResult } from '../domain/rules';
import type { DatasetCache } from '../store/datasetCache';
import { whileBeating } from './heartbeat';

/** Rule checks for one enterprise at a time, against the worker's shared dataset. */
export function ruleCheckActivities(datasets: DatasetCache) {
  return {
    async runRuleChecks(input: { enterpriseCode: string; window: ReviewWindow }): Promise<RuleResult | undefined> {
      // The first check after an import builds the whole archive's dataset.
      const all = await whileBeating(() => datasets.get());
      const dossier = all.byCode.get(input.enterpriseCode);
      return dossier ? checkEnterprise(dossier, all, input.window) : undefined;
    },
  };
}
