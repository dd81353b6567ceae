import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Rows per COPY statement: each stays well inside the API's statement timeout. */
const ROWS_PER_STATEMENT = 50_000;
/** Rows per chunk written to the stream: fewer, larger writes. */
const ROWS_PER_CHUNK = 1_000;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** An array literal, each element quoted (PostgreSQL's "Arrays", Array Value Input). */
const arrayLiteral = (items: readonly unknown[]) => `{${items.map((item) => `"${String(item).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/**
 * One value in COPY's text format (PostgreSQL's "COPY", File Formats): \N is NULL, and a
 * backslash, newline, carriage return or tab in a value is written backslash-escaped.
 * pg-copy-streams carries bytes and leaves the format to its caller. Arrays are PostgreSQL arrays
 * of text-like elements (enum arrays here); other objects are jsonb.
 */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  let text: string;
  if (value instanceof Date) text = value.toISOString();
  else if (Array.isArray(value)) text = arrayLiteral(value);
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  return text.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]);
}

/** Each column of a table, with how a row gives its value. */
export type CopyColumns<Row> = Record<string, (row: Row) => unknown>;

/**
 * Loads many rows with COPY FROM STDIN on `connection` (a transaction's: see
 * transactionConnection), which PostgreSQL parses at hundreds of thousands of rows a second where
 * an INSERT's parameters cost far more. Needs only INSERT privilege on the table. Columns left out
 * take their defaults; `updatedBy`/`updatedAt` are stamped when given. Each value is read from the
 * row by its column's function: building an object per row (spread, then extra members) turned
 * the rows into dictionary-mode objects and cost more than PostgreSQL's own work.
 */
export async function copyRows<Row>(
  connection: pg.PoolClient,
  table: string,
  rows: readonly Row[],
  columns: CopyColumns<Row>,
  options: { audit?: { updatedBy: string; updatedAt: Date }; rowsPerStatement?: number } = {},
): Promise<number> {
  const { audit, rowsPerStatement = ROWS_PER_STATEMENT } = options;
  const values = Object.values(columns);
  const names = [...Object.keys(columns).map((n) => `"${n}"`), ...(audit ? ['"updatedAt"', '"updatedBy"'] : [])];
  const stamp = audit ? `\t${copyText(audit.updatedAt)}\t${copyText(audit.updatedBy)}` : '';
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const end = Math.min(rows.length, start + rowsPerStatement);
    function* chunks() {
      for (let i = start; i < end; i += ROWS_PER_CHUNK) {
        let chunk = '';
        for (let r = i; r < Math.min(end, i + ROWS_PER_CHUNK); r++) {
          const row = rows[r];
          let line = '';
          for (let c = 0; c < values.length; c++) line += (c ? '\t' : '') + copyText(values[c](row));
          chunk += `${line}${stamp}\n`;
        }
        yield chunk;
      }
    }
    await pipeline(Readable.from(chunks()), connection.query(copyFrom(`COPY "${table}" (${names.join(', ')}) FROM STDIN`)));
  }
  return rows.length;
}
