import type { PrismaClient } from '@prisma/client';
import type { Tip } from '../domain/tip';
import { recordTip } from '../store/tips';

export function tipActivities(prisma: PrismaClient) {
  return {
    async recordTip(tip: Tip): Promise<void> {
      await recordTip(prisma, tip);
    },
  };
}
