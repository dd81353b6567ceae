import { z } from 'zod';
import { text } from '../text';
import { UnifiedSocialCreditCode } from './creditCode';
import { IsoDate } from './calendar';
import { KgReo } from './quantity';


/** 采矿许可证. Both validity dates are inclusive: a licence valid to 03-31 covers all of March. */
export const MiningLicence = z
  .object({
    number: text(64),
    holderCode: UnifiedSocialCreditCode,
    area: text(300),
    validFrom: IsoDate,
    validTo: IsoDate,
    /** The licence's annual extraction quota (开采指标), when the licence states one. */
    annualQuotaKgReo: KgReo.optional(),
  })
  .refine((l) => l.validFrom <= l.validTo, { message: 'a licence must not expire before it is valid' });
export type MiningLicence = z.infer<typeof MiningLicence>;

/** Annex 2 asks for the issuing authority and the document number (部门及文号) of each paper. */
const permitDocument = z
  .object({
    enterpriseCode: UnifiedSocialCreditCode,
    authority: text(200),
    documentNo: text(100),
    issuedOn: IsoDate,
    /** Inclusive last day; absent when the document does not lapse. */
    expiresOn: IsoDate.optional(),
  })
  .refine((d) => d.expiresOn === undefined || d.issuedOn <= d.expiresOn, { message: 'a document must not expire before it is issued' });

/** 环评批复部门及文号. */
export const EiaApproval = permitDocument;
export type EiaApproval = z.infer<typeof EiaApproval>;

/**
 * The approval of a construction project that recovers rare earths as a by-product (建设工程回收利用
 * 稀土资源项目): section 一.(一) orders such projects without approval or complete papers to stop.
 * Annex 2 has no row for it, so it is asked of recycling enterprises beside the form.
 */
export const RecoveryApproval = permitDocument;
export type RecoveryApproval = z.infer<typeof RecoveryApproval>;

/** 安全备案或验收部门及文号. */
export const SafetyFiling = permitDocument;
export type SafetyFiling = z.infer<typeof SafetyFiling>;
