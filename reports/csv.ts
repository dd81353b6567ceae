import { type Cell, type Sheet, cellText, isFigure } from './sheet';

/**
 * The report as CSV, row for row as the sheet shows it (title, headings, group rows, notes), so a
 * clerk opening it in a spreadsheet sees the form. UTF-8 with a byte-order mark, which Excel and
 * WPS need to read Chinese; RFC 4180 quoting; CRLF. Sheets follow one another after an empty line.
 */

/**
 * Text that a spreadsheet would take for a formula (OWASP's CSV injection list: = + - @, tab and
 * carriage return first) gets a leading apostrophe, which Excel, WPS and Calc show as "this is
 * text" and do not evaluate. Only text cells: names and notes come from imports and staff. Figures
 * are numbers the reports compute, so a negative amount stays a number a sum can add.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function text(cell: Cell): string {
  const value = cellText(cell);
  return !isFigure(cell) && FORMULA_START.test(value) ? `'${value}` : value;
}

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function writeCsv(sheets: readonly Sheet[]): string {
  const blocks = sheets.map((sheet) => sheet.rows.map((row) => row.cells.map((cell) => field(text(cell))).join(',')).join('\r\n'));
  return `\uFEFF${blocks.join('\r\n\r\n')}\r\n`;
}
