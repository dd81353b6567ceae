import type { ActingAgency } from '../enums';
import type { DispositionCode, TransferStep, ViolationCode } from '../catalogue';
import type { RuleResult } from '../rules';
import type { HandlingPlan } from './completions';

/** The four kinds of work a case asks of the agencies, one per phase's step. */
export type TaskKind = 'verification' | 'handlingPlan' | 'disposition' | 'acceptance';

/** A measure as the handling plan ordered it; a reworked one carries its round and why. */
export type PlannedDisposition = HandlingPlan['dispositions'][number] & { round?: number; reason?: string };

/** What a disposition task shows its agency it must state: the field's path in the completion and its words. */
export interface MustState {
  field: string;
  zh: string;
  en: string;
}

/** A measure the export trace ordered: which trace, and this link's share of its tonnes. */
export interface TraceReference {
  caseId: string;
  exporterCode: string;
  violation: ViolationCode;
  illegalKg: number;
  demandKg: number;
  months: string[];
  offSiteInvoiceNos: string[];
}

interface SpecBase {
  agencyKind: ActingAgency;
  /** Distinguishes tasks of one kind and agency (a disposition's code, say); part of the key. */
  purpose: string;
  title: string;
}

/** A task a case issues, with the evidence its agency is given, typed by the task's kind. */
export type TaskSpec = SpecBase &
  (
    | { kind: 'verification'; evidence: { findings: RuleResult['findings']; annex3: RuleResult['annex3'] | undefined; requested?: Record<string, unknown> } }
    | { kind: 'handlingPlan'; evidence: { violations: ViolationCode[]; round?: number } }
    | { kind: 'disposition'; evidence: PlannedDisposition & { mustState: MustState[]; trace?: TraceReference } }
    | { kind: 'acceptance'; evidence: PlannedDisposition }
  );

/** Deterministic: a retried activity or a replayed workflow derives the same key. A transfer's steps (transfer.ts) are keyed the same way. */
export function taskKey(caseId: string, spec: { kind: TaskKind | TransferStep; agencyKind: ActingAgency; purpose: string }): string {
  return `${caseId}/${spec.kind}/${spec.agencyKind}/${spec.purpose}`;
}

/** The key of a planned measure's disposition: its rectification task, its row and its acceptance share it. */
export function dispositionKey(caseId: string, d: { disposition: DispositionCode; agencyKind: ActingAgency }): string {
  return taskKey(caseId, { kind: 'disposition', agencyKind: d.agencyKind, purpose: d.disposition });
}
