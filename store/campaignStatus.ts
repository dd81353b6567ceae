import type { PrismaClient } from '@prisma/client';
import { dateOfDayNumber, dayNumber } from '../domain/campaign';
import type { CampaignCalendar } from '../domain/campaignClock';
import type { TaskKind } from '../domain/case';
import { isoOf } from './decimal';

export interface CampaignCounts {
  calendar: CampaignCalendar;
  /** When the campaign was created: where a scaled clock counts from. */
  createdAt: Date;
  /** Cases by the kind of their newest open task; `idle` when none of theirs is open. */
  cases: Record<TaskKind | 'idle', number>;
  openTasks: number;
  overdueTasks: number;
  /** Messages of the outbox that have gone out (escalations, reports). */
  emailsSent: number;
}

/** How far a campaign has got, from what the case workflows have recorded in PostgreSQL. */
export async function campaignCounts(prisma: PrismaClient, campaignId: string, now: Date): Promise<CampaignCounts | undefined> {
  const row = await prisma.campaign.findUnique({ where: { id: campaignId } });
  if (!row) return undefined;
  const dayBefore = (date: Date) => dateOfDayNumber(dayNumber(isoOf(date)) - 1);
  const calendar: CampaignCalendar = {
    selfInspection: { from: isoOf(row.selfInspectionStart), to: dayBefore(row.rectificationStart) },
    rectification: { from: isoOf(row.rectificationStart), to: dayBefore(row.acceptanceStart) },
    acceptance: { from: isoOf(row.acceptanceStart), to: isoOf(row.endsOn) },
    reviewWindow: { from: isoOf(row.reviewWindowStart), to: isoOf(row.reviewWindowEnd) },
  };
  const [stages, openTasks, overdueTasks, emailsSent] = await Promise.all([
    prisma.$queryRaw<{ stage: string; cases: bigint }[]>`
      SELECT CASE WHEN status = 'open' THEN kind ELSE 'idle' END AS stage, count(*) AS cases
      FROM (SELECT DISTINCT ON ("caseId") kind, status FROM "CaseTask" WHERE "campaignId" = ${campaignId} ORDER BY "caseId", status = 'open' DESC, "createdAt" DESC) newest
      GROUP BY 1`,
    prisma.caseTask.count({ where: { campaignId, status: 'open' } }),
    prisma.caseTask.count({ where: { campaignId, status: 'open', dueAt: { lt: now } } }),
    prisma.outboundEmail.count({ where: { status: 'sent' } }),
  ]);
  const cases = { verification: 0, handlingPlan: 0, disposition: 0, acceptance: 0, idle: 0 };
  for (const { stage, cases: n } of stages) if (stage in cases) cases[stage as keyof typeof cases] = Number(n);
  return { calendar, createdAt: row.createdAt, cases, openTasks, overdueTasks, emailsSent };
}
