import { Context } from '@temporalio/activity';
import type { CampaignDataset, ReviewWindow } from '../domain/campaign';
import { checkEnterprise, type RuleResult } from '../domain/rules';
import type { DatasetCache } from '../store/datasetCache';

/** The running activity's context; none when the function is called directly (tests, scripts). */
function currentActivity(): Context | undefined {
  try {
    return Context.current();
  } catch {
    return undefined;
  }
}

/** Rule checks for one enterprise at a time, against the worker's shared dataset. */
export function ruleCheckActivities(datasets: DatasetCache) {
  return {
    async runRuleChecks(input: { enterpriseCode: string; window: ReviewWindow }): Promise<RuleResult | undefined> {
      // Building the dataset can take a while; heartbeats let Temporal see a dead worker in
      // seconds instead of waiting out the whole timeout before retrying elsewhere.
      const context = currentActivity();
      const beat = setInterval(() => context?.heartbeat(), 2_000);
      let all: CampaignDataset;
      try {
        all = await datasets.get();
      } finally {
        clearInterval(beat);
      }
      const dossier = all.byCode.get(input.enterpriseCode);
      return dossier ? checkEnterprise(dossier, all, input.window) : undefined;
    },
  };
}
