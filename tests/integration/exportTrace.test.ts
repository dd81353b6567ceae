import { caseWorkflowId } from '../../domain/caseIds';
import type { ExportTrace } from '../../domain/trace';
import type { exportTraceWorkflow } from '../../workflows';
import type { ExportTraceResult } from '../../workflows/exportTrace';
import { caseViewQuery } from '../../workflows/caseMessages';
import { recordHistory } from '../support/histories';
import { tasksOf, useHarness } from '../support/harness';
import { waitFor } from '../support/waitFor';
import { cleanSmelter, enterprise, invoice, ledger, produce } from '../unit/rulesFixtures';

/**
 * Section 一.(四) against the real stack: an unlicensed mine in 江西 sells ore to a smelter in 江西,
 * which sells oxide to a trader in 广东 on an invoice issued in 广东 (off-site), which sells to an
 * exporter in 广东. The exporter's case traces its exports to the mine, and every case on the chain,
 * in both provinces, gets its measures.
 */
const mine = enterprise(['mine'], { province: '江西省' });
produce(mine, 'mineral', 50_000, ['2014-01']);
const smelter = cleanSmelter();
const trader = enterprise(['trading'], { province: '广东省' });
const exporter = enterprise(['export'], { province: '广东省' });
ledger(exporter, '2014-05', 'smelted', { exportKgReo: 30_000 });
invoice(mine, smelter, '2014-02-10', 40_000, 'mineral');
const offSite = invoice(smelter, trader, '2014-03-10', 35_000, 'smelted', '广东省');
invoice(trader, exporter, '2014-04-10', 30_000, 'smelted');

const campaignId = 'c-trace';
const chain = [exporter, trader, smelter, mine];
const caseOf = (d: typeof mine) => caseWorkflowId(campaignId, d.enterprise.province, d.enterprise.code);
const exporterCase = caseOf(exporter);

const h = useHarness('trace', { dossiers: chain });

beforeAll(async () => {
  const started = await h.as(h.tokens.miit)('/campaigns', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: campaignId, name: 'trace', provinces: ['江西省', '广东省'], daysPerSecond: 0.2, enterprises: chain.map((d) => d.enterprise.code) }),
  });
  expect(started.status).toBe(201);
  // The two provinces' campaigns start their cases side by side: the exporter's first trace may
  // run before the 江西 cases exist. Once all do, a re-run must reach every one.
  for (const d of chain) await waitFor(`case of ${d.enterprise.name}`, async () => ((await h.client.workflow.getHandle(caseOf(d)).query(caseViewQuery).catch(() => undefined)) ? true : undefined));
  // The exporter's case starts its trace once its rule checks are in.
  await waitFor('the first trace', async () => ((await h.client.workflow.getHandle(`trace/${exporterCase}`).describe().catch(() => undefined)) ? true : undefined));
  await h.client.workflow.getHandle(`trace/${exporterCase}`).result();
}, 120_000);

const rerun = (id: string) =>
  h.client.workflow.execute<typeof exportTraceWorkflow>('exportTraceWorkflow', {
    workflowId: id,
    taskQueue: h.taskQueue,
    args: [{ caseId: exporterCase, campaignId, province: '广东省', exporterCode: exporter.enterprise.code, window: { from: '2013-06-01', to: '2014-07-31' } }],
  });

test('the trace reaches the mine with the right tonnes per link, and the chain’s cases get their measures in their provinces', async () => {
  const result: ExportTraceResult = await rerun(`trace/${exporterCase}/rerun`);
  expect(result).toEqual({ traceCaseId: exporterCase, notified: chain.map(caseOf), withoutCase: [] });

  const res = await h.as(h.tokens['44-industry-provincialCoordinator'])(`/cases/${encodeURIComponent(exporterCase)}/trace`);
  expect(res.status).toBe(200);
  const trace = (await res.json()) as ExportTrace;
  expect(trace.links.map((l) => [l.code, l.province, l.demandKg, l.ownProductionKg, l.untracedKg, l.illegalKg])).toEqual([
    [exporter.enterprise.code, '广东省', 30_000, 0, 0, 30_000],
    [trader.enterprise.code, '广东省', 30_000, 0, 0, 30_000],
    [smelter.enterprise.code, '江西省', 30_000, 0, 0, 30_000],
    [mine.enterprise.code, '江西省', 30_000, 30_000, 0, 30_000],
  ]);
  expect(trace.links[3].mine).toMatchObject({ legal: false });
  expect(trace.edges.find((e) => e.supplier === smelter.enterprise.code)).toMatchObject({ kgReo: 30_000, months: ['2014-03'], offSiteInvoiceNos: [offSite.invoiceNo] });

  const svg = await h.as(h.tokens['44-industry-provincialCoordinator'])(`/cases/${encodeURIComponent(exporterCase)}/trace?format=svg`);
  expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
  expect((await svg.text()).match(/<rect /g)).toHaveLength(4);
  // Another province's staff do not see the exporter's case, nor its trace.
  expect((await h.as(h.tokens['36-industry-provincialCoordinator'])(`/cases/${encodeURIComponent(exporterCase)}/trace`)).status).toBe(404);

  const traceTasks = async (token: string) => (await tasksOf(h, token)).filter((t) => t.key.includes('/trace/')).map((t) => [t.caseId, t.agency, t.key.slice(t.key.lastIndexOf('/') + 1)]).sort();
  const expected44 = [
    [exporterCase, 'customs', 'confiscateExportProducts'],
    [exporterCase, 'tax', 'recoverVat'],
    [caseOf(trader), 'industry', 'confiscateChainGains'],
    [caseOf(trader), 'tax', 'recoverVat'],
  ].sort();
  const expected36 = [
    [caseOf(smelter), 'industry', 'confiscateChainGains'],
    [caseOf(smelter), 'tax', 'recoverVat'],
    [caseOf(mine), 'landResources', 'confiscateProductsAndGains'],
    [caseOf(mine), 'tax', 'recoverVat'],
    [caseOf(mine), 'tax', 'recoverResourceTax'],
  ].sort();
  await waitFor('the measures open', async () => ((await traceTasks(h.tokens['36-industry-provincialCoordinator'])).length === expected36.length && (await traceTasks(h.tokens['44-industry-provincialCoordinator'])).length === expected44.length ? true : undefined));
  expect(await traceTasks(h.tokens['44-industry-provincialCoordinator'])).toEqual(expected44);
  expect(await traceTasks(h.tokens['36-industry-provincialCoordinator'])).toEqual(expected36);

  const view = await h.client.workflow.getHandle(exporterCase).query(caseViewQuery);
  expect(view.timeline.filter((e) => e.kind === 'traced').length).toBeGreaterThan(0);
  expect(view.tasks.find((t) => t.key.endsWith('/confiscateExportProducts'))?.title).toContain('30.000 t');

  // A further run with nothing new opens nothing new.
  await rerun(`trace/${exporterCase}/again`);
  await h.client.workflow.getHandle(exporterCase).query(caseViewQuery);
  expect(await traceTasks(h.tokens['36-industry-provincialCoordinator'])).toEqual(expected36);
  expect(await traceTasks(h.tokens['44-industry-provincialCoordinator'])).toEqual(expected44);

  recordHistory('exportTrace-illegalChain', `trace/${exporterCase}/rerun`);
  recordHistory('enterpriseCase-exportTraced', exporterCase);
}, 120_000);
