import { z } from 'zod';
import { StaffRole } from '../domain/access';
import { defaultReviewWindow } from '../domain/campaign';
import { AgencyEntry, Email, Mobile, type StaffEntry, agencyIdOf, agencyPlacementProblem, rolePlacementProblem } from '../domain/directory';
import { AgencyKind } from '../domain/enums';
import { type Label, agencyLabels, directoryLabels as words, staffRoleLabels } from '../domain/labels';
import { ProvinceName, provinceNames } from '../domain/provinces';
import { text as Text } from '../domain/text';
import { type CellType, type IntakeOptions, compact, displayValue, fail, ok } from './cells';
import { digitsText, lookup, province, text } from './cellTypes';
import { checkUnique } from './checks';
import type { Column, SheetLayout } from './layout';
import { type FileReadAs, type IntakeFile, readSubmission } from './parse';
import { type IntakeProblem, ProblemList } from './problems';
import { type ParsedRow, parseRows } from './rows';
import type { SheetSource } from './source';
import { buildWorkbook } from './template';

/**
 * The directory spreadsheet (通讯录): one sheet of offices, one of people, laid out, drawn and read
 * like the annex workbook (Chinese headings in row 1, English in row 2, drop-down lists), with the
 * same readers, so a directory file can be .xlsx, CSV (one per sheet) or JSON too.
 */

/** A drop-down of an enumeration's Chinese labels; the English keys are read too. */
function choice<K extends string>(labels: Record<K, Label>): CellType<K> {
  const names = Object.values<Label>(labels).map((l) => l.zh);
  const keyOf = lookup(labels);
  return {
    choices: () => names,
    read(value) {
      const key = keyOf(compact(String(value)));
      return key === undefined ? fail(`${words.unknownChoice.zh}：${names.join('、')}`, `${words.unknownChoice.en}: ${Object.keys(labels).join(', ')}`) : ok(key);
    },
  };
}

const email: CellType<string> = {
  read(value) {
    const parsed = Email.safeParse(compact(String(value)));
    return parsed.success ? ok(parsed.data) : fail(words.notAnEmail.zh, words.notAnEmail.en);
  },
};

/** Several addresses in one cell, separated as a clerk separates them (、 , ; or spaces). */
const emails: CellType<string[]> = {
  read(value) {
    const written = String(value).normalize('NFKC').split(/[、,;\s]+/u).filter((e) => e !== '');
    const bad = written.filter((e) => !Email.safeParse(e).success);
    if (bad.length > 0) return fail(`${words.notAnEmail.zh}：${bad.join('、')}`, `${words.notAnEmail.en}: ${bad.join(', ')}`);
    return ok([...new Set(written)]);
  },
};

const status = choice({ active: words.active, disabled: words.disabled });

const column = (key: string, heading: Label, width: number, type: CellType<unknown>, required: boolean, blank?: unknown): Column => ({ key, field: key, heading, width, type, required, blank });

const StaffRow = z.object({
  name: Text(50),
  email: Email,
  mobile: Mobile.nullable(),
  province: ProvinceName.nullable(),
  agencyKind: AgencyKind,
  role: StaffRole,
  status: z.enum(['active', 'disabled']),
});

export const directorySheets = {
  agencies: {
    key: 'agencies',
    name: words.agencies.zh,
    en: words.agencies.en,
    schema: AgencyEntry,
    columns: [
      column('province', words.province, 30, province, false, null),
      column('kind', words.agencyKind, 24, choice(agencyLabels), true),
      column('name', words.agencyName, 36, text, true),
      column('emails', words.agencyEmails, 44, emails, false, []),
    ],
  },
  staff: {
    key: 'staff',
    name: words.staff.zh,
    en: words.staff.en,
    schema: StaffRow,
    unique: ['email'],
    uniqueIgnoresCase: true,
    columns: [
      column('name', words.staffName, 12, text, true),
      column('email', words.staffEmail, 32, email, true),
      column('mobile', words.staffMobile, 16, digitsText, false, null),
      column('province', words.province, 30, province, false, null),
      column('agencyKind', words.staffAgency, 28, choice(agencyLabels), true),
      column('role', words.staffRole, 20, choice(staffRoleLabels), true),
      column('status', words.staffStatus, 20, status, false, 'active'),
    ],
  },
} satisfies Record<string, SheetLayout>;

const sheets: readonly SheetLayout[] = Object.values(directorySheets);

/** Every province-level division: a directory may name any province, campaign or not. */
const options: IntakeOptions = { reviewWindow: defaultReviewWindow, provinces: provinceNames };

export function buildDirectoryTemplate(): Promise<Buffer> {
  return buildWorkbook(words.workbook, sheets, options);
}

export interface DirectoryFileContent {
  agencies: AgencyEntry[];
  /** With their office's province, which decides who may import them. */
  staff: (StaffEntry & { province: string | null })[];
}

export type DirectoryIntakeResult = { ok: true; directory: DirectoryFileContent; files: FileReadAs[] } | { ok: false; problems: IntakeProblem[] };

function located(source: SheetSource, row: ParsedRow<unknown>, key: string, reason: Label): IntakeProblem {
  const col = source.layout.columns.find((c) => c.key === key)!;
  const value = row.values.get(key);
  return { sheet: source.naming.sheet, row: row.row, column: source.naming.column(col), value: value === null || value === undefined ? undefined : displayValue(String(value)), reason };
}

/**
 * Reads directory files (a workbook, or one CSV or JSON per sheet) and checks them whole: every
 * cell, every row against the domain's rules (which kinds of office sit in a province, which roles
 * belong to which office), every person's office against the file and `agenciesOnFile` (ids of the
 * offices already in the directory). Entries come back only when there is no problem at all.
 */
export async function parseDirectoryFiles(inputs: readonly IntakeFile[], agenciesOnFile: ReadonlySet<string>): Promise<DirectoryIntakeResult> {
  const problems = new ProblemList();
  const { found, files } = await readSubmission<keyof typeof directorySheets>(inputs, sheets, problems);
  if (found.size === 0) return { ok: false, problems: problems.toArray() };

  const agencySource = found.get('agencies');
  const staffSource = found.get('staff');
  const agencyRows = agencySource ? parseRows({ ...agencySource, layout: directorySheets.agencies }, options, problems) : [];
  const staffRows = staffSource ? parseRows({ ...staffSource, layout: directorySheets.staff }, options, problems) : [];
  if (agencyRows.length + staffRows.length === 0 && [...found.values()].every((s) => s.rows !== undefined)) {
    problems.add({ reason: words.nothingListed });
  }

  const inFile = new Map<string, number>();
  for (const row of agencyRows) {
    const kind = row.values.get('kind') as AgencyKind | undefined;
    const where = row.values.get('province') as string | null | undefined;
    if (kind === undefined || where === undefined) continue;
    const misplaced = agencyPlacementProblem(kind, where);
    if (misplaced) problems.add(located(agencySource!, row, 'kind', misplaced));
    const id = agencyIdOf(kind, where);
    const first = inFile.get(id);
    if (first === undefined) inFile.set(id, row.row);
    else problems.add(located(agencySource!, row, 'kind', { zh: `与第${first}行是同一机构`, en: `the same office as row ${first}` }));
  }

  if (staffSource) checkUnique(staffSource, staffRows, problems);
  const staff: DirectoryFileContent['staff'] = [];
  for (const row of staffRows) {
    if (row.record === undefined) continue;
    const { agencyKind, province: where, role } = row.record;
    const agencyId = agencyIdOf(agencyKind, where);
    if (!inFile.has(agencyId) && !agenciesOnFile.has(agencyId)) {
      problems.add(located(staffSource!, row, 'agencyKind', words.noSuchAgency));
      continue;
    }
    const misplaced = rolePlacementProblem(role, { kind: agencyKind, province: where });
    if (misplaced) problems.add(located(staffSource!, row, 'role', misplaced));
    const { name, email: address, mobile } = row.record;
    staff.push({ name, email: address, mobile, agencyId, role, active: row.record.status === 'active', province: where });
  }

  if (!problems.empty) return { ok: false, problems: problems.toArray() };
  return { ok: true, directory: { agencies: agencyRows.flatMap((r) => (r.record ? [r.record] : [])), staff }, files };
}
