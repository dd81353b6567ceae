import { z } from 'zod';
import { text } from '../text';
import { UnifiedSocialCreditCode } from './creditCode';
import { YearMonth } from './calendar';
import { PartnerRef } from './enterprise';
import { KgReo } from './quantity';

/** Annex 2's note: quantities are reported separately for mineral and for smelted/separated products. */
export const ProductCategory = z.enum(['mineral', 'smelted']);
export type ProductCategory = z.infer<typeof ProductCategory>;

/**
 * A production plan (生产总量控制计划) for one year and category. Several plans for the same year and
 * category (a supplementary allocation, 追加计划) add up.
 */
export const ProductionPlan = z.object({
  enterpriseCode: UnifiedSocialCreditCode,
  year: z.number().int().min(2000).max(2100),
  category: ProductCategory,
  quotaKgReo: KgReo,
});
export type ProductionPlan = z.infer<typeof ProductionPlan>;

/**
 * One line of annex 2's monthly table (生产、销售、出口等情况表). The form details purchases by
 * supplier and sales by customer, so a month has several lines per product; quantities add up.
 */
export const LedgerMonth = z.object({
  enterpriseCode: UnifiedSocialCreditCode,
  month: YearMonth,
  product: text(100),
  category: ProductCategory,
  /** What the enterprise wrote as its plan; the rules use the plans on record instead. */
  planKgReo: KgReo.optional(),
  productionKgReo: KgReo.default(0),
  exportKgReo: KgReo.default(0),
  purchaseKgReo: KgReo.default(0),
  supplier: PartnerRef.optional(),
  salesKgReo: KgReo.default(0),
  customer: PartnerRef.optional(),
});
export type LedgerMonth = z.infer<typeof LedgerMonth>;
