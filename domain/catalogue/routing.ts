import { ActingAgency, type EnterpriseType } from '../enums';

/**
 * Section 三.(一) of the plan (明确责任分工): who verifies an enterprise of each type in
 * self-inspection. The industry department leads (工业主管部门牵头) and fills in annex 2 for every
 * enterprise; besides it, land & resources checks mining, environment, tax and work safety every
 * producing site, commerce the trading enterprises, customs the exporters.
 */
export const leadAgency = 'industry' satisfies ActingAgency;

export const verifiedBy: Readonly<Record<EnterpriseType, readonly ActingAgency[]>> = {
  mine: ['landResources', 'environment', 'tax', 'workSafety'],
  smelting: ['industry', 'environment', 'tax', 'workSafety'],
  recycling: ['industry', 'environment', 'tax', 'workSafety'],
  trading: ['industry', 'commerce', 'tax'],
  export: ['customs', 'tax'],
};

/** The agencies that verify an enterprise of these types, the lead first, in the agency list's order. */
export function agenciesFor(types: readonly EnterpriseType[]): ActingAgency[] {
  const wanted = new Set<ActingAgency>([leadAgency, ...types.flatMap((t) => verifiedBy[t])]);
  return ActingAgency.options.filter((a) => wanted.has(a));
}
