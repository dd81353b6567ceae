import type { SheetLayout } from './layout';
import type { ProblemList } from './problems';
import type { ParsedRow } from './rows';
import type { SheetSource } from './source';

// Checks that span rows. They see every row whose cells concerned could be read, so one bad cell
// elsewhere in a row does not hide a duplicate.

function columnOf(layout: SheetLayout, key: string) {
  const column = layout.columns.find((c) => c.key === key);
  if (column === undefined) throw new Error(`sheet ${layout.key} has no column ${key}`);
  return column;
}

/** A key the layout says is unique (the enterprise code, a licence number …) appears once. */
export function checkUnique(source: SheetSource, rows: readonly ParsedRow<unknown>[], problems: ProblemList): void {
  const { layout, naming } = source;
  if (layout.unique === undefined) return;
  const columns = layout.unique.map((key) => columnOf(layout, key));
  const firstRow = new Map<string, number>();
  for (const { row, values } of rows) {
    const parts = columns.map((c) => values.get(c.key));
    if (parts.some((p) => p === undefined)) continue;
    const key = parts.map(String).join(' / ');
    const compared = layout.uniqueIgnoresCase ? key.toLowerCase() : key;
    const first = firstRow.get(compared);
    if (first === undefined) firstRow.set(compared, row);
    else {
      const headings = columns.map(naming.column).join('、');
      problems.add({
        sheet: naming.sheet,
        row,
        column: naming.column(columns[0]),
        value: key,
        reason: { zh: `与第${first}行重复（${headings}）`, en: `the same ${headings} as row ${first}` },
      });
    }
  }
}

/** Records of an enterprise the file does not list would belong to no dossier. */
export function checkOwners(source: SheetSource, rows: readonly ParsedRow<unknown>[], listed: ReadonlySet<string>, enterpriseSheet: string, problems: ProblemList): void {
  const { layout, naming } = source;
  if (layout.owner === undefined) return;
  const column = columnOf(layout, layout.owner);
  for (const { row, values } of rows) {
    const code = values.get(column.key);
    if (typeof code !== 'string' || listed.has(code)) continue;
    problems.add({
      sheet: naming.sheet,
      row,
      column: naming.column(column),
      value: code,
      reason: { zh: `该企业不在“${enterpriseSheet}”中`, en: `this enterprise is not listed in "${enterpriseSheet}"` },
    });
  }
}
