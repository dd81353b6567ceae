import { z } from 'zod';

/** 统一社会信用代码: 18 characters from the national standard's alphabet (no I, O, S, V, Z). */
export const UnifiedSocialCreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '须为18位统一社会信用代码 / must be an 18-character unified social credit code');

/*
 * Check characters of the code (GB 32100-2015), so generated codes are not only well formed but
 * also pass the checks real registries apply.
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The 18th character for the first 17 (which must use the code's alphabet). */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('a credit code body has 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`"${first17[i]}" is not allowed in a credit code`);
    sum += value * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export function hasValidCheckChar(code: string): boolean {
  return code.length === 18 && /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) && creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** The organisation code (组织机构代码, GB 11714) check character for an 8-digit body. */
export function organisationCodeCheckChar(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body8[i]) * weights[i];
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}
