import { type CellValue, compact, isBlank } from './cells';
import type { Column, SheetLayout } from './layout';
import type { ProblemList } from './problems';
import { type DataRow, type SheetSource, gridNaming } from './source';

/** The rows of a worksheet or CSV file as they come, row numbers as a clerk sees them. */
export type GridRow = { row: number; cells: readonly CellValue[] };

/** Headings and sheet names compare without width, spacing or bracket style: （） and () are one. */
export function nameKey(text: string): string {
  return compact(text).toLowerCase();
}

function cellText(value: CellValue | undefined): string {
  return value === undefined || value === null || typeof value === 'object' ? '' : String(value);
}

/** The sheet of the workbook a header row belongs to: the one sharing the most headings with it, if that is clear. */
export function sheetOfHeader(header: readonly CellValue[], sheets: readonly SheetLayout[]): SheetLayout | undefined {
  const found = new Set(header.map((cell) => nameKey(cellText(cell))));
  const scored = sheets.map((layout) => ({ layout, score: layout.columns.filter((c) => found.has(nameKey(c.heading.zh))).length }));
  scored.sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  // The credit-code heading alone is shared by most sheets.
  return best.score >= 2 && best.score > (next?.score ?? 0) ? best.layout : undefined;
}

/**
 * Matches row 1 against the layout's headings, by name and in any order. A heading missing where
 * an unknown one stands is reported as renamed; other unknown headings are reported too, since
 * what was typed under them would otherwise be dropped without a word.
 */
export function readGrid(layout: SheetLayout, rows: readonly GridRow[], problems: ProblemList): SheetSource {
  const naming = gridNaming(layout);
  const header = rows[0]?.row === 1 ? rows[0].cells : [];
  const byHeading = new Map(layout.columns.map((c) => [nameKey(c.heading.zh), c]));
  const positions = new Map<Column, number>();
  const unknown = new Map<number, string>();
  let headingsOk = true;
  header.forEach((cell, index) => {
    const heading = cellText(cell).trim();
    if (heading === '') return;
    const column = byHeading.get(nameKey(heading));
    if (column === undefined) unknown.set(index, heading);
    else if (positions.has(column)) {
      problems.add({ sheet: naming.sheet, row: 1, column: heading, reason: { zh: '此列重复出现', en: 'the column appears twice' } });
      headingsOk = false;
    } else positions.set(column, index);
  });
  layout.columns.forEach((column, index) => {
    if (positions.has(column)) return;
    headingsOk = false;
    const found = unknown.get(index);
    unknown.delete(index);
    const { zh, en } = column.heading;
    problems.add(
      found === undefined
        ? { sheet: naming.sheet, row: 1, column: zh, reason: { zh: `缺少列“${zh}”`, en: `missing column "${zh}" (${en})` } }
        : { sheet: naming.sheet, row: 1, column: zh, value: found, reason: { zh: `此处应为列“${zh}”，不是“${found}”`, en: `the heading here must be "${zh}" (${en}), not "${found}"` } },
    );
  });
  for (const heading of unknown.values()) {
    headingsOk = false;
    problems.add({ sheet: naming.sheet, row: 1, column: heading, reason: { zh: '模板中没有此列，请删除', en: 'the template has no such column: remove it' } });
  }
  if (!headingsOk) return { layout, naming };

  const aligned = (cells: readonly CellValue[]) => layout.columns.map((c) => cells[positions.get(c) ?? -1] ?? null);
  const second = rows[1]?.row === 2 ? aligned(rows[1].cells) : [];
  // Row 2 of a template is the English line; a file without it starts its data there.
  const englishLine = second.some((cell, i) => nameKey(cellText(cell)) === nameKey(layout.columns[i].heading.en));
  const data: DataRow[] = [];
  for (const { row, cells } of rows.slice(englishLine ? 2 : 1)) {
    const values = aligned(cells);
    if (!values.every(isBlank)) data.push({ row, cells: values });
  }
  return { layout, naming, rows: data };
}
