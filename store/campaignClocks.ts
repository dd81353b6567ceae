import type { PrismaClient } from '@prisma/client';
import type { CampaignTimeBase } from '../domain/campaignClock';

/** The clocks of the campaigns named, as their cases received them at the start. */
export async function campaignClocks(prisma: PrismaClient, campaignIds: readonly string[]): Promise<Map<string, CampaignTimeBase>> {
  const wanted = [...new Set(campaignIds)];
  if (wanted.length === 0) return new Map();
  const rows = await prisma.campaign.findMany({ where: { id: { in: wanted } }, select: { id: true, selfInspectionStart: true, createdAt: true, daysPerSecond: true } });
  // A scaled clock counts from the campaign's creation, as its phase ends do (api/campaigns.ts).
  return new Map(
    rows.map((r) => [r.id, { startedAt: r.createdAt.toISOString(), firstDay: r.selfInspectionStart.toISOString().slice(0, 10), ...(r.daysPerSecond ? { daysPerSecond: r.daysPerSecond } : {}) }] as const),
  );
}
