import type { z } from 'zod';
import type { Label } from '../domain/labels';
import { type IntakeOptions, displayValue, readCell } from './cells';
import type { SheetLayout } from './layout';
import type { ProblemList } from './problems';
import type { DataRow, SheetSource } from './source';

/** A row read cell by cell; the record only when every cell and the domain schema agreed. */
export interface ParsedRow<T> {
  row: number;
  /** Cell values by column key, for the cells that could be read. */
  values: ReadonlyMap<string, unknown>;
  record?: T;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) target[head] = value;
  else setPath((target[head] ??= {}) as Record<string, unknown>, rest.join('.'), value);
}

/** The domain schemas speak English; the Chinese says the same by the kind of issue. */
function reasonOf(issue: z.core.$ZodIssue): Label {
  const zh =
    issue.code === 'too_big'
      ? `超出上限（${String(issue.maximum)}${issue.origin === 'string' ? '个字' : ''}）`
      : issue.code === 'too_small'
        ? issue.origin === 'number' && !issue.inclusive
          ? `必须大于${String(issue.minimum)}`
          : `低于下限（${String(issue.minimum)}）`
        : issue.code === 'custom'
          ? '与本行其他数据矛盾'
          : '格式不正确';
  return { zh, en: issue.message };
}

/**
 * Reads every cell of every row, reporting each bad cell, then checks each fully read row against
 * the domain schema. Problems the schema finds are placed on the column of the field concerned.
 */
export function parseRows<S extends z.ZodType>(source: SheetSource & { layout: SheetLayout<S> }, options: IntakeOptions, problems: ProblemList): ParsedRow<z.output<S>>[] {
  const { layout, naming } = source;
  return (source.rows ?? []).map(({ row, cells }: DataRow) => {
    const values = new Map<string, unknown>();
    const fields: Record<string, unknown> = {};
    let cellsOk = true;
    layout.columns.forEach((column, i) => {
      const result = readCell(column.type, column.required, cells[i], options);
      if (!result.ok) {
        cellsOk = false;
        problems.add({ sheet: naming.sheet, row, column: naming.column(column), value: displayValue(cells[i]), reason: result.reason });
        return;
      }
      const value = result.value ?? column.blank;
      values.set(column.key, value);
      if (value !== undefined) setPath(fields, column.field, value);
    });
    if (!cellsOk) return { row, values };
    const checked = layout.schema.safeParse(layout.derive ? layout.derive(fields) : fields);
    if (checked.success) return { row, values, record: checked.data };
    for (const issue of checked.error.issues) {
      const index = layout.columns.findIndex((c) => c.field === issue.path.join('.'));
      const column = layout.columns[index];
      problems.add({ sheet: naming.sheet, row, column: column && naming.column(column), value: column && displayValue(cells[index]), reason: reasonOf(issue) });
    }
    return { row, values };
  });
}
