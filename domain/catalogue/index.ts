import { z } from 'zod';
import { keysOf, type ActingAgency } from '../enums';
import { annex3Columns, measures, violations, type Annex3Column } from './violations';

/**
 * The campaign plan (打击稀土违法违规行为专项行动方案) as data, each fact once: the violations and
 * the measures for them (violations.ts: section 一, with who acts from 三.(一)), who verifies which
 * enterprise (routing.ts: 三.(一)), the escalation ladder (escalation.ts: 三.(二)) and the reports
 * due at each boundary (reports.ts: 二), and the transfer of a suspected crime to public security
 * (transfer.ts: 一.(五), with State Council Order No. 310's steps). Routing, handling plans, completion checks, reports, the
 * demo's simulated staff and the labels people read all take these from here.
 */
export * from './escalation';
export * from './transfer';
export * from './reports';
export * from './routing';
export * from './typical';
export { type Annex3Column, type DispositionAmount, type DispositionField, type Measure, type Violation, annex3Columns, measures, violations } from './violations';

export const ViolationCode = z.enum(keysOf(violations), { error: 'must be a violation code of the catalogue' });
export type ViolationCode = z.infer<typeof ViolationCode>;
export const DispositionCode = z.enum(keysOf(measures), { error: 'must be a disposition code of the catalogue' });
export type DispositionCode = z.infer<typeof DispositionCode>;

/** A handling plan's starting point: each violation's measures, once each, by the agencies that carry them out. */
export function proposeHandlingPlan(found: readonly ViolationCode[]): { disposition: DispositionCode; agencyKind: ActingAgency }[] {
  const seen = new Set<DispositionCode>();
  return found
    .flatMap((v) => violations[v].measures)
    .filter((d) => !seen.has(d) && seen.add(d))
    .map((disposition) => ({ disposition, agencyKind: measures[disposition].agency }));
}

/** The violations that answer each annex 3 column. */
export const annex3Violations: Readonly<Record<Annex3Column, readonly ViolationCode[]>> = Object.fromEntries(
  annex3Columns.map((column) => [column, ViolationCode.options.filter((v) => violations[v].annex3 === column)]),
) as Record<Annex3Column, ViolationCode[]>;

/** The agency that records a violation it meets in its own check: the first the catalogue names. */
export function investigatingAgency(violation: ViolationCode): ActingAgency {
  return violations[violation].agencies[0];
}
