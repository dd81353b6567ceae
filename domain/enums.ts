import { z } from 'zod';
import { agencyLabels, enterpriseTypeLabels, phaseLabels } from './labels';

function keysOf<T extends object>(table: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];
}

/** The eight agencies that act on cases plus the two national offices. */
export const AgencyKind = z.enum(keysOf(agencyLabels));
export type AgencyKind = z.infer<typeof AgencyKind>;

/** Annex 2's enterprise-type checkboxes; an enterprise may tick several. */
export const EnterpriseType = z.enum(keysOf(enterpriseTypeLabels));
export type EnterpriseType = z.infer<typeof EnterpriseType>;

/** The campaign's three phases, then closed. */
export const CasePhase = z.enum(keysOf(phaseLabels));
export type CasePhase = z.infer<typeof CasePhase>;
