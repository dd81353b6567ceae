import { Prisma, type PrismaClient } from '@prisma/client';
import { escalationSteps, type EscalationStep } from '../domain/catalogue';

export interface EscalationCount {
  step: EscalationStep;
  /** The wall-clock second the step's email was written to the outbox. */
  at: Date;
  count: number;
}

/**
 * The escalation steps the case tasks of a campaign (one province, or all) have climbed, counted by
 * step and by the second they were taken. The outbox holds one row per step a task took, keyed
 * `<task key>/<step>` (workflows/taskLadder.ts), so a step retried or replayed counts once.
 */
export async function escalationsOfCampaign(prisma: PrismaClient, campaignId: string, province: string | null): Promise<EscalationCount[]> {
  const steps = Object.keys(escalationSteps) as EscalationStep[];
  return prisma.$queryRaw<EscalationCount[]>`
    WITH e AS (
      SELECT substring(o."key" from '[^/]+$') AS step, o."key", o."createdAt" FROM "OutboundEmail" o
    )
    SELECT e.step, date_trunc('second', e."createdAt") AS at, count(*)::int AS count
    FROM e JOIN "CaseTask" t ON t."key" = left(e."key", length(e."key") - length(e.step) - 1)
    WHERE e.step IN (${Prisma.join(steps)}) AND t."campaignId" = ${campaignId}
      ${province === null ? Prisma.empty : Prisma.sql`AND t."provinceName" = ${province}`}
    GROUP BY e.step, at ORDER BY at`;
}
