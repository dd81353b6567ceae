import { z } from 'zod';
import type { Label } from '../domain/labels';
import type { SheetLayout } from './layout';
import type { ProblemList } from './problems';
import { type SheetSource, jsonNaming } from './source';

/**
 * A JSON file is an object with one array per sheet, keyed like CampaignRecords (enterprises,
 * ledger …); each row is an object keyed by the columns' keys, its values what a clerk would type
 * into the cell. See intake/README.md.
 */
const JsonFile = z.record(z.string(), z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))));

/** What is wrong, by how deep into the file the issue is. */
const shapeReasons: readonly Label[] = [
  { zh: '文件应为对象，每个工作表一个数组', en: 'the file must be an object with one array per sheet' },
  { zh: '工作表应为行的数组', en: 'a sheet must be an array of rows' },
  { zh: '每一行应为对象', en: 'each row must be an object' },
  { zh: '值应为字符串、数字或 null', en: 'a value must be a string, a number or null' },
];

export function readJson(text: string, fileName: string, sheets: readonly SheetLayout[], problems: ProblemList): SheetSource[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    problems.add({ value: fileName, reason: { zh: `JSON 格式错误：${message}`, en: `not valid JSON: ${message}` } });
    return [];
  }
  const parsed = JsonFile.safeParse(data);
  if (!parsed.success) {
    for (const { path } of parsed.error.issues) {
      const [sheet, index, column] = path;
      problems.add({
        sheet: sheet === undefined ? undefined : String(sheet),
        row: typeof index === 'number' ? index + 1 : undefined,
        column: column === undefined ? undefined : String(column),
        reason: shapeReasons[Math.min(path.length, shapeReasons.length - 1)],
      });
    }
    return [];
  }
  const sources: SheetSource[] = [];
  for (const [key, items] of Object.entries(parsed.data)) {
    const layout = sheets.find((l) => l.key === key);
    if (layout === undefined) {
      const keys = sheets.map((l) => l.key).join(', ');
      problems.add({ sheet: key, reason: { zh: `没有此工作表，应为：${keys}`, en: `no such sheet; the sheets are ${keys}` } });
      continue;
    }
    const known = new Set(layout.columns.map((c) => c.key));
    const rows = items.map((item, i) => {
      for (const property of Object.keys(item).filter((p) => !known.has(p))) {
        problems.add({ sheet: key, row: i + 1, column: property, reason: { zh: '没有此列', en: 'no such column' } });
      }
      return { row: i + 1, cells: layout.columns.map((c) => item[c.key] ?? null) };
    });
    sources.push({ layout, naming: jsonNaming(layout), rows });
  }
  return sources;
}
