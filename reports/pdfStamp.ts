import { createHash } from 'node:crypto';

/**
 * LibreOffice stamps each PDF with the time it ran and a random document id, so the same report
 * converted twice would differ in those bytes. This writes the report's own instant and an id
 * made from the content in their place, each the same length as what it replaces, so the
 * cross-reference table's byte offsets stay valid.
 */

function pdfDate(at: Date, length: number): string {
  const digits = at.toISOString().replace(/\D/g, '').slice(0, 14);
  // LibreOffice writes D:YYYYMMDDHHmmSS followed by its zone (Z' or +hh'mm'): keep the length.
  return `D:${digits}Z'`.padEnd(length, "'").slice(0, length);
}

export function stampPdf(pdf: Buffer, generatedAt: string): Buffer {
  const at = new Date(generatedAt);
  let text = pdf.toString('latin1');
  text = text.replace(/\/(CreationDate|ModDate)\(([^)]*)\)/g, (_all, key: string, value: string) => `/${key}(${pdfDate(at, value.length)})`);
  // The id and checksum are hex of fixed width: blank them, hash what is left, write the hash.
  const ids = /\/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]|\/DocChecksum\s*\/[0-9A-Fa-f]+/g;
  const hex = (all: string, to: (digits: string) => string) => all.replace(/(?<=[</])[0-9A-Fa-f]{8,}/g, to);
  text = text.replace(ids, (all) => hex(all, (digits) => '0'.repeat(digits.length)));
  const digest = createHash('sha256').update(text, 'latin1').digest('hex').toUpperCase();
  text = text.replace(ids, (all) => hex(all, (digits) => digest.slice(0, digits.length)));
  return Buffer.from(text, 'latin1');
}
