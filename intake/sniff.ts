import type { Label } from '../domain/labels';

export type FileFormat = 'xlsx' | 'csv' | 'json';

/** The text encodings a CSV is read in: UTF-8, or GB18030 (a superset of GBK and GB2312). */
export type TextEncoding = 'UTF-8' | 'GB18030';

export type Sniffed = { format: 'xlsx' } | { format: 'csv' | 'json'; text: string; encoding: TextEncoding } | { format: undefined; reason: Label };

/** Far above a province's annex 2 (tens of thousands of rows); beyond it a zip bomb is more likely. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const ZIP = Buffer.from('PK\x03\x04', 'latin1');
/** The OLE container of .xls files and of password-protected .xlsx files. */
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const PDF = Buffer.from('%PDF-', 'latin1');

const notASpreadsheet = { zh: '不是电子表格：应为 .xlsx 工作簿、UTF-8 或 GB18030 编码的 CSV，或 JSON 文件', en: 'not a spreadsheet: expected an .xlsx workbook, a UTF-8 or GB18030 CSV, or a JSON file' };

function decoded(content: Buffer, encoding: TextEncoding): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(content);
  } catch {
    return undefined;
  }
}

/**
 * Tells the format by content, not by the file name: a renamed file is read for what it is, and
 * junk is refused before any parser sees it. The name only picks the more helpful message.
 */
export function sniff(content: Buffer, fileName: string): Sniffed {
  if (content.length === 0) return { format: undefined, reason: { zh: '文件为空', en: 'the file is empty' } };
  if (content.length > MAX_FILE_BYTES) {
    return { format: undefined, reason: { zh: '文件超过20 MB，请拆分后分别导入', en: 'the file is larger than 20 MB: split it and import the parts' } };
  }
  if (content.subarray(0, ZIP.length).equals(ZIP)) return { format: 'xlsx' };
  if (content.subarray(0, OLE.length).equals(OLE)) {
    return { format: undefined, reason: { zh: '旧版 Excel（.xls）或加密的工作簿：请取消密码并另存为 .xlsx', en: 'an old .xls or a password-protected workbook: remove the password and save it as .xlsx' } };
  }
  // A PDF starts as ASCII text and GB18030 would read its binary part as Chinese: tell it first.
  if (content.subarray(0, PDF.length).equals(PDF)) return { format: undefined, reason: notASpreadsheet };
  // Text never holds control characters other than tab and line breaks; binary data soon does.
  if (content.subarray(0, 8192).some((byte) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d)) return { format: undefined, reason: notASpreadsheet };
  // Chinese Excel and WPS save plain "CSV (逗号分隔)" in GBK, which GB18030 contains. UTF-8 is
  // tried first: GB18030 reads almost any bytes, UTF-8 text included, as something.
  const utf8 = decoded(content, 'UTF-8');
  const encoding: TextEncoding = utf8 === undefined ? 'GB18030' : 'UTF-8';
  const text = utf8 ?? decoded(content, 'GB18030');
  if (text === undefined) {
    // For any other file the name is the better hint.
    if (!/\.csv$/iu.test(fileName)) return { format: undefined, reason: notASpreadsheet };
    return { format: undefined, reason: { zh: '文本既不是 UTF-8 也不是 GB18030（GBK）编码：请在 Excel 中另存为“CSV UTF-8”', en: 'the text is neither UTF-8 nor GB18030 (GBK): save it from Excel as "CSV UTF-8"' } };
  }
  if (text.trim() === '') return { format: undefined, reason: { zh: '文件为空', en: 'the file is empty' } };
  // JSON is UTF-8 by its standard (RFC 8259): GB18030 is for CSV from spreadsheets only.
  if (/^\s*[{[]/.test(text)) return encoding === 'UTF-8' ? { format: 'json', text, encoding } : { format: undefined, reason: notASpreadsheet };
  return { format: 'csv', text, encoding };
}
