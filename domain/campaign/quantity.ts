import { z } from 'zod';

/**
 * Quantities of rare-earth oxide equivalent (折REO) are integer kilograms: the forms give tonnes with
 * up to three decimals, and sums of floats would drift away from what officials add up by hand.
 * Money is integer fen (分) for the same reason; invoices and tax notices are exact to the fen.
 */

/** 1,000,000 t REO is several years of world output: anything larger is a typing error. */
export const MAX_KG_REO = 1_000_000_000;
/** 10^12 yuan (一万亿元) is far beyond any one enterprise's turnover or tax. */
export const MAX_FEN = 100_000_000_000_000;

export const KgReo = z.number().int().min(0).max(MAX_KG_REO);
export type KgReo = z.infer<typeof KgReo>;

export const Fen = z.number().int().min(0).max(MAX_FEN);
export type Fen = z.infer<typeof Fen>;

export type ParseResult = { ok: true; value: number } | { ok: false; reason: string };

export interface DecimalOptions {
  /** Gaps and corrections may be negative; quantities on the forms may not. */
  allowNegative?: boolean;
}

function parseScaled(text: string, decimals: number, maxUnits: number, unit: string, options: DecimalOptions): ParseResult {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return { ok: false, reason: `"${text}" is not a decimal number of ${unit}` };
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > decimals) return { ok: false, reason: `"${text}" has more than ${decimals} decimals` };
  // Digits beyond what the maximum needs would lose precision before the range check could see them.
  if (whole.replace(/^0+/, '').length > String(Math.floor(maxUnits / 10 ** decimals)).length) {
    return { ok: false, reason: `"${text}" is larger than ${formatScaled(maxUnits, decimals)} ${unit}` };
  }
  const magnitude = Number(whole) * 10 ** decimals + Number(fraction.padEnd(decimals, '0'));
  if (magnitude > maxUnits) return { ok: false, reason: `"${text}" is larger than ${formatScaled(maxUnits, decimals)} ${unit}` };
  if (sign === '-' && magnitude !== 0 && !options.allowNegative) return { ok: false, reason: `"${text}" is negative` };
  return { ok: true, value: sign === '-' ? -magnitude || 0 : magnitude };
}

function formatScaled(units: number, decimals: number): string {
  if (!Number.isSafeInteger(units)) throw new RangeError(`${units} is not a safe integer`);
  const scale = 10 ** decimals;
  const magnitude = Math.abs(units);
  const whole = Math.floor(magnitude / scale);
  const fraction = String(magnitude % scale).padStart(decimals, '0');
  return `${units < 0 ? '-' : ''}${whole}.${fraction}`;
}

/** "12.345" (tonnes REO) → 12345 kg. At most three decimals, at most 1,000,000 t. */
export function tryParseTonnes(text: string, options: DecimalOptions = {}): ParseResult {
  return parseScaled(text, 3, MAX_KG_REO, 't REO', options);
}

export function parseTonnes(text: string, options: DecimalOptions = {}): number {
  const result = tryParseTonnes(text, options);
  if (!result.ok) throw new RangeError(result.reason);
  return result.value;
}

/** 12345 kg → "12.345": always three decimals, the precision the forms are filled in with. */
export function formatTonnes(kg: number): string {
  return formatScaled(kg, 3);
}

/** "123.45" (yuan) → 12345 fen. At most two decimals. */
export function tryParseYuan(text: string, options: DecimalOptions = {}): ParseResult {
  return parseScaled(text, 2, MAX_FEN, 'yuan', options);
}

export function parseYuan(text: string, options: DecimalOptions = {}): number {
  const result = tryParseYuan(text, options);
  if (!result.ok) throw new RangeError(result.reason);
  return result.value;
}

export function formatYuan(fen: number): string {
  return formatScaled(fen, 2);
}

/** A spreadsheet cell holding tonnes, validated and converted to kilograms on intake. */
export const TonnesText = z.string().transform((text, ctx) => {
  const result = tryParseTonnes(text);
  if (result.ok) return result.value;
  ctx.addIssue({ code: 'custom', message: result.reason });
  return z.NEVER;
});
