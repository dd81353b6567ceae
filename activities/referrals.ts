import type { PrismaClient } from '@prisma/client';
import type { ReferralReport, ReferralResult } from '../domain/referral';
import { acceptReferral, closeReferral, reportReferral, routeReferral } from '../store/referrals';

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
  };
}
