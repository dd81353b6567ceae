import { createInflateRaw } from 'node:zlib';
import type { Label } from '../domain/labels';

/**
 * A workbook is a zip, and a zip of a few MB can unpack to many GB (a "zip bomb"): exceljs would
 * inflate every entry into memory, referenced or not. Before any parser sees the file, this reads
 * the zip's central directory, bounds the number of entries and what they claim to unpack to,
 * then inflates each entry as a stream, counting and discarding, so a lying size is caught too.
 * Memory stays at one stream chunk whatever the file holds.
 */

/** A filled-in annex 2 has a dozen entries; generous for workbooks saved with images or styles. */
export const MAX_ZIP_ENTRIES = 1_000;
/** What the workbook may unpack to: a full province's annex 2 unpacks to a few tens of MB. */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

const damaged: Label = { zh: '无法作为 Excel 工作簿（.xlsx）打开', en: 'cannot be opened as an Excel workbook (.xlsx)' };
const tooLarge: Label = {
  zh: `工作簿解压后超过 ${MAX_UNPACKED_BYTES / 1024 / 1024} MB 或含有超过 ${MAX_ZIP_ENTRIES} 个部件，请拆分后分别导入`,
  en: `the workbook unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB or holds more than ${MAX_ZIP_ENTRIES} parts: split it and import the parts`,
};

interface Entry {
  method: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

function endOfCentralDirectory(zip: Buffer): number | undefined {
  // The record is 22 bytes plus a comment of at most 65,535.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 65_535); at--) if (zip.readUInt32LE(at) === EOCD) return at;
  return undefined;
}

function centralDirectory(zip: Buffer): Entry[] | Label {
  const eocd = endOfCentralDirectory(zip);
  if (eocd === undefined) return damaged;
  const count = zip.readUInt16LE(eocd + 10);
  const offset = zip.readUInt32LE(eocd + 16);
  // ZIP64 marks its counts and offsets with all ones: a workbook from a 20 MB upload never needs it.
  if (count === 0xffff || offset === 0xffffffff) return tooLarge;
  if (count > MAX_ZIP_ENTRIES) return tooLarge;
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) return damaged;
    entries.push({ method: zip.readUInt16LE(at + 10), compressedSize: zip.readUInt32LE(at + 20), size: zip.readUInt32LE(at + 24), localHeader: zip.readUInt32LE(at + 42) });
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** Inflates one entry, counting; stops as soon as it passes `limit`. Answers the bytes it unpacked to. */
function inflatedSize(data: Buffer, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        inflate.destroy();
        resolve(size);
      }
    });
    inflate.on('end', () => resolve(size));
    inflate.on('error', reject);
    inflate.end(data);
  });
}

/** Undefined for a zip within bounds; otherwise why it is refused. */
export async function zipProblem(zip: Buffer): Promise<Label | undefined> {
  const entries = centralDirectory(zip);
  if (!Array.isArray(entries)) return entries;
  let budget = MAX_UNPACKED_BYTES;
  for (const entry of entries) {
    if (entry.size > budget) return tooLarge;
    const at = entry.localHeader;
    if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) return damaged;
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    const data = zip.subarray(start, start + entry.compressedSize);
    let size: number;
    if (entry.method === STORED) size = data.length;
    else if (entry.method === DEFLATED) {
      try {
        size = await inflatedSize(data, entry.size);
      } catch {
        return damaged;
      }
    } else return damaged;
    // An entry that unpacks to more than its directory says is lying about its size: refused
    // as damaged, having inflated no further than the size it claimed.
    if (size > entry.size) return damaged;
    budget -= size;
  }
  return undefined;
}
