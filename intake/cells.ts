import { type Label } from '../domain/labels';
import { isStorableText, unstorableTextLabel } from '../domain/storable';
import type { ReviewWindow } from '../domain/campaign';

/**
 * A cell as a reader hands it over, before any interpretation: Excel's own types, or text from CSV
 * and JSON. null is an empty cell. Formulas and error values are kept apart so they can be refused
 * with a reason of their own.
 */
export type CellValue = string | number | boolean | Date | { formula: string } | { error: string } | null;

/** What import and templates need to know about the campaign. */
export interface IntakeOptions {
  reviewWindow: ReviewWindow;
  /** The province-level divisions of the campaign, by full name (江西省 …). */
  provinces: readonly string[];
}

export type CellResult<T> = { ok: true; value: T } | { ok: false; reason: Label };

/** How a column reads a non-empty cell, and how a template offers it. */
export interface CellType<T> {
  read(value: string | number | Date, options: IntakeOptions): CellResult<T>;
  /** Values a template offers in a drop-down list. */
  choices?(options: IntakeOptions): readonly string[];
  /** The list only suggests: other values are typed by hand (several enterprise types in one cell). */
  openList?: boolean;
  /** Excel would mangle the value if typed into a General cell (18-digit codes, months turned into dates). */
  keepText?: boolean;
}

export function ok<T>(value: T): CellResult<T> {
  return { ok: true, value };
}

export function fail(zh: string, en: string): CellResult<never> {
  return { ok: false, reason: { zh, en } };
}

/**
 * A computed cell is refused rather than its cached result taken: the result is only as fresh as
 * the last recalculation (files written by scripts carry none), and the form asks for figures
 * verified on site, which a clerk types.
 */
const formulaRefused = fail('不接受公式，请直接填写数值（可“选择性粘贴”为数值）', 'formulas are not accepted: type the value (or paste values only)');

/** What clerks write for "nothing" in an optional cell of a Chinese form. */
const NOTHING = new Set(['', '-', '—', '/', '无']);

export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

function isComputed(value: CellValue): value is { formula: string } | { error: string } {
  return value !== null && typeof value === 'object' && !(value instanceof Date);
}

/** Reads a cell into a column's value; an empty optional cell is undefined. */
export function readCell<T>(type: CellType<T>, required: boolean, value: CellValue, options: IntakeOptions): CellResult<T | undefined> {
  if (isComputed(value)) return 'formula' in value ? formulaRefused : fail('单元格为错误值', 'the cell holds an error value');
  if (typeof value === 'string' && !isStorableText(value)) return fail(unstorableTextLabel.zh, unstorableTextLabel.en);
  if (value === null || (typeof value === 'string' && (value.trim() === '' || (!required && NOTHING.has(compact(value)))))) {
    return required ? fail('此项必填', 'a value is required') : ok(undefined);
  }
  return type.read(typeof value === 'boolean' ? String(value).toUpperCase() : value, options);
}

/** The cell as a problem report shows it. */
export function displayValue(value: CellValue): string | undefined {
  if (value === null) return undefined;
  if (value instanceof Date) return isoDateOf(value) ?? String(value);
  if (typeof value !== 'object') return String(value);
  return 'formula' in value ? `=${value.formula}` : value.error;
}

/**
 * Full-width digits, letters, signs and spaces (what a Chinese input method types) become their
 * ASCII forms; whitespace goes. For codes, numbers, dates and headings, where it carries nothing.
 */
export function compact(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/**
 * Names and addresses keep their characters (company names are registered with full-width
 * brackets, and partners are matched by name); only runs of spaces become one.
 */
export function cleanText(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** An Excel date (exceljs reads them as UTC midnight) as 'YYYY-MM-DD'. */
export function isoDateOf(date: Date): string | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}
