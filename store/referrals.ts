import type { Prisma, PrismaClient, Referral as ReferralRow } from '@prisma/client';
import type { ReferralReport, ReferralResult } from '../domain/referral';

export type { ReferralRow };

const json = (value: unknown) => value as Prisma.InputJsonValue;

/** Idempotent by referral id: a retried report finds the row and writes nothing new. */
export async function reportReferral(prisma: PrismaClient, report: ReferralReport): Promise<void> {
  await prisma.referral.upsert({
    where: { id: report.id },
    create: {
      id: report.id,
      campaignId: report.campaignId,
      fromProvince: report.fromProvince,
      toProvince: report.toProvince ?? null,
      counterpartName: report.counterpart.name,
      counterpartCode: report.counterpart.code ?? null,
      facts: report.facts,
      evidence: json(report.evidence),
      source: report.source,
      reportedBy: report.reportedBy,
    },
    update: {},
  });
}

/** Each step writes only from the state before it, so a retry after a crash changes nothing. */
export async function routeReferral(prisma: PrismaClient, step: { id: string; toProvince: string; by: string; at: string }): Promise<void> {
  await prisma.referral.updateMany({ where: { id: step.id, state: 'reported' }, data: { state: 'routed', toProvince: step.toProvince, routedBy: step.by, routedAt: new Date(step.at) } });
}

export async function closeReferral(prisma: PrismaClient, step: { id: string; reason: string; by: string; at: string }): Promise<void> {
  await prisma.referral.updateMany({ where: { id: step.id, state: { in: ['reported', 'routed'] } }, data: { state: 'closed', closedReason: step.reason, routedBy: step.by, routedAt: new Date(step.at) } });
}

export async function acceptReferral(prisma: PrismaClient, step: { id: string; result: ReferralResult; by: string; at: string }): Promise<void> {
  await prisma.referral.updateMany({ where: { id: step.id, state: 'routed' }, data: { state: 'accepted', result: json(step.result), acceptedBy: step.by, acceptedAt: new Date(step.at) } });
}

export async function referralById(prisma: PrismaClient, id: string): Promise<ReferralRow | null> {
  return prisma.referral.findUnique({ where: { id } });
}

/** What a list of referrals is narrowed to: the caller's province (undefined for MIIT), and the asked filters. */
export interface ReferralListing {
  province: string | undefined;
  campaignId?: string;
  /** Still to be routed or accepted (true), or done with (false). */
  open?: boolean;
}

/** Referrals a province reported or received (every referral for MIIT), newest first. */
export async function listReferrals(prisma: PrismaClient, listing: ReferralListing, page: { page: number; pageSize: number }): Promise<{ rows: ReferralRow[]; total: number }> {
  const where: Prisma.ReferralWhereInput = {
    ...(listing.province === undefined ? {} : { OR: [{ fromProvince: listing.province }, { toProvince: listing.province }] }),
    ...(listing.campaignId === undefined ? {} : { campaignId: listing.campaignId }),
    ...(listing.open === undefined ? {} : { state: { in: listing.open ? ['reported', 'routed'] : ['accepted', 'closed'] } }),
  };
  const [rows, total] = await prisma.$transaction([
    prisma.referral.findMany({ where, orderBy: [{ reportedAt: 'desc' }, { id: 'asc' }], skip: (page.page - 1) * page.pageSize, take: page.pageSize }),
    prisma.referral.count({ where }),
  ]);
  return { rows, total };
}
