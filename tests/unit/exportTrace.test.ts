import fc from 'fast-check';
import type { EnterpriseDossier } from '../../domain/campaign';
import { traceExporter, traceIndex, traceMeasures, traceSvg, type ExportTrace } from '../../domain/trace';
import { cleanMine, cleanSmelter, datasetOf, enterprise, invoice, ledger, produce, window } from './rulesFixtures';

/** An exporter that exported `kg` in 2014-05. */
function exporter(kg: number, province = '广东省'): EnterpriseDossier {
  const e = enterprise(['export'], { province });
  ledger(e, '2014-05', 'smelted', { exportKgReo: kg });
  return e;
}

function trace(exporterDossier: EnterpriseDossier, ...others: EnterpriseDossier[]): ExportTrace {
  return traceExporter(traceIndex(datasetOf(exporterDossier, ...others), window), exporterDossier.enterprise.code);
}

const linkOf = (t: ExportTrace, d: EnterpriseDossier) => t.links.find((l) => l.code === d.enterprise.code)!;

test('a chain from an unlicensed mine: each link accounts for its share, the mine is illegal, the invoices and months are on the edges', () => {
  const mine = enterprise(['mine']);
  produce(mine, 'mineral', 50_000, ['2014-01']);
  const smelter = cleanSmelter();
  const trader = enterprise(['trading'], { province: '广东省' });
  const ex = exporter(30_000);
  const ore = invoice(mine, smelter, '2014-02-10', 40_000, 'mineral');
  const oxide = invoice(smelter, trader, '2014-03-10', 35_000, 'smelted', '广东省');
  const sale = invoice(trader, ex, '2014-04-10', 30_000, 'smelted');

  const t = trace(ex, mine, smelter, trader);
  expect(t.exportedKg).toBe(30_000);
  expect(t.links.map((l) => [l.code, l.demandKg, l.ownProductionKg, l.purchasedKg, l.untracedKg, l.illegalKg])).toEqual([
    [ex.enterprise.code, 30_000, 0, 30_000, 0, 30_000],
    [trader.enterprise.code, 30_000, 0, 30_000, 0, 30_000],
    [smelter.enterprise.code, 30_000, 0, 30_000, 0, 30_000],
    [mine.enterprise.code, 30_000, 30_000, 0, 0, 30_000],
  ]);
  expect(linkOf(t, mine).mine).toMatchObject({ legal: false, findings: ['illegalMining', 'noMiningLicence'] });
  expect(t.edges).toEqual([
    { supplier: trader.enterprise.code, buyer: ex.enterprise.code, kgReo: 30_000, illegalKg: 30_000, months: ['2014-04'], invoiceNos: [sale.invoiceNo], offSiteInvoiceNos: [] },
    { supplier: smelter.enterprise.code, buyer: trader.enterprise.code, kgReo: 30_000, illegalKg: 30_000, months: ['2014-03'], invoiceNos: [oxide.invoiceNo], offSiteInvoiceNos: [oxide.invoiceNo] },
    { supplier: mine.enterprise.code, buyer: smelter.enterprise.code, kgReo: 30_000, illegalKg: 30_000, months: ['2014-02'], invoiceNos: [ore.invoiceNo], offSiteInvoiceNos: [] },
  ]);
  expect(t.illegalSource).toBe(true);
});

test('what a link cannot account for from purchases and production stays at it as the untraced remainder', () => {
  const trader = enterprise(['trading'], { province: '广东省' });
  const mine = cleanMine(5_000);
  const ex = exporter(20_000);
  invoice(mine, trader, '2014-02-10', 8_000, 'mineral');
  invoice(trader, ex, '2014-04-10', 12_000, 'smelted');
  const t = trace(ex, mine, trader);
  expect(t.links.map((l) => [l.demandKg, l.purchasedKg, l.untracedKg])).toEqual([
    [20_000, 12_000, 8_000],
    [12_000, 8_000, 4_000],
    [8_000, 0, 0],
  ]);
  expect(linkOf(t, mine)).toMatchObject({ ownProductionKg: 8_000, mine: { legal: true, findings: [] }, illegalKg: 0 });
  expect(t.illegalSource).toBe(false);
  expect(traceMeasures(t)).toEqual([]);
});

test('a link with a legal and an illegal supplier passes on the illegal share it used, first in first out', () => {
  const legal = cleanMine(10_000);
  const illegal = enterprise(['mine']);
  produce(illegal, 'mineral', 10_000, ['2014-01']);
  const smelter = cleanSmelter();
  const ex = exporter(15_000);
  invoice(legal, smelter, '2014-01-10', 10_000, 'mineral');
  invoice(illegal, smelter, '2014-02-10', 10_000, 'mineral');
  invoice(smelter, ex, '2014-04-10', 15_000, 'smelted');
  const t = trace(ex, legal, illegal, smelter);
  expect(linkOf(t, legal).demandKg).toBe(10_000);
  expect(linkOf(t, illegal)).toMatchObject({ demandKg: 5_000, illegalKg: 5_000 });
  expect(linkOf(t, smelter).illegalKg).toBe(5_000);
  expect(t.links[0].illegalKg).toBe(5_000);
});

test('the measures: customs at the exporter, confiscation at every link and the mine, tax where VAT or resource tax is missing', () => {
  const mine = enterprise(['mine']);
  produce(mine, 'mineral', 10_000, ['2014-01']);
  const trader = enterprise(['trading'], { province: '广东省' });
  const ex = exporter(10_000);
  invoice(mine, trader, '2014-02-10', 10_000, 'mineral', '广东省');
  invoice(trader, ex, '2014-03-10', 10_000, 'smelted');
  trader.taxRecords.push({ enterpriseCode: trader.enterprise.code, period: '2014-03', vatFen: 100, resourceTaxFen: 0, compensationFeeFen: 0 });
  ex.taxRecords.push({ enterpriseCode: ex.enterprise.code, period: '2014-05', vatFen: 100, resourceTaxFen: 0, compensationFeeFen: 0 });
  const found = traceMeasures(trace(ex, mine, trader)).map((m) => [m.province, m.enterpriseCode, m.disposition, m.agencyKind, m.illegalKg]);
  expect(found).toEqual([
    ['广东省', ex.enterprise.code, 'confiscateExportProducts', 'customs', 10_000],
    ['广东省', trader.enterprise.code, 'confiscateChainGains', 'industry', 10_000],
    ['江西省', mine.enterprise.code, 'confiscateProductsAndGains', 'landResources', 10_000],
    ['江西省', mine.enterprise.code, 'recoverVat', 'tax', 10_000],
    ['江西省', mine.enterprise.code, 'recoverResourceTax', 'tax', 10_000],
  ]);
});

test('a cycle of purchases settles', () => {
  const a = enterprise(['trading']);
  const b = enterprise(['trading']);
  const ex = exporter(7_000);
  invoice(a, b, '2014-01-10', 5_000, 'smelted');
  invoice(b, a, '2014-02-10', 5_000, 'smelted');
  invoice(a, ex, '2014-03-10', 7_000, 'smelted');
  const t = trace(ex, a, b);
  for (const l of t.links) expect(l.ownProductionKg + l.purchasedKg + l.untracedKg).toBe(l.demandKg);
  expect(t.links[0].untracedKg + t.links.filter((l) => l.code !== ex.enterprise.code).reduce((s, l) => s + l.untracedKg, 0)).toBe(7_000);
});

test('property: at every link what is traced and what is not add up to what it had to account for, and every edge to what its supplier was asked', () => {
  const months = ['2013-08', '2013-12', '2014-02', '2014-05'];
  const arbitraryChain = fc.record({
    mines: fc.array(fc.record({ kg: fc.nat(50_000), licensed: fc.boolean(), month: fc.constantFrom(...months) }), { minLength: 1, maxLength: 4 }),
    middle: fc.integer({ min: 1, max: 4 }),
    trades: fc.array(fc.record({ from: fc.nat(20), to: fc.nat(20), kg: fc.integer({ min: 1, max: 40_000 }), month: fc.constantFrom(...months) }), { maxLength: 25 }),
    exported: fc.integer({ min: 1, max: 100_000 }),
  });
  fc.assert(
    fc.property(arbitraryChain, ({ mines, middle, trades, exported }) => {
      const mineDossiers = mines.map((m) => {
        const d = m.licensed ? cleanMine(0) : enterprise(['mine']);
        produce(d, 'mineral', m.kg, [m.month]);
        return d;
      });
      const middles = Array.from({ length: middle }, () => enterprise(['trading']));
      const ex = exporter(exported);
      const all = [...mineDossiers, ...middles, ex];
      for (const t of trades) {
        const seller = all[t.from % all.length];
        const buyer = all[t.to % all.length];
        if (seller !== buyer && !mineDossiers.includes(buyer)) invoice(seller, buyer, `${t.month}-15`, t.kg, 'smelted');
      }
      const result = trace(ex, ...mineDossiers, ...middles);
      const asked = new Map<string, number>();
      for (const e of result.edges) asked.set(e.supplier, (asked.get(e.supplier) ?? 0) + e.kgReo);
      for (const link of result.links) {
        expect(link.ownProductionKg + link.purchasedKg + link.untracedKg).toBe(link.demandKg);
        expect(link.illegalKg).toBeLessThanOrEqual(link.demandKg);
        // The exporter may be asked again for what it sold into a cycle that came back to it.
        expect((asked.get(link.code) ?? 0) + (link.code === ex.enterprise.code ? exported : 0)).toBe(link.demandKg);
      }
      const bought = new Map<string, number>();
      for (const e of result.edges) bought.set(e.buyer, (bought.get(e.buyer) ?? 0) + e.kgReo);
      for (const link of result.links) expect(bought.get(link.code) ?? 0).toBe(link.purchasedKg);
    }),
    { numRuns: 200 },
  );
});

test('the picture: a box per link, mines on the left, an arrow per edge with its tonnes, and names escaped', () => {
  const mine = enterprise(['mine'], { name: 'A&B <矿>' });
  produce(mine, 'mineral', 4_000, ['2014-01']);
  const ex = exporter(3_000);
  invoice(mine, ex, '2014-02-10', 3_000, 'mineral');
  const svg = traceSvg(trace(ex, mine));
  expect(svg.match(/<rect /g)).toHaveLength(2);
  expect(svg.match(/<line /g)).toHaveLength(1);
  expect(svg).toContain('3.000 t · 2014-02');
  expect(svg).toContain('A&#38;B &#60;矿&#62;');
  const xOf = (name: string) => Number(new RegExp(`<text x="(\\d+)"[^>]*>${name}`).exec(svg)![1]);
  expect(xOf('A&#38;B')).toBeLessThan(xOf(ex.enterprise.name));
});
