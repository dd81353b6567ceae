import { z } from 'zod';
import { DAY_IN_RANGE, dayRangeMessage } from '../storable';

/**
 * Calendar arithmetic on ISO strings and day numbers. Dates here are civil dates in China with no
 * time of day, so no Date objects (and no time zones) are involved.
 */

/** 'YYYY-MM-DD'; ISO strings compare correctly as plain strings. */
/**
 * A civil day as YYYY-MM-DD. Plain patterns rather than z.iso.date(): the workflow bundle resolves
 * zod to a build whose ISO date schema has neither .regex nor the same checks, and the workflows'
 * validators must agree with the API to the letter. The years are a pattern, not a check, so the
 * OpenAPI document states the range too.
 */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date as YYYY-MM-DD')
  .regex(DAY_IN_RANGE, dayRangeMessage)
  // Checked after the patterns, which do not stop it: a string that is no date at all must not throw.
  .refine((d) => {
    const at = Date.parse(`${d}T00:00:00Z`);
    return Number.isNaN(at) || new Date(at).toISOString().startsWith(d);
  }, 'must be a real calendar date')
  .meta({ format: 'date' });
export type IsoDate = z.infer<typeof IsoDate>;

/** 'YYYY-MM', the ledger's 月份. */
export const YearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM')
  .regex(DAY_IN_RANGE, dayRangeMessage);
export type YearMonth = z.infer<typeof YearMonth>;

/** Days since 1970-01-01 (H. Hinnant's days_from_civil): coverage checks compare integers. */
export function dayNumber(date: IsoDate): number {
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function dateOfDayNumber(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function monthOf(date: IsoDate): YearMonth {
  return date.slice(0, 7);
}

export function yearOf(month: YearMonth | IsoDate): number {
  return Number(month.slice(0, 4));
}

export function firstDayOf(month: YearMonth): number {
  return daysFromCivil(yearOf(month), Number(month.slice(5, 7)), 1);
}

export function lastDayOf(month: YearMonth): number {
  return firstDayOf(nextMonth(month)) - 1;
}

export function nextMonth(month: YearMonth): YearMonth {
  const year = yearOf(month);
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${String(year).padStart(4, '0')}-${pad2(m + 1)}`;
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: YearMonth, to: YearMonth): YearMonth[] {
  const months: YearMonth[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) months.push(m);
  return months;
}
