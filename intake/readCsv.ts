import { parseCsv } from './csv';
import { readGrid, sheetOfHeader } from './grid';
import type { SheetLayout } from './layout';
import type { ProblemList } from './problems';
import type { SheetSource } from './source';

/** A CSV file is one sheet of the workbook `sheets`, told by its header row (the Chinese headings). */
export function readCsv(text: string, fileName: string, sheets: readonly SheetLayout[], problems: ProblemList): SheetSource[] {
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    problems.add({ row: parsed.row, value: fileName, reason: { zh: '引号未闭合', en: 'a quoted field is never closed' } });
    return [];
  }
  const rows = parsed.rows.map((cells, i) => ({ row: i + 1, cells }));
  // A file of nothing but an empty quoted field has no rows at all, so no header row either.
  const layout = rows.length === 0 ? undefined : sheetOfHeader(rows[0].cells, sheets);
  if (layout === undefined) {
    problems.add({ row: 1, value: fileName, reason: { zh: '首行的列标题与模板中任何工作表都不符', en: 'the header row matches no sheet of the template' } });
    return [];
  }
  return [readGrid(layout, rows, problems)];
}
