import { z } from 'zod';
import { DateRange, ReviewWindow, dayNumber } from './campaign';

/**
 * The calendar's shape alone, which a JSON Schema can state; CampaignCalendar adds the order of
 * its days, which it cannot.
 */
export const CampaignCalendarShape = z.object({ selfInspection: DateRange, rectification: DateRange, acceptance: DateRange, reviewWindow: DateRange });

/** The campaign's three phases with their inclusive dates, and the review window (核查期). */
export const CampaignCalendar = CampaignCalendarShape.extend({ reviewWindow: ReviewWindow })
  .refine((c) => c.selfInspection.from <= c.selfInspection.to && c.rectification.from <= c.rectification.to && c.acceptance.from <= c.acceptance.to, {
    message: 'every phase must end on or after its first day',
  })
  .refine((c) => dayNumber(c.rectification.from) === dayNumber(c.selfInspection.to) + 1 && dayNumber(c.acceptance.from) === dayNumber(c.rectification.to) + 1, {
    message: 'the phases must follow one another without gaps or overlaps',
  });
export type CampaignCalendar = z.infer<typeof CampaignCalendar>;

/** The 2014 plan (section 二): 2014-10-10 → 2015-03-31, reviewing 2013-06-01 → 2014-07-31. */
export const calendar2014: CampaignCalendar = Object.freeze({
  selfInspection: { from: '2014-10-10', to: '2014-11-25' },
  rectification: { from: '2014-11-26', to: '2015-01-31' },
  acceptance: { from: '2015-02-01', to: '2015-03-31' },
  reviewWindow: { from: '2013-06-01', to: '2014-07-31' },
});

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * How campaign time maps to the wall clock: real time (a phase ends at 24:00 Beijing time on its
 * last day), or scaled for demos and tests (`daysPerSecond` campaign days pass each real second,
 * counted from the moment the campaign starts).
 */
export type TimeScale = { kind: 'realtime' } | { kind: 'scaled'; daysPerSecond: number };

export function campaignDaysToMs(days: number, scale: TimeScale): number {
  return scale.kind === 'realtime' ? days * DAY_MS : Math.round((days * 1_000) / scale.daysPerSecond);
}

export interface PhaseEnds {
  selfInspection: string;
  rectification: string;
  acceptance: string;
}

export function phaseEnds(calendar: CampaignCalendar, startedAtMs: number, scale: TimeScale): PhaseEnds {
  const endOf = (to: string) =>
    scale.kind === 'realtime'
      ? new Date((dayNumber(to) + 1) * DAY_MS - BEIJING_OFFSET_MS).toISOString()
      : new Date(startedAtMs + campaignDaysToMs(dayNumber(to) + 1 - dayNumber(calendar.selfInspection.from), scale)).toISOString();
  return { selfInspection: endOf(calendar.selfInspection.to), rectification: endOf(calendar.rectification.to), acceptance: endOf(calendar.acceptance.to) };
}
