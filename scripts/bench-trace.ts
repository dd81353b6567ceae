import { z } from 'zod';
import { type EnterpriseDossier, buildDataset } from '../domain/campaign';
import { generateCampaign } from '../demo/generator';
import { traceAllExporters, traceIndex } from '../domain/trace';
import { count, round, seconds } from './lib/benchFigures';
import { commandLine, optionValues } from './lib/commandLine';

/**
 * `npm run bench:trace [-- --enterprises N --trades M]`: traces every exporter of a generated
 * campaign of N enterprises (default 10,000) back to the mines, in memory. The generator makes
 * about nine invoices an enterprise; to reach M trades (default 500,000) each generated invoice is
 * repeated in its month under new numbers, which gives every link more purchases to search
 * through, the cost the trace scales with. Last line: one JSON object of the figures.
 */

/** The dossiers with each invoice issued `copies` more times, in both partners' records. */
function withRepeatedInvoices(dossiers: readonly EnterpriseDossier[], extra: number): EnterpriseDossier[] {
  const copies = dossiers.map((d) => ({ ...d, tradesIn: [...d.tradesIn], tradesOut: [...d.tradesOut] }));
  const byCode = new Map(copies.map((d) => [d.enterprise.code, d]));
  const originals = copies.flatMap((d) => d.tradesOut.slice());
  for (let i = 0; i < extra; i++) {
    const t = originals[i % originals.length];
    const round = Math.floor(i / originals.length) + 1;
    const copy = { ...t, id: `${t.id}#${round}`, invoiceNo: `${t.invoiceNo}-${round}` };
    byCode.get(t.sellerCode)!.tradesOut.push(copy);
    if (t.buyer.code !== undefined && t.buyer.code !== t.sellerCode) byCode.get(t.buyer.code)?.tradesIn.push(copy);
  }
  return copies;
}

function main(): void {
  const { enterprises, trades } = optionValues(
    z.object({ enterprises: count(10_000), trades: count(500_000) }),
    commandLine({ enterprises: { type: 'string' }, trades: { type: 'string' } }).values,
  );
  let t = process.hrtime.bigint();
  const campaign = generateCampaign({ seed: 2014, enterprises });
  const generated = campaign.dataset.dossiers.reduce((n, d) => n + d.tradesOut.length, 0);
  const dataset = buildDataset(withRepeatedInvoices(campaign.dataset.dossiers, Math.max(0, trades - generated)));
  const tradeCount = dataset.dossiers.reduce((n, d) => n + d.tradesOut.length, 0);
  console.log(`generated ${enterprises} enterprises, ${generated} invoices, ${tradeCount} with repeats, in ${seconds(t).toFixed(1)} s`);

  t = process.hrtime.bigint();
  const traces = traceAllExporters(traceIndex(dataset, campaign.window));
  const traceS = seconds(t);
  const links = traces.reduce((n, x) => n + x.links.length, 0);
  console.log(`traced ${traces.length} exporters through ${links} links in ${traceS.toFixed(1)} s (${traces.filter((x) => x.illegalSource).length} reaching an illegal source)`);
  console.log(JSON.stringify({ enterprises, trades: tradeCount, exporters: traces.length, trace_s: round(traceS), peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

main();
