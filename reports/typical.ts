import type { TypicalReasonCode } from '../domain/catalogue';
import { handlingResultLabels, typicalReasonLabels } from '../domain/labels';
import type { DispositionRecord, ReportEnterprise } from './data';
import { parenthesised, tonnes } from './format';
import { carriedOut } from './measures';

export type TypicalReason = TypicalReasonCode;

/** A reason the system proposed an enterprise for, with its figure where it has one (kg REO). */
export interface TypicalReasonFact {
  reason: TypicalReasonCode;
  kgReo?: number;
}

/** An enterprise the system proposes as a typical case (典型案件), with why. */
export interface TypicalCandidate {
  code: string;
  name: string;
  reasons: TypicalReasonFact[];
}

/** What the proposals read of a province, beyond its enterprises and measures. */
export interface TypicalEvidence {
  province: string;
  enterprises: readonly ReportEnterprise[];
  dispositions: readonly DispositionRecord[];
  supervised: readonly string[];
  /** Off-site invoiced sales (异地开票) in the review window, by credit code. */
  offSiteKg: ReadonlyMap<string, number>;
  /** The largest untraced quantity at a link, over the campaign's export traces, by credit code. */
  untracedKg: ReadonlyMap<string, number>;
  /** Exporters whose trace reaches an illegal mine. */
  illegalTraceExporters: ReadonlySet<string>;
  /** Enterprises a tip was linked to whose verification recorded a violation. */
  confirmedTips: ReadonlySet<string>;
}

/** The one enterprise with the largest positive figure; the credit code breaks a tie. */
function largest(figures: ReadonlyMap<string, number>, listed: ReadonlySet<string>): [string, number] | undefined {
  return [...figures].filter(([code, kg]) => kg > 0 && listed.has(code)).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0];
}

/**
 * The plan asks each key producing region for 2–3 typical cases "根据专用发票及举报等线索" (一.(五)) and
 * leaves the choice to it: the system proposes, the provincial coordinator designates. Proposed are
 * the province's largest off-site invoicing and largest untraced quantity, every trace reaching an
 * illegal mine, every tip confirmed, every case under MIIT's supervision and every transfer to public
 * security carried out.
 */
export function proposeTypicalCases(e: TypicalEvidence): TypicalCandidate[] {
  const listed = new Set(e.enterprises.map((x) => x.code));
  const reasons = new Map<string, TypicalReasonFact[]>();
  const add = (code: string, fact: TypicalReasonFact) => {
    if (!listed.has(code)) return;
    reasons.set(code, [...(reasons.get(code) ?? []), fact]);
  };
  const offSite = largest(e.offSiteKg, listed);
  if (offSite) add(offSite[0], { reason: 'offSiteInvoicing', kgReo: offSite[1] });
  const untraced = largest(e.untracedKg, listed);
  if (untraced) add(untraced[0], { reason: 'untracedQuantity', kgReo: untraced[1] });
  for (const code of e.illegalTraceExporters) add(code, { reason: 'illegalMineTrace' });
  for (const code of e.confirmedTips) add(code, { reason: 'tipConfirmed' });
  for (const code of e.supervised) add(code, { reason: 'supervised' });
  for (const d of e.dispositions) {
    if (d.disposition === 'transferToPublicSecurity' && carriedOut(d.status) && !reasons.get(d.enterpriseCode)?.some((r) => r.reason === 'transferredToPublicSecurity')) {
      add(d.enterpriseCode, { reason: 'transferredToPublicSecurity' });
    }
  }
  return [...e.enterprises]
    .filter((x) => reasons.has(x.code))
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((x) => ({ code: x.code, name: x.name, reasons: reasons.get(x.code)! }));
}

/** A reason in words, as coordinators and the summary read it: "本省异地开票数量最大（12.500吨（折REO））". */
export function reasonInWords(fact: TypicalReasonFact): string {
  const label = typicalReasonLabels[fact.reason].zh;
  return fact.kgReo === undefined ? label : `${label}${parenthesised(`${tonnes(fact.kgReo)}${handlingResultLabels.tonnesReo.zh}`)}`;
}
