import type { PrismaClient } from '@prisma/client';
import { flattenDossiers } from '../domain/campaign';
import { generateCampaign } from '../demo/generator';
import { saveCampaignRecords } from './saveCampaignRecords';

export const DEMO_SEED = 2014;

/**
 * Fills an empty archive with the generated fictional campaign so that a newcomer's first
 * `npm start` has enterprises to look at. A database that holds any enterprise is left alone.
 */
export async function seedDemoData(prisma: PrismaClient, enterprises: number): Promise<number> {
  if ((await prisma.enterprise.count()) > 0) return 0;
  const campaign = generateCampaign({ seed: DEMO_SEED, enterprises });
  const outcome = await saveCampaignRecords(prisma, flattenDossiers(campaign.dataset.dossiers), {
    source: `demo generator (seed ${DEMO_SEED})`,
    actor: 'demo',
  });
  return outcome.created.length;
}
