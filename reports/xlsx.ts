import { type PaperSize, Workbook, type Worksheet } from 'exceljs';
import { reportLabels } from '../domain/labels';
import { type Cell, type Merge, type Sheet, alignOf, cellText } from './sheet';
import { type CellKind, LINE_HEIGHT, cellStyle, rowHeights } from './xlsxStyle';
import { stampZipEntries } from './zipTimestamps';

const A4 = 9 as PaperSize;

/** Figures become numbers with a fixed-decimal format, so officials can add them up in the sheet. */
function valueOf(cell: Cell): { value: string | number; kind: CellKind } {
  if (typeof cell === 'string') return { value: cell, kind: 'text' };
  if ('label' in cell) return { value: cell.label, kind: 'label' };
  // Number("12.345") is the double nearest the exact decimal, as the cell would store it if typed.
  if ('kg' in cell) return { value: Number(cellText(cell)), kind: 'tonnes' };
  if ('fen' in cell) return { value: Number(cellText(cell)), kind: 'yuan' };
  return { value: cell.count, kind: 'count' };
}

/** Display width: CJK and full-width characters take two columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return width;
}

function linesNeeded(text: string, width: number): number {
  return text.split('\n').reduce((lines, part) => lines + Math.max(1, Math.ceil(displayWidth(part) / Math.max(1, width - 1))), 0);
}

/**
 * Excel does not grow rows to fit wrapped text when it opens a file, so each row gets the height
 * its longest cell needs. Cells merged down several rows are left out: their rows share the room.
 */
function rowHeight(sheet: Sheet, rowIndex: number, merges: Map<string, Merge>, covered: Set<string>): number {
  const row = sheet.rows[rowIndex];
  const fixed = rowHeights[row.kind];
  if (fixed !== undefined) return fixed;
  let lines = 1;
  row.cells.forEach((cell, c) => {
    const key = `${rowIndex + 1}:${c + 1}`;
    if (covered.has(key)) return;
    const merge = merges.get(key);
    if (merge && merge.bottom > merge.top) return;
    const right = merge ? merge.right : c + 1;
    let width = 0;
    for (let k = c; k < right; k++) width += sheet.columns[k].width;
    lines = Math.max(lines, linesNeeded(cellText(cell), width));
  });
  return lines * LINE_HEIGHT + 4;
}

/** Header and footer codes start with &: a literal one is written twice. */
function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

export interface WorkbookMeta {
  title: string;
  /** Printed at the top of every page; absent for the national roll-up. */
  province?: string;
  generatedAt: string;
}

function writeSheet(workbook: Workbook, sheet: Sheet, meta: WorkbookMeta): Worksheet {
  const frozen = sheet.frozenRows;
  const worksheet = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: frozen, topLeftCell: `A${frozen + 1}`, activeCell: `A${frozen + 1}` }],
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
      ...(sheet.printTitleRows ? { printTitlesRow: `${sheet.printTitleRows.from}:${sheet.printTitleRows.to}` } : {}),
    },
    // Every printed page (and the PDF printed from it) says whose report it is and which page.
    headerFooter: {
      oddHeader: `&L${headerText(meta.province ?? reportLabels.national.zh)}&R${headerText(meta.title)}`,
      oddFooter: `&C${reportLabels.pageFooter.zh}`,
    },
  });
  worksheet.columns = sheet.columns.map((c) => ({ width: c.width }));

  const merges = new Map<string, Merge>();
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    merges.set(`${m.top}:${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }

  sheet.rows.forEach((row, r) => {
    const xlsxRow = worksheet.getRow(r + 1);
    row.cells.forEach((cell, c) => {
      const target = xlsxRow.getCell(c + 1);
      const { value, kind } = valueOf(cell);
      if (value !== '') target.value = value;
      target.style = cellStyle(row.kind, kind, alignOf(row.kind, cell, sheet.columns[c]));
    });
    xlsxRow.height = rowHeight(sheet, r, merges, covered);
  });
  for (const m of sheet.merges) worksheet.mergeCells(m.top, m.left, m.bottom, m.right);
  return worksheet;
}

/** The workbook in the forms' layout, byte-identical for the same sheets and `generatedAt`. */
export async function writeXlsx(sheets: readonly Sheet[], meta: WorkbookMeta): Promise<Buffer> {
  if (sheets.length === 0) throw new RangeError('a workbook needs at least one sheet');
  const workbook = new Workbook();
  const at = new Date(meta.generatedAt);
  workbook.creator = 'rare-earth-campaign';
  workbook.lastModifiedBy = workbook.creator;
  workbook.title = meta.title;
  workbook.created = at;
  workbook.modified = at;
  for (const sheet of sheets) writeSheet(workbook, sheet, meta);
  return stampZipEntries(Buffer.from(await workbook.xlsx.writeBuffer()), at);
}
