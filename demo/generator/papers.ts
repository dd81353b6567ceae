import {
  type EiaApproval,
  type MiningLicence,
  type ReviewWindow,
  type YearMonth,
  dateOfDayNumber,
  firstDayOf,
  lastDayOf,
  windowDays,
  yearOf,
} from '../../domain/campaign';
import type { Actor } from './actor';
import type { Prng } from './prng';

type Span = { from: number; to?: number };

/**
 * Issues licences, EIA approvals, safety filings and plans once the year's production is known, so
 * that clean enterprises are comfortably within every limit and planted ones are certainly not.
 */
export class PaperOffice {
  private readonly days: { from: number; to: number };
  private readonly years: number[];
  private documentSeq = 0;

  constructor(
    private readonly rng: Prng,
    private readonly months: readonly YearMonth[],
    window: ReviewWindow,
  ) {
    this.days = windowDays(window);
    this.years = [...new Set(months.map(yearOf))];
  }

  miningLicences(mine: Actor): void {
    const spans = mine.plant === 'illegalMining' ? this.brokenSpans() : this.cleanSpans();
    const quota = mine.plant === 'overQuotaMining' ? this.exceededWindowQuota(mine) : this.generousQuota(mine);
    const serial = ++this.documentSeq;
    spans.forEach((span, i) => {
      const licence: MiningLicence = {
        number: `C${mine.province.code}0000${String(serial).padStart(9, '0')}${i}`,
        holderCode: mine.dossier.enterprise.code,
        area: `${mine.province.name}虚构矿区第${serial}号（虚构 fictional）`,
        validFrom: dateOfDayNumber(span.from),
        validTo: dateOfDayNumber(span.to ?? this.after()),
        annualQuotaKgReo: quota,
      };
      mine.dossier.miningLicences.push(licence);
    });
  }

  permits(actor: Actor): void {
    const code = actor.dossier.enterprise.code;
    const { province } = actor;
    const document = (spans: Span[], authority: string, prefix: string): EiaApproval[] =>
      spans.map((span) => ({
        enterpriseCode: code,
        authority,
        documentNo: `${province.abbreviation}${prefix}〔${yearOf(dateOfDayNumber(span.from))}〕${++this.documentSeq}号（虚构）`,
        issuedOn: dateOfDayNumber(span.from),
        ...(span.to !== undefined && { expiresOn: dateOfDayNumber(span.to) }),
      }));
    const eia = actor.plant === 'noEiaApproval' ? this.brokenSpans() : this.rng.chance(0.6) ? [{ from: this.before() }] : this.cleanSpans();
    const safety = actor.plant === 'noSafetyFiling' ? this.brokenSpans() : this.cleanSpans();
    actor.dossier.eiaApprovals.push(...document(eia, `${province.name}环境保护厅`, '环审'));
    actor.dossier.safetyFilings.push(...document(safety, `${province.name}安全生产监督管理局`, '安监备'));
    if (actor.dossier.enterprise.types.includes('recycling')) {
      const recovery = actor.plant === 'unapprovedByProductRecovery' ? this.brokenSpans() : this.cleanSpans();
      actor.dossier.recoveryApprovals.push(...document(recovery, `${province.name}国土资源厅`, '国土资回收'));
    }
  }

  plans(producer: Actor): void {
    const category = producer.role === 'mine' ? 'mineral' : 'smelted';
    const producedYears = this.years.filter((y) => (producer.ledgerProductionByYear.get(y) ?? 0) > 0);
    const planted = producer.plant === 'productionWithoutPlan' || producer.plant === 'productionAbovePlan' ? this.rng.pick(producedYears) : undefined;
    for (const year of this.years) {
      const produced = producer.ledgerProductionByYear.get(year) ?? 0;
      let quotaKgReo: number;
      if (year === planted && producer.plant === 'productionWithoutPlan') continue;
      else if (year === planted) quotaKgReo = Math.floor((produced * 85) / 100);
      else quotaKgReo = roundUpToTonnes((produced * this.rng.int(105, 150)) / 100) + 1000 * this.rng.int(0, 50);
      producer.dossier.plans.push({ enterpriseCode: producer.dossier.enterprise.code, year, category, quotaKgReo });
      producer.plannedYears.add(year);
    }
  }

  /** Every month's output at most 90 % of a twelfth of the quota: no year and no window can pass it. */
  private generousQuota(mine: Actor): number {
    return roundUpToTonnes((mine.maxMonthlyLedgerProduction * 12 * 10) / 9);
  }

  /** Below the window's output pro-rated to a year, so the window-wide check must fire. */
  private exceededWindowQuota(mine: Actor): number {
    const total = [...mine.ledgerProductionByYear.values()].reduce((a, b) => a + b, 0);
    return Math.floor((total * 12 * 9) / (10 * this.months.length));
  }

  /** Valid throughout the window: one document, or a renewal taking over the day after the first lapses. */
  private cleanSpans(): Span[] {
    if (this.months.length < 2 || this.rng.chance(0.5)) return [{ from: this.before(), to: this.after() }];
    const k = this.rng.int(0, this.months.length - 2);
    return [
      { from: this.before(), to: this.end(k) },
      { from: this.end(k) + 1, to: this.after() },
    ];
  }

  /**
   * Missing, lapsed (at a month's end or the day before it), valid only from part-way through a
   * month, or renewed after a gap: each leaves at least one month of the window uncovered.
   */
  private brokenSpans(): Span[] {
    const n = this.months.length;
    const variant = this.rng.pick(n >= 3 ? ['missing', 'lapsed', 'late', 'gap'] : ['missing', 'lapsed', 'late']);
    if (variant === 'missing') return [];
    if (variant === 'late') {
      const k = this.rng.int(0, n - 1);
      return [{ from: this.start(k) + this.rng.int(1, Math.max(1, this.end(k) - this.start(k))), to: this.after() }];
    }
    if (variant === 'gap') {
      const k = this.rng.int(1, n - 2);
      return [
        { from: this.before(), to: this.end(k - 1) },
        { from: this.start(k) + 1, to: this.after() },
      ];
    }
    const k = this.rng.int(n > 1 ? 1 : 0, n - 1);
    const onTheDay = this.end(k) - 1 >= this.start(k) && this.rng.chance(0.5);
    return [{ from: this.before(), to: onTheDay ? this.end(k) - 1 : this.start(k) - 1 }];
  }

  /** The part of month k inside the window, as day numbers. */
  private start(k: number): number {
    return Math.max(firstDayOf(this.months[k]), this.days.from);
  }

  private end(k: number): number {
    return Math.min(lastDayOf(this.months[k]), this.days.to);
  }

  private before(): number {
    return this.days.from - this.rng.int(30, 6 * 365);
  }

  private after(): number {
    return this.days.to + this.rng.int(30, 5 * 365);
  }
}

function roundUpToTonnes(kg: number): number {
  return Math.ceil(kg / 1000) * 1000;
}
