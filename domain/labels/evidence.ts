/**
 * The rule checks' evidence (domain/rules/evidence.ts) in sentences an official can go and check:
 * months, partners, tonnes of REO, documents and invoice numbers. Kept out of the index so the
 * words load with the task page that shows them, not with every page.
 */

import { formatTonnes } from '../campaign/quantity';
import type { Evidence, PartnerMention, TradeIssue, UncoveredOutflow } from '../rules/evidence';
import { permitLabels, productCategoryLabels } from './index';

type Words = { zh: string; en: string };

const limitBasisLabels = {
  licenceAnnualQuota: { zh: '采矿许可证年度开采总量', en: "the mining licence's annual quota" },
  licenceWindowQuota: { zh: '采矿许可证核查期内开采总量', en: "the mining licence's quota for the review window" },
  plan: { zh: '生产计划', en: 'the production plan' },
} as const;

const tradeIssueLabels: Record<TradeIssue, Words> = {
  illegalSource: { zh: '来源非法', en: 'from an illegal source' },
  untraceableSupplier: { zh: '供货方无法追溯', en: 'the supplier cannot be traced' },
  customerWithoutPlan: { zh: '购买方无生产计划', en: 'the customer has no production plan' },
  unknownCustomer: { zh: '购买方不明', en: 'the customer is unknown' },
};

const outflowLabels: Record<UncoveredOutflow['kind'], Words> = {
  sale: { zh: '销售', en: 'sale' },
  export: { zh: '出口', en: 'export' },
  separation: { zh: '投入分离', en: 'fed to separation' },
};

const none: Words = { zh: '无', en: 'none' };

const tonnes = (kg: number): Words => ({ zh: `${formatTonnes(kg)}吨`, en: `${formatTonnes(kg)} t` });

function partner(p: PartnerMention | undefined): Words {
  const named = [p?.name, p?.code].filter(Boolean).join(' ');
  return named ? { zh: named, en: named } : { zh: '未注明', en: 'not named' };
}

function list(items: readonly string[]): Words {
  return items.length ? { zh: items.join('、'), en: items.join(', ') } : none;
}

/** One piece of evidence as a sentence, in both languages. */
export function evidenceWords(e: Evidence): Words {
  switch (e.kind) {
    case 'documentMissing':
      return { zh: `未持有${permitLabels[e.document].zh}`, en: `No ${permitLabels[e.document].en.toLowerCase()} held` };
    case 'monthNotCovered': {
      const held = list(e.held.map((d) => `${d.documentNo}（${d.validFrom}～${d.validTo ?? ''}）`));
      const heldEn = list(e.held.map((d) => `${d.documentNo} (${d.validFrom} to ${d.validTo ?? 'open'})`));
      return {
        zh: `${e.month}生产${tonnes(e.producedKgReo).zh}（折稀土氧化物），当月无有效${permitLabels[e.document].zh}；持有：${held.zh}`,
        en: `${e.month}: produced ${tonnes(e.producedKgReo).en} REO with no ${permitLabels[e.document].en.toLowerCase()} in force; held: ${heldEn.en}`,
      };
    }
    case 'limitExceeded': {
      const category = productCategoryLabels[e.category];
      const basis = limitBasisLabels[e.basis];
      return {
        zh: `${e.year === undefined ? '' : `${e.year}年`}${category.zh}产量${tonnes(e.producedKgReo).zh}，超过${basis.zh}${tonnes(e.limitKgReo).zh}，自${e.firstMonthOver}起超出`,
        en: `${category.en}${e.year === undefined ? '' : ` in ${e.year}`}: produced ${tonnes(e.producedKgReo).en} against ${basis.en} of ${tonnes(e.limitKgReo).en}, over from ${e.firstMonthOver}`,
      };
    }
    case 'noPlan': {
      const category = productCategoryLabels[e.category];
      return {
        zh: `${e.year}年无${category.zh}生产计划，仍于${list(e.months).zh}生产${tonnes(e.producedKgReo).zh}`,
        en: `No ${category.en.toLowerCase()} production plan for ${e.year}, yet produced ${tonnes(e.producedKgReo).en} in ${list(e.months).en}`,
      };
    }
    case 'trade': {
      const who = partner(e.partner);
      const issue = tradeIssueLabels[e.issue];
      const taint = e.supplierTaint ? { zh: `；供货方自${e.supplierTaint.since}起存在违法问题`, en: `; the supplier's products are illegal from ${e.supplierTaint.since}` } : { zh: '', en: '' };
      const invoices = list(e.invoiceNos);
      return e.direction === 'purchase'
        ? {
            zh: `${e.month}从${who.zh}购入${e.product}${tonnes(e.kgReo).zh}（${issue.zh}）；发票号：${invoices.zh}${taint.zh}`,
            en: `${e.month}: bought ${tonnes(e.kgReo).en} of ${e.product} from ${who.en} (${issue.en}); invoices: ${invoices.en}${taint.en}`,
          }
        : {
            zh: `${e.month}向${who.zh}销售${e.product}${tonnes(e.kgReo).zh}（${issue.zh}）；发票号：${invoices.zh}`,
            en: `${e.month}: sold ${tonnes(e.kgReo).en} of ${e.product} to ${who.en} (${issue.en}); invoices: ${invoices.en}`,
          };
    }
    case 'massBalance': {
      const category = productCategoryLabels[e.category];
      const t = (kg: number) => tonnes(kg);
      return {
        zh: `${category.zh}：购入${t(e.purchasesKgReo).zh}，生产${t(e.productionKgReo).zh}，投入分离${t(e.convertedKgReo).zh}，销售${t(e.salesKgReo).zh}，出口${t(e.exportKgReo).zh}，差额${t(e.gapKgReo).zh}（允许误差${t(e.toleranceKgReo).zh}）`,
        en: `${category.en}: bought ${t(e.purchasesKgReo).en}, produced ${t(e.productionKgReo).en}, fed to separation ${t(e.convertedKgReo).en}, sold ${t(e.salesKgReo).en}, exported ${t(e.exportKgReo).en}; gap ${t(e.gapKgReo).en} (tolerance ${t(e.toleranceKgReo).en})`,
      };
    }
    case 'unexplainedQuantity': {
      const category = productCategoryLabels[e.category];
      const outflows = e.outflows.map((o) => ({
        zh: `${o.month}${outflowLabels[o.kind].zh}${o.partner ? `给${partner(o.partner).zh}` : ''}${tonnes(o.kgReo).zh}，其中${tonnes(o.uncoveredKgReo).zh}无来源`,
        en: `${o.month} ${outflowLabels[o.kind].en}${o.partner ? ` to ${partner(o.partner).en}` : ''} of ${tonnes(o.kgReo).en}, ${tonnes(o.uncoveredKgReo).en} of it without a source`,
      }));
      return {
        zh: `${category.zh}流出量超出全部来源${tonnes(e.kgReo).zh}：${outflows.map((o) => o.zh).join('；') || none.zh}`,
        en: `${category.en}: ${tonnes(e.kgReo).en} went out beyond everything that came in: ${outflows.map((o) => o.en).join('; ') || none.en}`,
      };
    }
    case 'offSiteInvoice': {
      const buyer = partner(e.buyer);
      return {
        zh: `发票${e.invoiceNo}（${e.date}）在${e.invoiceProvince}开具，企业所在地为${e.sellerProvince}；购买方${buyer.zh}，${tonnes(e.kgReo).zh}`,
        en: `Invoice ${e.invoiceNo} (${e.date}) issued in ${e.invoiceProvince}, the enterprise being in ${e.sellerProvince}; buyer ${buyer.en}, ${tonnes(e.kgReo).en}`,
      };
    }
  }
}
