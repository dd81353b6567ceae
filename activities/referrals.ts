import type { PrismaClient } from '@prisma/client';
import type { ReferralReport, ReferralResult, ReferralStanding, ReferralState } from '../domain/referral';
import { acceptReferral, closeReferral, referralById, reportReferral, routeReferral } from '../store/referrals';

/** The referral workflow's writes: each idempotent (store/referrals.ts). */
export function referralActivities(prisma: PrismaClient) {
  return {
    async reportReferral(report: ReferralReport): Promise<void> {
      await reportReferral(prisma, report);
    },
    async routeReferral(step: { id: string; toProvince: string; by: string; at: string }): Promise<void> {
      await routeReferral(prisma, step);
    },
    async closeReferral(step: { id: string; reason: string; by: string; at: string }): Promise<void> {
      await closeReferral(prisma, step);
    },
    async acceptReferral(step: { id: string; result: ReferralResult; by: string; at: string }): Promise<void> {
      await acceptReferral(prisma, step);
    },
    /** Where a referral stands, for a trace run again: none yet, still with MIIT or the province, or settled. */
    async referralStanding(id: string): Promise<ReferralStanding | null> {
      const row = await referralById(prisma, id);
      if (!row) return null;
      const result = row.result as ReferralResult | null;
      return { state: row.state as ReferralState, caseId: result?.caseId };
    },
  };
}
