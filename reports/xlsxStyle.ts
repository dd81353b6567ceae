import type { Alignment, Borders, Fill, Font, Style } from 'exceljs';
import type { Align, RowKind } from './sheet';

/**
 * How the official forms look in a spreadsheet: a bold title across the page, bordered tables with
 * shaded headings and group rows, figures right-aligned with fixed decimals. Styles are shared
 * objects (one per combination), which keeps a 10,000-row workbook fast to write.
 */

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const allBorders: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const shade = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

// SimSun and SimHei are what Chinese government templates use; other systems substitute a CJK font.
const body: Partial<Font> = { name: 'SimSun', size: 10.5 };
const fonts: Record<RowKind, Partial<Font>> = {
  mark: { ...body, size: 12 },
  title: { name: 'SimHei', size: 16, bold: true },
  subtitle: { ...body, size: 10 },
  field: body,
  section: { name: 'SimHei', size: 12, bold: true },
  heading: { ...body, bold: true },
  group: { ...body, bold: true },
  data: body,
  total: { ...body, bold: true },
  note: { ...body, size: 10 },
};

/** Rows drawn as part of a table; the others float above or below it. */
const borderedRows: ReadonlySet<RowKind> = new Set<RowKind>(['field', 'heading', 'group', 'data', 'total']);

const fills: Partial<Record<RowKind, Fill>> = { heading: shade('FFD9D9D9'), group: shade('FFF2F2F2'), total: shade('FFF2F2F2') };

export type CellKind = 'text' | 'label' | 'tonnes' | 'yuan' | 'count';

const numberFormats: Partial<Record<CellKind, string>> = { tonnes: '0.000', yuan: '0.00', count: '0' };

function alignment(kind: RowKind, horizontal: Align): Partial<Alignment> {
  const singleLine = kind === 'title' || kind === 'subtitle' || kind === 'mark' || kind === 'section';
  return { horizontal, vertical: 'middle', wrapText: !singleLine };
}

const cache = new Map<string, Partial<Style>>();

export function cellStyle(kind: RowKind, cell: CellKind, align: Align): Partial<Style> {
  const key = `${kind}|${cell}|${align}`;
  let style = cache.get(key);
  if (!style) {
    const labelled = cell === 'label';
    style = {
      font: labelled ? { ...fonts[kind], bold: true } : fonts[kind],
      alignment: alignment(kind, align),
      ...(borderedRows.has(kind) ? { border: allBorders } : {}),
      ...(labelled ? { fill: shade('FFF2F2F2') } : fills[kind] ? { fill: fills[kind] } : {}),
      ...(numberFormats[cell] ? { numFmt: numberFormats[cell] } : {}),
    };
    cache.set(key, style);
  }
  return style;
}

/** Points per line of 10.5 pt text, with room for the cell's padding. */
export const LINE_HEIGHT = 14;
export const rowHeights: Partial<Record<RowKind, number>> = { title: 30, section: 22 };
