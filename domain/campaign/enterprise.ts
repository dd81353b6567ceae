import { z } from 'zod';
import { text } from '../text';
import { EnterpriseType } from '../enums';
import { UnifiedSocialCreditCode } from './creditCode';
import { Province } from './province';


/** Annex 2's basic block (企业基本情况); the credit code is the natural key everywhere. */
export const Enterprise = z.object({
  code: UnifiedSocialCreditCode,
  name: text(200),
  address: text(300),
  legalRepresentative: text(100),
  phone: text(50),
  contact: text(100),
  contactTitle: text(100),
  mobile: text(50),
  province: Province,
  types: z.array(EnterpriseType).nonempty(),
});
export type Enterprise = z.infer<typeof Enterprise>;

/** A supplier or customer as the ledger names it: the code only when the enterprise gave it. */
export const PartnerRef = z.object({
  code: UnifiedSocialCreditCode.optional(),
  name: text(200),
});
export type PartnerRef = z.infer<typeof PartnerRef>;
