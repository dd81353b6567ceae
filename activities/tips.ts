import type { PrismaClient } from '@prisma/client';
import type { Tip } from '../domain/tip';

export function tipActivities(prisma: PrismaClient) {
  return {
    /** Idempotent by tip id: a retry after a crash finds the row and writes nothing new. */
    async recordTip(tip: Tip): Promise<void> {
      await prisma.tip.upsert({
        where: { id: tip.id },
        create: {
          id: tip.id,
          source: tip.source,
          text: tip.text,
          enterpriseCode: tip.enterpriseCode ?? null,
          province: tip.province ?? null,
          receivedAt: new Date(tip.receivedAt),
          recordedBy: tip.recordedBy,
        },
        update: {},
      });
    },
  };
}
