import type { PrismaClient } from '@prisma/client';
import type { CampaignRecords } from '../domain/campaign';
import type { IntakeSummary } from '../intake';
import { loadCampaignRecords } from './loadCampaignRecords';
import { type ImportOutcome, saveCampaignRecords } from './saveCampaignRecords';

/**
 * Stores what intake read from a valid file. An annex 1 is the enterprise list alone: for an
 * enterprise already on file it corrects the basic block and must leave its licences, ledger and
 * trades as they are, so those are read back and stored with it (an unchanged list then hashes the
 * same as before and writes nothing).
 */
export async function storeIntake(
  prisma: PrismaClient,
  intake: { records: CampaignRecords; summary: IntakeSummary },
  meta: Parameters<typeof saveCampaignRecords>[2],
): Promise<ImportOutcome> {
  if (intake.summary.kind === 'annex2') return saveCampaignRecords(prisma, intake.records, meta);
  const onFile = await loadCampaignRecords(prisma, { codes: intake.records.enterprises.map((e) => e.code) });
  return saveCampaignRecords(prisma, { ...onFile, enterprises: intake.records.enterprises }, meta);
}
