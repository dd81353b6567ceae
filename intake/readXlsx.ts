import { type Cell, ValueType, Workbook } from 'exceljs';
import type { CellValue } from './cells';
import { type GridRow, nameKey, readGrid } from './grid';
import { LISTS_SHEET, type SheetLayout } from './layout';
import type { ProblemList } from './problems';
import type { SheetSource } from './source';
import { zipProblem } from './zipBounds';

/**
 * Merged cells other than the top-left one read as empty: copying a merged quantity into every row
 * it spans would count it once per row.
 */
function cellValue(cell: Cell): CellValue {
  const value = cell.value;
  if (cell.type === ValueType.Merge || value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('formula' in value || 'sharedFormula' in value) return { formula: cell.formula };
  if ('error' in value) return { error: value.error };
  return cell.text;
}

export async function readXlsx(content: Buffer, fileName: string, sheets: readonly SheetLayout[], problems: ProblemList): Promise<SheetSource[]> {
  const bound = await zipProblem(content);
  if (bound) {
    problems.add({ value: fileName, reason: bound });
    return [];
  }
  const workbook = new Workbook();
  try {
    // exceljs types its input as an ArrayBuffer of its own declaring; a copy satisfies them.
    await workbook.xlsx.load(new Uint8Array(content).buffer);
  } catch {
    // A zip that is not a workbook (.docx, .zip) or a damaged download.
    problems.add({ value: fileName, reason: { zh: '无法作为 Excel 工作簿（.xlsx）打开', en: 'cannot be opened as an Excel workbook (.xlsx)' } });
    return [];
  }
  const sources: SheetSource[] = [];
  for (const worksheet of workbook.worksheets) {
    if (worksheet.name === LISTS_SHEET) continue;
    const layout = sheets.find((l) => nameKey(l.name) === nameKey(worksheet.name));
    if (layout === undefined) {
      if (worksheet.actualRowCount > 0) {
        const names = sheets.map((l) => l.name).join('、');
        problems.add({ sheet: worksheet.name, reason: { zh: `模板中没有此工作表，应为：${names}`, en: `the template has no such sheet; its sheets are ${names}` } });
      }
      continue;
    }
    const rows: GridRow[] = [];
    worksheet.eachRow((row, number) => {
      const cells: CellValue[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellValue(row.getCell(c)));
      rows.push({ row: number, cells });
    });
    sources.push(readGrid(layout, rows, problems));
  }
  return sources;
}
