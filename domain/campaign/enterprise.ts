import { z } from 'zod';
import { Text } from '../storable';
import { EnterpriseType } from '../enums';
import { UnifiedSocialCreditCode } from '../tip';
import { Province } from './province';


/** Annex 2's basic block (企业基本情况); the credit code is the natural key everywhere. */
export const Enterprise = z.object({
  code: UnifiedSocialCreditCode,
  name: Text(200),
  address: Text(300),
  legalRepresentative: Text(100),
  phone: Text(50),
  contact: Text(100),
  contactTitle: Text(100),
  mobile: Text(50),
  province: Province,
  types: z.array(EnterpriseType).nonempty(),
});
export type Enterprise = z.infer<typeof Enterprise>;

/** A supplier or customer as the ledger names it: the code only when the enterprise gave it. */
export const PartnerRef = z.object({
  code: UnifiedSocialCreditCode.optional(),
  name: Text(200),
});
export type PartnerRef = z.infer<typeof PartnerRef>;
