import type { IsoDate, ProductCategory, YearMonth } from '../campaign';
import type { permitLabels } from '../labels';
import type { Flow } from './facts';
import type { FindingCode } from './findings';

/**
 * What a finding rests on, specific enough for an official to go and look: months, partners,
 * tonnes and documents. Plain data, so results can travel as workflow payloads.
 */

export type PermitKind = keyof typeof permitLabels;

export interface HeldDocument {
  documentNo: string;
  validFrom: IsoDate;
  validTo?: IsoDate;
}

/** A partner as the record names it: invoices give only a code, ledger lines sometimes only a name. */
export interface PartnerMention {
  code?: string;
  name?: string;
}

export type FlowSource = 'ledger' | 'invoice';

export type TradeIssue = 'illegalSource' | 'untraceableSupplier' | 'customerWithoutPlan' | 'unknownCustomer';

/** Why a supplier's mineral products are illegal, from which month on. */
export interface SourceTaint {
  since: YearMonth;
  findings: FindingCode[];
}

export type Evidence =
  | { kind: 'documentMissing'; code: FindingCode; document: PermitKind }
  | { kind: 'monthNotCovered'; code: FindingCode; document: PermitKind; month: YearMonth; producedKgReo: number; held: HeldDocument[] }
  | {
      kind: 'limitExceeded';
      code: FindingCode;
      basis: 'licenceAnnualQuota' | 'licenceWindowQuota' | 'plan';
      category: ProductCategory;
      /** Absent for the window-wide quota. */
      year?: number;
      /** The month in which cumulative production first went over the limit. */
      firstMonthOver: YearMonth;
      producedKgReo: number;
      limitKgReo: number;
    }
  | { kind: 'noPlan'; code: FindingCode; category: ProductCategory; year: number; months: YearMonth[]; producedKgReo: number }
  | (Flow & {
      kind: 'trade';
      code: FindingCode;
      direction: 'purchase' | 'sale';
      issue: TradeIssue;
      supplierTaint?: SourceTaint;
    })
  | {
      kind: 'massBalance';
      code: FindingCode;
      /** Each category balances on its own: only separation turns one into the other. */
      category: ProductCategory;
      purchasesKgReo: number;
      /** Production of this category: mining, recovery, or a smelter's separated output. */
      productionKgReo: number;
      /** Mineral products a smelter fed to separation (its smelted output); zero elsewhere. */
      convertedKgReo: number;
      salesKgReo: number;
      exportKgReo: number;
      /** In minus out; negative when more left than came in. */
      gapKgReo: number;
      toleranceKgReo: number;
    }
  | {
      kind: 'unexplainedQuantity';
      code: FindingCode;
      category: ProductCategory;
      /** What went out of the category beyond everything that came in. */
      kgReo: number;
      outflows: UncoveredOutflow[];
    }
  | {
      kind: 'offSiteInvoice';
      code: FindingCode;
      invoiceNo: string;
      date: IsoDate;
      buyer: PartnerMention;
      kgReo: number;
      invoiceProvince: string;
      sellerProvince: string;
    };

/**
 * Every piece of evidence in a stored rule result, wherever annex 3's nesting puts it: the task's
 * evidence as it comes back from the API or the database, typed only as JSON.
 */
export function evidenceIn(value: unknown): Evidence[] {
  if (Array.isArray(value)) return value.flatMap(evidenceIn);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if (typeof record.kind === 'string' && typeof record.code === 'string') return [record as unknown as Evidence];
  return Object.values(record).flatMap(evidenceIn);
}

/** A sale, export or separation run that the category's stock at the time could not cover. */
export interface UncoveredOutflow {
  month: YearMonth;
  kind: 'sale' | 'export' | 'separation';
  partner?: PartnerMention;
  kgReo: number;
  uncoveredKgReo: number;
}

/** One annex 3 answer: for the "是否存在…" questions, true means a problem was found. */
export interface Answer {
  answer: boolean;
  evidence: Evidence[];
}

/** A "是否符合…" answer: true means the condition is met; not applicable ones are met by definition. */
export interface ConditionAnswer extends Answer {
  applicable: boolean;
}

export function problemAnswer(evidence: Evidence[]): Answer {
  return { answer: evidence.length > 0, evidence };
}

/** A purchase or sale as a finding states it: the whole flow, with the partner as the archive names it. */
export function tradeEvidence(
  flow: Flow,
  finding: { code: FindingCode; direction: 'purchase' | 'sale'; issue: TradeIssue; partner?: PartnerMention; supplierTaint?: SourceTaint },
): Evidence {
  const { partner = flow.partner, ...rest } = finding;
  return { kind: 'trade', ...flow, partner, ...rest };
}
