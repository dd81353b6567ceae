import type { z } from 'zod';
import type { CampaignRecords } from '../domain/campaign';
import type { IntakeOptions } from './cells';
import { checkOwners, checkUnique } from './checks';
import { type CampaignSheet, type SheetKey, type SheetLayout, annexSheets, layout, sheets } from './layout';
import { type IntakeProblem, ProblemList } from './problems';
import { readCsv } from './readCsv';
import { readJson } from './readJson';
import { readXlsx } from './readXlsx';
import { type ParsedRow, parseRows } from './rows';
import { type FileFormat, type TextEncoding, sniff } from './sniff';
import { type Naming, type SheetSource, gridNaming, jsonNaming } from './source';

export interface IntakeFile {
  fileName: string;
  content: Buffer;
}

export interface IntakeSummary {
  /** Annex 1 is the enterprise list alone; a file with any other sheet is an annex 2 and must have them all. */
  kind: 'annex1' | 'annex2';
  /** Rows read, per sheet the file has. */
  rows: Partial<Record<SheetKey, number>>;
  /** How each file was read, in the order given; a text file says which encoding it was in. */
  files: FileReadAs[];
}

export interface FileReadAs {
  fileName: string;
  format: FileFormat;
  encoding?: TextEncoding;
}

export type IntakeResult = { ok: true; records: CampaignRecords; summary: IntakeSummary } | { ok: false; problems: IntakeProblem[] };

interface FileRead {
  sources: SheetSource[];
  readAs?: FileReadAs;
  /** How this file's own words name a sheet, for sheets it lacks. */
  naming(layout: SheetLayout): Naming;
}

/** Reads one file as sheets of the workbook `sheets` (the annexes', the directory's), whatever its format. */
async function readFile({ fileName, content }: IntakeFile, sheets: readonly SheetLayout[], problems: ProblemList): Promise<FileRead> {
  const sniffed = sniff(content, fileName);
  switch (sniffed.format) {
    case 'xlsx':
      return { sources: await readXlsx(content, fileName, sheets, problems), naming: gridNaming, readAs: { fileName, format: 'xlsx' } };
    case 'csv':
      return { sources: readCsv(sniffed.text, fileName, sheets, problems), naming: gridNaming, readAs: { fileName, format: 'csv', encoding: sniffed.encoding } };
    case 'json':
      return { sources: readJson(sniffed.text, fileName, sheets, problems), naming: jsonNaming, readAs: { fileName, format: 'json', encoding: sniffed.encoding } };
    case undefined:
      problems.add({ value: fileName, reason: sniffed.reason });
      return { sources: [], naming: gridNaming };
  }
}

function recordsOf<T>(rows: readonly ParsedRow<T>[]): T[] {
  return rows.flatMap((r) => (r.record === undefined ? [] : [r.record]));
}

/** Reads one filled-in template: an .xlsx workbook, a CSV file (one sheet) or a JSON file. */
export function parseCampaignFile(input: IntakeFile, options: IntakeOptions): Promise<IntakeResult> {
  return parseCampaignFiles([input], options);
}

/** The sheets of files that together make one submission, by key; a sheet given twice is a problem. */
export async function readSubmission<K extends string>(inputs: readonly IntakeFile[], sheets: readonly SheetLayout[], problems: ProblemList) {
  const found = new Map<K, SheetSource>();
  let naming = gridNaming;
  const files: FileReadAs[] = [];
  for (const file of inputs) {
    const read = await readFile(file, sheets, problems);
    if (read.readAs) files.push(read.readAs);
    if (read.sources.length > 0) naming = read.naming;
    for (const source of read.sources) {
      const key = source.layout.key as K;
      if (!found.has(key)) found.set(key, source);
      else problems.add({ sheet: source.naming.sheet, value: file.fileName, reason: { zh: '此工作表重复提交', en: 'this sheet was given twice' } });
    }
  }
  return { found, naming, files };
}

/**
 * Reads files that together make one submission (typically one CSV per sheet). Every problem of
 * every file is reported; records come back only if there are none, so a caller never stores half
 * a submission.
 */
export async function parseCampaignFiles(inputs: readonly IntakeFile[], options: IntakeOptions): Promise<IntakeResult> {
  const problems = new ProblemList();
  const { found, naming, files } = await readSubmission<SheetKey>(inputs, sheets, problems);
  // Files that could not be read at all: listing every sheet as missing would bury the one real problem.
  if (found.size === 0) return { ok: false, problems: problems.toArray() };

  const kind = [...found.keys()].some((key) => key !== 'enterprises') ? 'annex2' : 'annex1';
  for (const expected of annexSheets[kind]) {
    if (found.has(expected.key)) continue;
    const { sheet } = naming(expected);
    problems.add({ sheet, reason: { zh: `缺少工作表“${sheet}”`, en: `missing sheet "${sheet}" (${expected.en})` } });
  }

  const parse = <S extends z.ZodType>(sheet: CampaignSheet<S>) => {
    const source = found.get(sheet.key);
    return source === undefined ? [] : parseRows({ ...source, layout: sheet }, options, problems);
  };
  const parsed = {
    enterprises: parse(layout.enterprises),
    miningLicences: parse(layout.miningLicences),
    eiaApprovals: parse(layout.eiaApprovals),
    safetyFilings: parse(layout.safetyFilings),
    recoveryApprovals: parse(layout.recoveryApprovals),
    plans: parse(layout.plans),
    ledger: parse(layout.ledger),
    trades: parse(layout.trades),
    taxRecords: parse(layout.taxRecords),
  };

  for (const [key, source] of found) checkUnique(source, parsed[key], problems);
  const list = found.get('enterprises');
  if (list?.rows?.length === 0) problems.add({ sheet: list.naming.sheet, reason: { zh: '没有填写任何企业', en: 'no enterprise is listed' } });
  const codes = parsed.enterprises.map((r) => r.values.get('code'));
  // With a code unreadable (or the whole list), every record of that enterprise would be reported as unlisted.
  if (list?.rows !== undefined && codes.every((code) => typeof code === 'string')) {
    const listed = new Set(codes);
    for (const [key, source] of found) checkOwners(source, parsed[key], listed, list.naming.sheet, problems);
  }

  if (!problems.empty) return { ok: false, problems: problems.toArray() };
  const rows: Partial<Record<SheetKey, number>> = {};
  for (const key of found.keys()) rows[key] = parsed[key].length;
  return {
    ok: true,
    summary: { kind, rows, files },
    records: {
      enterprises: recordsOf(parsed.enterprises),
      miningLicences: recordsOf(parsed.miningLicences),
      eiaApprovals: recordsOf(parsed.eiaApprovals),
      safetyFilings: recordsOf(parsed.safetyFilings),
      recoveryApprovals: recordsOf(parsed.recoveryApprovals),
      plans: recordsOf(parsed.plans),
      ledger: recordsOf(parsed.ledger),
      trades: recordsOf(parsed.trades),
      taxRecords: recordsOf(parsed.taxRecords),
    },
  };
}
