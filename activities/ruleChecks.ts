import type { PrismaClient } from '@prisma/client';
import { assembleDossiers, buildDataset, type CampaignDataset, type ReviewWindow } from '../domain/campaign';
import { checkEnterprise, type RuleResult } from '../domain/rules';
import { loadCampaignRecords } from '../store/loadCampaignRecords';

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
      const all = await dataset();
      const dossier = all.byCode.get(input.enterpriseCode);
      return dossier ? checkEnterprise(dossier, all, input.window) : undefined;
    },
  };
}
