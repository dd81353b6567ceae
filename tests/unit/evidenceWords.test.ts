import { formatTonnes } from '../../domain/campaign/quantity';
import { generateCampaign } from '../../demo/generator';
import { evidenceWords } from '../../domain/labels/evidence';
import { checkEnterprise } from '../../domain/rules';
import type { Evidence } from '../../domain/rules/evidence';

/** Every piece of evidence the rules find in a generated archive, with the sentence it reads as. */
const generated = generateCampaign({ seed: 7, enterprises: 400 });
const evidence: Evidence[] = generated.dataset.dossiers.flatMap((d) => {
  const r = checkEnterprise(d, generated.dataset);
  return [r.annex3.illegalOrOverQuotaMining, r.annex3.boughtIllegalOre, r.annex3.productionWithoutOrAbovePlan, r.annex3.soldOreToUnplanned, r.massBalance, r.offSiteInvoicing, r.unexplainedSource, ...Object.values(r.annex3.conditions).filter((a) => typeof a === 'object')].flatMap(
    (a) => (a as { evidence: Evidence[] }).evidence,
  );
});

/** The facts an official goes to check, as each kind of evidence holds them. */
function factsOf(e: Evidence): string[] {
  switch (e.kind) {
    case 'documentMissing':
      return [];
    case 'monthNotCovered':
      return [e.month, formatTonnes(e.producedKgReo), ...e.held.map((d) => d.documentNo)];
    case 'limitExceeded':
      return [e.firstMonthOver, formatTonnes(e.producedKgReo), formatTonnes(e.limitKgReo)];
    case 'noPlan':
      return [String(e.year), ...e.months, formatTonnes(e.producedKgReo)];
    case 'trade':
      return [e.month, e.product, formatTonnes(e.kgReo), ...e.invoiceNos, ...[e.partner.name ?? e.partner.code ?? ''].filter(Boolean)];
    case 'massBalance':
      return [formatTonnes(e.purchasesKgReo), formatTonnes(e.salesKgReo), formatTonnes(e.gapKgReo)];
    case 'unexplainedQuantity':
      return [formatTonnes(e.kgReo), ...e.outflows.map((o) => o.month)];
    case 'offSiteInvoice':
      return [e.invoiceNo, e.date, e.invoiceProvince, e.sellerProvince, formatTonnes(e.kgReo)];
  }
}

test('the archive yields most kinds of evidence, so the sentences below are tried on them', () => {
  expect(new Set(evidence.map((e) => e.kind)).size).toBeGreaterThanOrEqual(5);
});

test.each(['zh', 'en'] as const)('each piece of evidence reads as a %s sentence that states its months, partners, tonnes and documents', (language) => {
  for (const e of evidence) {
    const sentence = evidenceWords(e)[language];
    expect(sentence).not.toMatch(/undefined|NaN|\[object/);
    for (const fact of factsOf(e)) expect(sentence).toContain(fact);
  }
});
