import type { PrismaClient } from '@prisma/client';
import { Context } from '@temporalio/activity';
import { assembleDossiers, buildDataset, type CampaignDataset, type ReviewWindow } from '../domain/campaign';
import { checkEnterprise, type RuleResult } from '../domain/rules';
import { loadCampaignRecords } from '../store/loadCampaignRecords';

/** The running activity's context; none when the function is called directly (tests, scripts). */
function currentActivity(): Context | undefined {
  try {
    return Context.current();
  } catch {
    return undefined;
  }
}

/**
 * The rules follow suppliers and customers across the whole archive, so every check needs the
 * whole dataset. A campaign starts hundreds of cases at once: the worker builds the dataset once
 * and rebuilds it only when an import has changed the archive since.
 */
export function ruleCheckActivities(prisma: PrismaClient) {
  let cached: { stamp: string; dataset: Promise<CampaignDataset> } | undefined;

  async function dataset(): Promise<CampaignDataset> {
    const latest = await prisma.enterpriseVersion.aggregate({ _max: { importedAt: true }, _count: true });
    const stamp = `${latest._max.importedAt?.toISOString()}/${latest._count}`;
    if (cached?.stamp !== stamp) {
      const building = loadCampaignRecords(prisma).then((records) => buildDataset(assembleDossiers(records)));
      cached = { stamp, dataset: building };
      building.catch(() => (cached = undefined));
    }
    return cached.dataset;
  }

  return {
    async runRuleChecks(input: { enterpriseCode: string; window: ReviewWindow }): Promise<RuleResult | undefined> {
      // Building the dataset can take a while; heartbeats let Temporal see a dead worker in
      // seconds instead of waiting out the whole timeout before retrying elsewhere.
      const context = currentActivity();
      const beat = setInterval(() => context?.heartbeat(), 2_000);
      let all: CampaignDataset;
      try {
        all = await dataset();
      } finally {
        clearInterval(beat);
      }
      const dossier = all.byCode.get(input.enterpriseCode);
      return dossier ? checkEnterprise(dossier, all, input.window) : undefined;
    },
  };
}
