import { z } from 'zod';
import { StaffRole } from './access';
import { AgencyKind, NationalAgency } from './enums';
import { type Label, agencyLabels, directoryLabels } from './labels';
import { ProvinceName, provinceDivisions } from './provinces';
import { text } from './text';

/**
 * The directory: the agencies of each province and the national offices, with the people who work
 * in them. The spreadsheet and the admin API both come down to these entries; the rules that span
 * fields (which kinds sit in a province, which roles belong to which kind of office) are here once.
 */

/** National offices have no province; every other kind is a provincial office. */
export const nationalAgencyKinds: readonly AgencyKind[] = NationalAgency.options;

/**
 * Kept as written: the demo's addresses (36-tax-agencyHead@…) and some mail systems' local parts are
 * not lower case. But one address is one person whatever its case: the directory compares them
 * without it (a unique index on lower(email)), as sign-in and the identity provider's claims do.
 */
/** The form an address is compared in. */
export const normalEmail = (email: string) => email.trim().toLowerCase();

export const Email = z
  .email({ error: 'must be an email address' })
  .max(254)
  .refine((address) => address.lastIndexOf('@') <= 64, { message: 'the part before @ is at most 64 characters (RFC 5321)' });

/** Mainland mobiles and office lines as staff write them: digits, with + - and spaces between them. */
export const Mobile = z.string().regex(/^\+?[0-9][0-9 -]{3,22}[0-9]$/, 'must be a phone number: digits, with + - or spaces between them');

export const AgencyEntry = z.object({
  kind: AgencyKind,
  /** Full name of the province; null for a national office. */
  province: ProvinceName.nullable(),
  name: text(100),
  emails: z.array(Email).max(10),
});
export type AgencyEntry = z.infer<typeof AgencyEntry>;

export const StaffEntry = z.object({
  name: text(50),
  email: Email,
  mobile: Mobile.nullable(),
  agencyId: z.string(),
  role: StaffRole,
  active: z.boolean(),
});
export type StaffEntry = z.infer<typeof StaffEntry>;

/** Stable and readable: `36-tax` for 江西省's tax office, `national-miit`; the demo's tokens build on it. */
export function agencyIdOf(kind: AgencyKind, province: string | null): string {
  if (province === null) return `national-${kind}`;
  const division = provinceDivisions.find((p) => p.name === province);
  if (division === undefined) throw new Error(`unknown province ${province}`);
  return `${division.code}-${kind}`;
}

/** Where an office of this kind may sit: null when it may. */
export function agencyPlacementProblem(kind: AgencyKind, province: string | null): Label | null {
  const national = nationalAgencyKinds.includes(kind);
  const said = (what: Label): Label => ({ zh: `${agencyLabels[kind].zh}${what.zh}`, en: `${agencyLabels[kind].en} ${what.en}` });
  if (national && province !== null) return said(directoryLabels.nationalOffice);
  if (!national && province === null) return said(directoryLabels.provincialOffice);
  return null;
}

/**
 * Which roles an office's people may hold: MIIT's coordinators sit at MIIT, discipline inspection
 * at the discipline-inspection office, a provincial coordinator in a province. Everyone else is
 * staff or head of their own office, and any office may have its directory administrator.
 */
export function rolePlacementProblem(role: StaffRole, agency: { kind: AgencyKind; province: string | null }): Label | null {
  const { roleBelongsTo } = directoryLabels;
  const at = (where: Label): Label => ({ zh: `${roleBelongsTo.zh}${where.zh}`, en: `${roleBelongsTo.en} ${where.en}` });
  if (role === 'miitCoordinator' && agency.kind !== 'miit') return at(agencyLabels.miit);
  if (role === 'disciplineInspection' && agency.kind !== 'disciplineInspection') return at(agencyLabels.disciplineInspection);
  if (role === 'provincialCoordinator' && agency.province === null) return at(directoryLabels.provincialAgency);
  return null;
}
