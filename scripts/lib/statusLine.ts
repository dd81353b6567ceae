import { campaignDay, campaignTimeBase, phaseOn, type TimeScale } from '../../domain/campaignClock';
import { dayNumber } from '../../domain/campaign';
import type { CasePhase } from '../../domain/enums';
import { bilingual, phaseLabels, taskKindLabels } from '../../domain/labels';
import type { PrismaClient } from '../../platform/prisma';
import { campaignCounts } from '../../store/campaignStatus';

export interface CampaignStatus {
  campaignId: string;
  /** The campaign's date, in China Standard Time. */
  date: string;
  day: number;
  days: number;
  phase: CasePhase;
  cases: Record<string, number>;
  openTasks: number;
  overdueTasks: number;
  emailsSent: number;
}

/** Where a campaign stands now, read from PostgreSQL (not from the workflows, which stay unbothered). */
export async function campaignStatus(prisma: PrismaClient, campaignId: string, scale: TimeScale, now = new Date()): Promise<CampaignStatus | undefined> {
  const counts = await campaignCounts(prisma, campaignId, now);
  if (!counts) return undefined;
  const { calendar } = counts;
  const date = campaignDay(campaignTimeBase(calendar, counts.createdAt.getTime(), scale), now);
  const first = dayNumber(calendar.selfInspection.from);
  const last = dayNumber(calendar.acceptance.to);
  return {
    campaignId,
    date,
    day: Math.min(dayNumber(date), last + 1) - first + 1,
    days: last - first + 1,
    phase: phaseOn(calendar, date),
    cases: counts.cases,
    openTasks: counts.openTasks,
    overdueTasks: counts.overdueTasks,
    emailsSent: counts.emailsSent,
  };
}

/** One line: campaign date and day, phase, cases by the work they wait on, tasks and emails. */
export function statusLineText(s: CampaignStatus): string {
  const day = s.day > s.days ? 'after its last day' : `day ${s.day}/${s.days}`;
  const stages = (Object.keys(taskKindLabels) as (keyof typeof taskKindLabels)[]).filter((k) => s.cases[k]).map((k) => `${taskKindLabels[k].zh} ${s.cases[k]}`);
  if (s.cases.idle) stages.push(`no open task ${s.cases.idle}`);
  return [
    `${s.campaignId} ${s.date} ${day} ${bilingual(phaseLabels[s.phase])}`,
    `cases ${stages.join(', ') || 'not opened yet'}`,
    `tasks open ${s.openTasks}, overdue ${s.overdueTasks}`,
    `emails sent ${s.emailsSent}`,
  ].join(' · ');
}
