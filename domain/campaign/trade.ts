import { z } from 'zod';
import { StorableString } from '../storable';
import { text } from '../text';
import { UnifiedSocialCreditCode } from './creditCode';
import { IsoDate } from './calendar';
import { PartnerRef } from './enterprise';
import { ProductCategory } from './production';
import { Province } from './province';
import { Fen, KgReo } from './quantity';

/** A sale as the seller's VAT special invoice (增值税专用发票) records it. */
export const TradeRecord = z.object({
  id: StorableString.min(1).max(100),
  sellerCode: UnifiedSocialCreditCode,
  buyer: PartnerRef,
  product: text(100),
  category: ProductCategory,
  kgReo: KgReo.positive(),
  date: IsoDate,
  invoiceNo: text(50),
  /** Where the invoice was issued: off-site invoicing (异地开票) is a named target of the campaign. */
  invoiceProvince: Province,
  amountFen: Fen.optional(),
});
export type TradeRecord = z.infer<typeof TradeRecord>;
