import { z } from 'zod';
import { isStorableText, unstorableTextMessage } from './storable';

/**
 * JavaScript's `String.prototype.trim` removes exactly these: written out, not as `\s`, so the
 * pattern means the same to the server and to every JSON Schema client (Python's `\s` differs).
 */
const SPACE = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
const NUL = '\\u0000';
const VISIBLE = new RegExp(`^[^${NUL}]*[^${SPACE}${NUL}][^${NUL}]*$`);
const NO_NUL = new RegExp(`^[^${NUL}]*$`);

/**
 * Free text a person types or a file holds (request bodies, completions, imported records): at most
 * `max` characters as given, trimmed, and something must remain; the pattern says so in the
 * OpenAPI document too, so a schema-valid request is never refused for its text. NUL and lone surrogates are refused because PostgreSQL cannot store them
 * (see storable.ts); JSON Schema has no portable way to state the second.
 */
export function text(max: number) {
  return z.string().max(max).regex(VISIBLE, 'must contain a visible character and no NUL').refine(isStorableText, { message: unstorableTextMessage }).trim();
}

/** An identifier as typed into a URL or filter: anything PostgreSQL and Temporal can hold. */
export function identifier(max: number) {
  return z.string().min(1).max(max).regex(NO_NUL, 'must not contain NUL').refine(isStorableText, { message: unstorableTextMessage });
}
