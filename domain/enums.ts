import { z } from 'zod';
import { agencyLabels, enterpriseTypeLabels, phaseLabels } from './labels';

/** A table's keys as a zod enum's values: the table is where the list is written. */
export function keysOf<T extends object>(table: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];
}

/** The eight agencies that act on cases plus the two national offices, in the order lists show them. */
export const AgencyKind = z.enum(keysOf(agencyLabels));
export type AgencyKind = z.infer<typeof AgencyKind>;

/** Every agency but MIIT, which coordinates and is told, but carries out no measure of a case. */
export const ActingAgency = AgencyKind.exclude(['miit']);
export type ActingAgency = z.infer<typeof ActingAgency>;

/** Annex 2's enterprise-type checkboxes; an enterprise may tick several. */
export const EnterpriseType = z.enum(keysOf(enterpriseTypeLabels));
export type EnterpriseType = z.infer<typeof EnterpriseType>;

/** The campaign's three phases, then closed. */
export const CasePhase = z.enum(keysOf(phaseLabels));
export type CasePhase = z.infer<typeof CasePhase>;
