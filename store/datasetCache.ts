import type { PrismaClient } from '@prisma/client';
import { assembleDossiers, buildDataset, type CampaignDataset } from '../domain/campaign';
import { loadCampaignRecords } from './loadCampaignRecords';

export interface DatasetCache {
  /** The whole archive as the rules read it, rebuilt only when an import has changed it since. */
  get(): Promise<CampaignDataset>;
}

/**
 * The rules follow suppliers and customers across the whole archive, so every rule check and every
 * report needs the whole dataset. A campaign starts hundreds of cases at once, and ten provinces
 * report at the same boundary: one worker builds the dataset once and shares it.
 */
export function createDatasetCache(prisma: PrismaClient): DatasetCache {
  let cached: { stamp: string; dataset: Promise<CampaignDataset> } | undefined;
  return {
    async get() {
      const latest = await prisma.enterpriseVersion.aggregate({ _max: { importedAt: true }, _count: true });
      const stamp = `${latest._max.importedAt?.toISOString()}/${latest._count}`;
      if (cached?.stamp !== stamp) {
        const building = loadCampaignRecords(prisma).then((records) => buildDataset(assembleDossiers(records)));
        cached = { stamp, dataset: building };
        building.catch(() => (cached = undefined));
      }
      return cached.dataset;
    },
  };
}
