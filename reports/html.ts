import { type Merge, type Sheet, type SheetRow, alignOf, cellText, isFigure } from './sheet';

/**
 * A printable page of the report: self-contained (no scripts, fonts or images fetched), every text
 * escaped, A4 landscape, table headings repeated on each printed page. It draws the same grid as
 * the workbook, merges included.
 */

const STYLE = `
@page { size: A4 landscape; margin: 12mm 10mm; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 10.5pt; margin: 0; color: #000; }
section + section { break-before: page; page-break-before: always; }
.mark { margin: 0; font-size: 12pt; }
h1 { margin: 4pt 0; text-align: center; font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; font-size: 16pt; }
.subtitle { margin: 0 0 6pt; text-align: right; font-size: 10pt; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
td, th { border: 1px solid #000; padding: 2px 4px; vertical-align: middle; overflow-wrap: anywhere; font-weight: normal; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
tr.heading th, th.label { font-weight: bold; text-align: center; background: #d9d9d9; }
th.label { background: #f2f2f2; }
tr.group td, tr.total td { font-weight: bold; background: #f2f2f2; }
tr.section td { border: none; padding-top: 10pt; font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; font-size: 12pt; font-weight: bold; }
tr.note td { border: none; font-size: 10pt; }
td.figure { font-variant-numeric: tabular-nums; }
.center { text-align: center; }
.right { text-align: right; }
`.trim();

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

function escapedLines(text: string): string {
  return text.split('\n').map(escapeHtml).join('<br>');
}

const floating = new Set<SheetRow['kind']>(['mark', 'title', 'subtitle']);

function renderRows(sheet: Sheet, from: number, to: number, merges: Map<string, Merge>, covered: Set<string>): string {
  const out: string[] = [];
  for (let r = from; r < to; r++) {
    const row = sheet.rows[r];
    const cells: string[] = [];
    row.cells.forEach((cell, c) => {
      const key = `${r + 1}:${c + 1}`;
      if (covered.has(key)) return;
      const m = merges.get(key);
      const span = m ? `${m.right > m.left ? ` colspan="${m.right - m.left + 1}"` : ''}${m.bottom > m.top ? ` rowspan="${m.bottom - m.top + 1}"` : ''}` : '';
      const header = row.kind === 'heading' || (typeof cell === 'object' && 'label' in cell);
      const text = cellText(cell);
      const align = text === '' ? 'left' : alignOf(row.kind, cell, sheet.columns[c]);
      const classes = [header && row.kind !== 'heading' ? 'label' : '', isFigure(cell) ? 'figure' : '', align === 'left' || header ? '' : align].filter(Boolean);
      const attributes = `${classes.length ? ` class="${classes.join(' ')}"` : ''}${span}`;
      const tag = header ? 'th' : 'td';
      cells.push(`<${tag}${attributes}>${escapedLines(text)}</${tag}>`);
    });
    out.push(`<tr class="${row.kind}">${cells.join('')}</tr>`);
  }
  return out.join('\n');
}

function renderSheet(sheet: Sheet): string {
  const merges = new Map<string, Merge>();
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    merges.set(`${m.top}:${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  const parts: string[] = [];
  let r = 0;
  for (; r < sheet.rows.length && floating.has(sheet.rows[r].kind); r++) {
    const row = sheet.rows[r];
    const text = escapedLines(cellText(row.cells[0]));
    parts.push(row.kind === 'title' ? `<h1>${text}</h1>` : `<p class="${row.kind}">${text}</p>`);
  }
  const total = sheet.columns.reduce((sum, c) => sum + c.width, 0);
  const colgroup = `<colgroup>${sheet.columns.map((c) => `<col style="width:${((c.width * 100) / total).toFixed(2)}%">`).join('')}</colgroup>`;
  const titles = sheet.printTitleRows;
  // A table's repeated heading must open it, so whatever stands between the title and the
  // headings (annex 2's basic block) is a table of its own.
  if (titles && titles.from - 1 > r) {
    parts.push(`<table>${colgroup}<tbody>\n${renderRows(sheet, r, titles.from - 1, merges, covered)}\n</tbody></table>`);
    r = titles.from - 1;
  }
  const head = titles ? `<thead>\n${renderRows(sheet, r, titles.to, merges, covered)}\n</thead>` : '';
  const bodyFrom = titles ? titles.to : r;
  parts.push(`<table>${colgroup}${head}<tbody>\n${renderRows(sheet, bodyFrom, sheet.rows.length, merges, covered)}\n</tbody></table>`);
  return `<section>\n${parts.join('\n')}\n</section>`;
}

export function writeHtml(sheets: readonly Sheet[], meta: { title: string }): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(meta.title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    ...sheets.map(renderSheet),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
