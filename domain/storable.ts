import { z } from 'zod';

/**
 * What PostgreSQL (text and jsonb), Temporal's payloads and the reports can hold. PostgreSQL refuses
 * NUL in text and `\u0000` in jsonb; a lone UTF-16 surrogate has no UTF-8 form (the driver would
 * write U+FFFD, jsonb refuses its escape). Either, let through, fails the same way on every retry,
 * so every string is checked where it enters: the API, imports and the activities' input.
 */
// `u` makes a well-formed surrogate pair one astral code point, so \p{Cs} matches only a lone half.
const UNSTORABLE = /[\0\p{Cs}]/u;

export const unstorableTextLabel = { zh: '不能包含空字符（NUL）或不成对的代理项（lone surrogate）', en: 'must not contain NUL or lone surrogate characters' } as const;
export const unstorableTextMessage = `${unstorableTextLabel.zh} / ${unstorableTextLabel.en}`;

export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/** Any string PostgreSQL and Temporal can hold, as it is (identifiers, keys). */
export const StorableString = z.string().refine(isStorableText, { message: unstorableTextMessage });

/** Every string anywhere inside a value (keys included) that cannot be stored, with its path. */
export function unstorableStrings(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return isStorableText(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => unstorableStrings(item, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [...(isStorableText(key) ? [] : [[...path, key]]), ...unstorableStrings(item, [...path, key])]);
  }
  return [];
}

/**
 * Civil days the archive holds: PostgreSQL's `date` has no year 0 and JS none past 275760, and
 * nothing in a campaign's records (licences, ledgers, deadlines) lies outside these years.
 */
export const EARLIEST_DAY = '1900-01-01';
export const LATEST_DAY = '2099-12-31';
export const dayRangeMessage = `须在 ${EARLIEST_DAY} 至 ${LATEST_DAY} 之间 / must lie between ${EARLIEST_DAY} and ${LATEST_DAY}`;

/** The same range as a pattern on a YYYY-MM-DD day or a YYYY-MM month, for a schema to state it. */
export const DAY_IN_RANGE = /^(19|20)\d{2}-/;

/**
 * Whether a YYYY-MM-DD day lies in the range (plain string comparison orders them). Anything else
 * passes: the format's own check reports it, and one issue per mistake is enough.
 */
export function isDayInRange(iso: string): boolean {
  return !/^\d{4}-\d{2}-\d{2}$/.test(iso) || (iso >= EARLIEST_DAY && iso <= LATEST_DAY);
}
