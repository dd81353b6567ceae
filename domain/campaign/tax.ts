import { z } from 'zod';
import { UnifiedSocialCreditCode } from './creditCode';
import { YearMonth } from './calendar';
import { Fen } from './quantity';

/** Taxes and fees paid for one month, in fen: VAT, resource tax, resource compensation fee. */
export const TaxRecord = z.object({
  enterpriseCode: UnifiedSocialCreditCode,
  period: YearMonth,
  vatFen: Fen,
  resourceTaxFen: Fen,
  compensationFeeFen: Fen,
});
export type TaxRecord = z.infer<typeof TaxRecord>;
