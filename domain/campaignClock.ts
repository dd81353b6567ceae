import { z } from 'zod';
import { DateRange, IsoDate, ReviewWindow, dateOfDayNumber, dayNumber } from './campaign';
import type { CasePhase } from './enums';

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

/** The scale a campaign's clock runs at: scaled when it has days per second, real time otherwise. */
export function timeScaleOf(clock: Pick<CampaignTimeBase, 'daysPerSecond'> | undefined): TimeScale {
  return clock?.daysPerSecond ? { kind: 'scaled', daysPerSecond: clock.daysPerSecond } : { kind: 'realtime' };
}

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

/** The phase a campaign date falls in; after the last day of acceptance the campaign is closed. */
export function phaseOn(calendar: CampaignCalendar, date: IsoDate): CasePhase {
  if (date <= calendar.selfInspection.to) return 'selfInspection';
  if (date <= calendar.rectification.to) return 'rectification';
  if (date <= calendar.acceptance.to) return 'acceptance';
  return 'closed';
}

/**
 * The campaign's clock: what it takes to tell the campaign's own date and time of a wall-clock
 * instant (campaignTimeMs and the helpers after it are the one way to read it). On a real-time
 * campaign the two are the same instant; on a scaled one the calendar's first day begins (00:00
 * Beijing time) at the moment the campaign started and `daysPerSecond` campaign days pass each
 * real second, as phaseEnds counts them. Plain data: it travels in workflow inputs.
 */
export interface CampaignTimeBase {
  /** The wall-clock instant the campaign started (ISO 8601). */
  startedAt: string;
  /** The calendar's first day (self-inspection's `from`). */
  firstDay: string;
  /** Absent for a real-time campaign. */
  daysPerSecond?: number;
}

export function campaignTimeBase(calendar: CampaignCalendar, startedAtMs: number, scale: TimeScale): CampaignTimeBase {
  return {
    startedAt: new Date(startedAtMs).toISOString(),
    firstDay: calendar.selfInspection.from,
    ...(scale.kind === 'scaled' ? { daysPerSecond: scale.daysPerSecond } : {}),
  };
}

const MINUTE_MS = 60_000;

/**
 * The campaign instant (ms since the epoch) at a wall-clock instant, to the minute: a scaled phase
 * end is a whole wall-clock millisecond, which is many campaign seconds on a fast clock. Without a
 * clock (cases started before campaigns carried one) campaign time is wall time.
 */
export function campaignTimeMs(clock: CampaignTimeBase | undefined, wall: string | number | Date): number {
  const wallMs = typeof wall === 'number' ? wall : new Date(wall).getTime();
  const ms = clock?.daysPerSecond
    ? dayNumber(clock.firstDay) * DAY_MS - BEIJING_OFFSET_MS + (wallMs - Date.parse(clock.startedAt)) * clock.daysPerSecond * (DAY_MS / 1_000)
    : wallMs;
  return Math.round(ms / MINUTE_MS) * MINUTE_MS;
}

const beijing = (campaignMs: number) => new Date(campaignMs + BEIJING_OFFSET_MS).toISOString();

/** The campaign instant (ISO 8601, to the minute) a wall-clock instant stands for. */
export function campaignInstant(clock: CampaignTimeBase | undefined, at: string | number | Date): string {
  return new Date(campaignTimeMs(clock, at)).toISOString();
}

/** The campaign date (YYYY-MM-DD, China Standard Time) on which something happened. */
export function campaignDay(clock: CampaignTimeBase | undefined, at: string | number | Date): string {
  return beijing(campaignTimeMs(clock, at)).slice(0, 10);
}

/**
 * The campaign date by which something is due: a deadline at 24:00 falls on the day it ends, as a
 * phase's inclusive `to` date does (self-inspection due 2014-11-26T00:00+08:00 is due on 2014-11-25).
 */
export function campaignDueDay(clock: CampaignTimeBase | undefined, dueAt: string | number | Date): string {
  return beijing(campaignTimeMs(clock, dueAt) - 1).slice(0, 10);
}

/** 'YYYY-MM-DD HH:mm' in China Standard Time, campaign time: what a timer waits for. */
export function campaignDateTime(clock: CampaignTimeBase | undefined, at: string | number | Date): string {
  const iso = beijing(campaignTimeMs(clock, at));
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** The first day of the campaign week a campaign date falls in, weeks counted from the campaign's first day. */
export function campaignWeekOf(clock: Pick<CampaignTimeBase, 'firstDay'>, date: IsoDate): IsoDate {
  const first = dayNumber(clock.firstDay);
  return dateOfDayNumber(first + Math.floor((dayNumber(date) - first) / 7) * 7);
}
