import { z } from 'zod';
import { IsoDate, type YearMonth, dayNumber, monthOf, monthsBetween } from './calendar';

/** Inclusive first and last days; the schemas built on it say which order they need. */
export const DateRange = z.object({ from: IsoDate, to: IsoDate });

/** The period whose production and sales the self-inspection verifies (核查期). */
export const ReviewWindow = DateRange.refine((w) => w.from <= w.to, { message: 'the review window must not end before it starts' });
export type ReviewWindow = z.infer<typeof ReviewWindow>;

/** The 2014 campaign: 2013年6月1日至2014年7月31日. */
export const defaultReviewWindow: ReviewWindow = Object.freeze({ from: '2013-06-01', to: '2014-07-31' });

/** The ledger months the window touches, in order (14 for the default window). */
export function windowMonths(window: ReviewWindow): YearMonth[] {
  return monthsBetween(monthOf(window.from), monthOf(window.to));
}

/** The window as inclusive day numbers, for coverage checks. */
export function windowDays(window: ReviewWindow): { from: number; to: number } {
  return { from: dayNumber(window.from), to: dayNumber(window.to) };
}

export function dateInWindow(window: ReviewWindow, date: IsoDate): boolean {
  return date >= window.from && date <= window.to;
}
