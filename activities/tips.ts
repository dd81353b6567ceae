import type { PrismaClient } from '@prisma/client';
import type { Tip, TipOutcome } from '../domain/tip';
import { recordTip, recordTipOutcome } from '../store/tips';

export function tipActivities(prisma: PrismaClient) {
  return {
    async recordTip(tip: Tip): Promise<void> {
      await recordTip(prisma, tip);
    },
    async recordTipOutcome(done: { tipId: string; outcome: TipOutcome; by: string; at: string }): Promise<void> {
      await recordTipOutcome(prisma, done);
    },
  };
}
