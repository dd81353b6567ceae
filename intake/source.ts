import type { CellValue } from './cells';
import type { Column, SheetLayout } from './layout';

/** One data row, its cells in the layout's column order. */
export interface DataRow {
  /** The row number a clerk sees (the item's 1-based position in JSON). */
  row: number;
  cells: readonly CellValue[];
}

/** How problems name the sheet and its columns: in the words of the file being read. */
export interface Naming {
  sheet: string;
  column(column: Column): string;
}

/** A sheet found in a file. Without rows its headings were wrong and it was not read further. */
export interface SheetSource {
  layout: SheetLayout;
  naming: Naming;
  rows?: readonly DataRow[];
}

export function gridNaming(layout: SheetLayout): Naming {
  return { sheet: layout.name, column: (column) => column.heading.zh };
}

export function jsonNaming(layout: SheetLayout): Naming {
  return { sheet: layout.key, column: (column) => column.key };
}
