import { z } from 'zod';
import { agencyLabels, enterpriseTypeLabels, phaseLabels } from './labels';

/** A table's keys as a zod enum's values: the table is where the list is written. */
export function keysOf<T extends object>(table: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];
}

/** The agencies that act on cases, then the national offices, in the order lists show them. */
export const AgencyKind = z.enum(keysOf(agencyLabels));
export type AgencyKind = z.infer<typeof AgencyKind>;

/** The national offices: they coordinate and are told, but carry out no measure of a case. */
export const NationalAgency = AgencyKind.extract(['miit', 'coordinationMechanism']);

/** The agencies a province has, which verify enterprises and carry out measures. */
export const ActingAgency = AgencyKind.exclude(NationalAgency.options);
export type ActingAgency = z.infer<typeof ActingAgency>;

/** Annex 2's enterprise-type checkboxes; an enterprise may tick several. */
export const EnterpriseType = z.enum(keysOf(enterpriseTypeLabels));
export type EnterpriseType = z.infer<typeof EnterpriseType>;

/** The campaign's three phases, then closed. */
export const CasePhase = z.enum(keysOf(phaseLabels));
export type CasePhase = z.infer<typeof CasePhase>;
