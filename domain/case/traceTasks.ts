import { measures } from '../catalogue';
import { formatTonnes } from '../campaign';
import { agencyLabels, bilingual, reportPunctuation as p, traceLabels as t } from '../labels';
import { traceWords } from '../labels/timeline';
import type { TraceMeasure } from '../trace';
import { mustStateOf } from './completions';
import type { TaskSpec } from './taskKeys';

/** What an exporter's trace workflow sends each case on the chain. */
export interface TraceNotice {
  /** The exporter's case: the trace is stored under it (GET /cases/:id/trace). */
  traceCaseId: string;
  exporterCode: string;
  exportedKg: number;
  links: number;
  untracedKg: number;
  illegalKg: number;
  /** This enterprise's measures; none for a link the trace only passes through. */
  measures: TraceMeasure[];
}

/**
 * A measure the trace orders, as a disposition task of the link's case. Keyed by the exporter and
 * the measure, so a re-run of the trace after new imports opens only measures not opened before.
 */
export function traceMeasureTask(notice: TraceNotice, m: TraceMeasure, dueDate: string): TaskSpec {
  const measure = measures[m.disposition].label;
  const mustState = mustStateOf(m.disposition);
  return {
    kind: 'disposition',
    agencyKind: m.agencyKind,
    purpose: `trace/${notice.exporterCode}/${m.disposition}`,
    title: `${bilingual(t.task)}: ${bilingual(measure)}${p.open}${agencyLabels[m.agencyKind].zh}${p.close}${p.comma}${bilingual(t.share)} ${formatTonnes(m.illegalKg)} t${p.comma}${bilingual(t.trace)} ${notice.traceCaseId}`,
    evidence: {
      disposition: m.disposition,
      agencyKind: m.agencyKind,
      dueDate,
      note: `${t.trace.en} ${notice.traceCaseId}`,
      mustState,
      trace: { caseId: notice.traceCaseId, exporterCode: notice.exporterCode, violation: m.violation, illegalKg: m.illegalKg, demandKg: m.demandKg, months: m.months ?? [], offSiteInvoiceNos: m.offSiteInvoiceNos ?? [] },
    },
  };
}

/** A trace's findings in both languages, for the Web UI's view of a timeline and a referral's facts. */
export function traceSummary(notice: TraceNotice): string {
  const words = traceWords(notice);
  return `${words.zh} / ${words.en}`;
}
