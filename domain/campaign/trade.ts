import { z } from 'zod';
import { UnifiedSocialCreditCode } from '../tip';
import { IsoDate } from './calendar';
import { PartnerRef } from './enterprise';
import { ProductCategory } from './production';
import { Province } from './province';
import { Fen, KgReo } from './quantity';

/** A sale as the seller's VAT special invoice (增值税专用发票) records it. */
export const TradeRecord = z.object({
  id: z.string().min(1).max(100),
  sellerCode: UnifiedSocialCreditCode,
  buyer: PartnerRef,
  product: z.string().trim().min(1).max(100),
  category: ProductCategory,
  kgReo: KgReo.positive(),
  date: IsoDate,
  invoiceNo: z.string().trim().min(1).max(50),
  /** Where the invoice was issued: off-site invoicing (异地开票) is a named target of the campaign. */
  invoiceProvince: Province,
  amountFen: Fen.optional(),
});
export type TradeRecord = z.infer<typeof TradeRecord>;
