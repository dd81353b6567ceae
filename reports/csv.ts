import { type Sheet, cellText } from './sheet';

/**
 * The report as CSV, row for row as the sheet shows it (title, headings, group rows, notes), so a
 * clerk opening it in a spreadsheet sees the form. UTF-8 with a byte-order mark, which Excel and
 * WPS need to read Chinese; RFC 4180 quoting; CRLF. Sheets follow one another after an empty line.
 */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function writeCsv(sheets: readonly Sheet[]): string {
  const blocks = sheets.map((sheet) => sheet.rows.map((row) => row.cells.map((cell) => field(cellText(cell))).join(',')).join('\r\n'));
  return `\uFEFF${blocks.join('\r\n\r\n')}\r\n`;
}
