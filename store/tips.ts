import type { PrismaClient, Tip as TipRow } from '@prisma/client';
import type { Prisma } from '@prisma/client';
import type { Tip, TipOutcome } from '../domain/tip';

export type { TipRow };

/** Idempotent by tip id: a retry after a crash finds the row and writes nothing new. */
export async function recordTip(prisma: PrismaClient, tip: Tip): Promise<void> {
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
}

export async function tipById(prisma: PrismaClient, id: string): Promise<TipRow | null> {
  return prisma.tip.findUnique({ where: { id } });
}

/** Written once: a retried activity finds the outcome and leaves it. */
export async function recordTipOutcome(prisma: PrismaClient, done: { tipId: string; outcome: TipOutcome; by: string; at: string }): Promise<void> {
  await prisma.tip.updateMany({ where: { id: done.tipId, triagedAt: null }, data: { outcome: done.outcome as Prisma.InputJsonValue, triagedBy: done.by, triagedAt: new Date(done.at) } });
}

/** Whose tips a list holds: all of them (MIIT), or those of a province and those the caller recorded. */
export type TipScope = 'all' | { province: string | null; recordedBy: string };

/** Tips newest first; `open`: not triaged yet (true), or triaged (false). */
export async function listTips(prisma: PrismaClient, scope: TipScope, open: boolean | undefined, page: { page: number; pageSize: number }): Promise<{ rows: TipRow[]; total: number }> {
  const where: Prisma.TipWhereInput = {
    ...(scope === 'all' ? {} : { OR: [{ recordedBy: scope.recordedBy }, ...(scope.province === null ? [] : [{ province: scope.province }])] }),
    ...(open === undefined ? {} : { triagedAt: open ? null : { not: null } }),
  };
  const [rows, total] = await prisma.$transaction([
    prisma.tip.findMany({ where, orderBy: [{ receivedAt: 'desc' }, { id: 'asc' }], skip: (page.page - 1) * page.pageSize, take: page.pageSize }),
    prisma.tip.count({ where }),
  ]);
  return { rows, total };
}
