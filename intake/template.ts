import { type DataValidation, Workbook, type Worksheet } from 'exceljs';
import { type Label, bilingual, formLabels } from '../domain/labels';
import type { CellType, IntakeOptions } from './cells';
import { LISTS_SHEET, type SheetLayout, annexSheets } from './layout';

/** Rows offered for filling in, below the two heading rows; drop-down lists cover all of them. */
const TEMPLATE_ROWS = 5000;

/** exceljs supports range-wide validations but leaves them out of its typings. */
function addValidation(worksheet: Worksheet, range: string, validation: DataValidation): void {
  (worksheet as Worksheet & { dataValidations: { add(range: string, validation: DataValidation): void } }).dataValidations.add(range, validation);
}

/**
 * A blank template drawn from the layout: annex 1 is the enterprise list, annex 2 every sheet.
 * Chinese headings in row 1, English in row 2, both frozen with the credit-code column. Choices
 * (provinces, months of the review window, product categories, enterprise types) are drop-down
 * lists kept on a hidden sheet, since Excel caps a list typed into the validation at 255 characters.
 */
export function buildTemplateWorkbook(kind: 'annex1' | 'annex2', options: IntakeOptions): Promise<Buffer> {
  return buildWorkbook(formLabels[kind], annexSheets[kind], options);
}

/** A blank workbook of `sheets` (the annexes', the directory's), drawn as described above. */
export async function buildWorkbook(title: Label, sheets: readonly SheetLayout[], options: IntakeOptions): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.title = bilingual(title);
  const lists = new Map<CellType<unknown>, string>();
  const listValues: (readonly string[])[] = [];

  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
    worksheet.columns = sheet.columns.map((column) => ({
      header: [column.heading.zh, column.heading.en],
      key: column.key,
      width: column.width,
      style: column.type.keepText ? { numFmt: '@' } : {},
    }));
    worksheet.getRow(1).font = { bold: true };
    worksheet.getRow(2).font = { italic: true, color: { argb: 'FF808080' } };

    sheet.columns.forEach((column, index) => {
      const choices = column.type.choices?.(options);
      if (choices === undefined) return;
      let range = lists.get(column.type);
      if (range === undefined) {
        const letter = String.fromCharCode(65 + listValues.length);
        range = `'${LISTS_SHEET}'!$${letter}$1:$${letter}$${Math.max(choices.length, 1)}`;
        lists.set(column.type, range);
        listValues.push(choices);
      }
      const letter = worksheet.getColumn(index + 1).letter;
      addValidation(worksheet, `${letter}3:${letter}${TEMPLATE_ROWS + 2}`, {
        type: 'list',
        formulae: [range],
        allowBlank: !column.required,
        // Several enterprise types go in one cell, which no list entry matches.
        showErrorMessage: !column.type.openList,
        errorStyle: 'stop',
        errorTitle: column.heading.zh,
        error: '请从下拉列表中选择 Pick a value from the list',
      });
    });
  }

  const listSheet = workbook.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });
  listValues.forEach((values, index) => {
    values.forEach((value, row) => {
      listSheet.getCell(row + 1, index + 1).value = value;
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
