import { tonnes, yuan } from './format';

/**
 * A report page as a grid: what the official form looks like, independent of the file format. The
 * XLSX, CSV and HTML renderers all draw the same grid, so the three cannot disagree.
 */

/** Figures stay integers (kg REO, fen, counts) until a renderer formats them. */
export type Cell = string | { label: string } | { kg: number } | { fen: number } | { count: number };

/**
 * mark: 附表N above the title; field: a label/value line of annex 2's basic block; section: the
 * heading of a part of the summary report.
 */
export type RowKind = 'mark' | 'title' | 'subtitle' | 'field' | 'section' | 'heading' | 'group' | 'data' | 'total' | 'note';

export interface SheetRow {
  kind: RowKind;
  cells: Cell[];
}

/** 1-based and inclusive, as spreadsheets count. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type Align = 'left' | 'center' | 'right';

export interface Column {
  /** In characters (a CJK character takes two). */
  width: number;
  /** Of the column's text; figures are right-aligned unless the column is centred. */
  align?: Align;
}

export interface Sheet {
  name: string;
  columns: Column[];
  rows: SheetRow[];
  merges: Merge[];
  /** Rows that stay in view while scrolling: the title and the table's headings. */
  frozenRows: number;
  /** The table's heading rows, repeated at the top of every printed page. */
  printTitleRows?: { from: number; to: number };
}

export function cellText(cell: Cell): string {
  if (typeof cell === 'string') return cell;
  if ('label' in cell) return cell.label;
  if ('kg' in cell) return tonnes(cell.kg);
  if ('fen' in cell) return yuan(cell.fen);
  return String(cell.count);
}

export function isFigure(cell: Cell): cell is { kg: number } | { fen: number } | { count: number } {
  return typeof cell === 'object' && !('label' in cell);
}

/** Where a cell's content sits: one rule for every renderer, so the workbook and the page agree. */
export function alignOf(kind: RowKind, cell: Cell, column: Column): Align {
  if (kind === 'title') return 'center';
  if (kind === 'subtitle') return 'right';
  if (kind === 'heading' || (typeof cell === 'object' && 'label' in cell)) return 'center';
  // A field's value sits in whichever column the block's merge starts in: it reads left to right.
  if (kind === 'mark' || kind === 'section' || kind === 'note' || kind === 'field') return 'left';
  if (isFigure(cell)) return column.align === 'center' ? 'center' : 'right';
  return column.align ?? 'left';
}

// Excel refuses these in sheet names and cuts names at 31 characters.
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;

export class SheetBuilder {
  readonly rows: SheetRow[] = [];
  readonly merges: Merge[] = [];

  constructor(
    readonly name: string,
    readonly columns: Column[],
  ) {}

  get width(): number {
    return this.columns.length;
  }

  /** Adds a row padded to the sheet's width and returns its 1-based number. */
  row(kind: RowKind, cells: Cell[]): number {
    if (cells.length > this.width) throw new RangeError(`a row of ${cells.length} cells on a sheet ${this.width} wide`);
    this.rows.push({ kind, cells: [...cells, ...Array<Cell>(this.width - cells.length).fill('')] });
    return this.rows.length;
  }

  /** One text across the whole width. */
  wideRow(kind: RowKind, text: string): number {
    const row = this.row(kind, [text]);
    if (this.width > 1) this.merge(row, 1, row, this.width);
    return row;
  }

  /**
   * Cells that each span several columns (spans add up to the width), merged across: how the
   * summary report fits tables of different shapes onto one page.
   */
  spannedRow(kind: RowKind, cells: Cell[], spans: readonly number[]): number {
    if (cells.length !== spans.length || spans.reduce((a, b) => a + b, 0) !== this.width) throw new RangeError('spans must cover the sheet exactly');
    const laidOut: Cell[] = [];
    cells.forEach((cell, i) => laidOut.push(cell, ...Array<Cell>(spans[i] - 1).fill('')));
    const row = this.row(kind, laidOut);
    let column = 1;
    for (const span of spans) {
      if (span > 1) this.merge(row, column, row, column + span - 1);
      column += span;
    }
    return row;
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (top === bottom && left === right) return;
    this.merges.push({ top, left, bottom, right });
  }

  build(layout: { frozenRows: number; printTitleRows?: { from: number; to: number } }): Sheet {
    return {
      name: this.name.replace(SHEET_NAME_FORBIDDEN, '_').slice(0, 31),
      columns: this.columns,
      rows: this.rows,
      merges: this.merges,
      ...layout,
    };
  }
}
