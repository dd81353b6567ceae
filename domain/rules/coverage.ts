import { type YearMonth, dayNumber, firstDayOf, lastDayOf } from '../campaign';
import type { HeldDocument } from './evidence';

/**
 * Whether papers cover a month. The ledger is monthly, so a document covers a month only if it is
 * valid on every day of it (inside the review window): a licence that lapses on the 15th cannot
 * cover that month's production, while renewals that follow on without a gap do.
 */
export class Coverage {
  private readonly spans: Array<{ from: number; to: number }> = [];

  constructor(documents: readonly HeldDocument[]) {
    const sorted = documents
      .map((d) => ({ from: dayNumber(d.validFrom), to: d.validTo === undefined ? Infinity : dayNumber(d.validTo) }))
      .sort((a, b) => a.from - b.from);
    for (const span of sorted) {
      const last = this.spans[this.spans.length - 1];
      if (last && span.from <= last.to + 1) last.to = Math.max(last.to, span.to);
      else this.spans.push({ ...span });
    }
  }

  coversDays(from: number, to: number): boolean {
    return this.spans.some((s) => s.from <= from && s.to >= to);
  }

  /** `window` clips the first and last month to the days under review. */
  coversMonth(month: YearMonth, window: { from: number; to: number }): boolean {
    return this.coversDays(Math.max(firstDayOf(month), window.from), Math.min(lastDayOf(month), window.to));
  }
}
