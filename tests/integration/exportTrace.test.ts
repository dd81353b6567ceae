import { caseWorkflowId } from '../../domain/caseIds';
import { referralWorkflowId, traceReferralId } from '../../domain/referral';
import type { ExportTrace } from '../../domain/trace';
import { buildReport } from '../../reports';
import type { SummaryFigures } from '../../reports/summary';
import { loadNationalReportData, loadProvinceReportData } from '../../store/reportData';
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
 * exporter in 广东. The exporter's case traces its exports to the mine; the 江西 links reach 江西
 * through cross-province referrals that MIIT routes and 江西 accepts; every case on the chain,
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
    args: [{ caseId: exporterCase, campaignId, province: '广东省', exporterCode: exporter.enterprise.code, window: { from: '2013-06-01', to: '2014-07-31' }, timing }],
  });
const timing = { taskDueMs: 3_600_000, reminderBeforeMs: 600_000, graceAfterDueMs: 3_600_000 };
const referralOf = (d: typeof mine) => traceReferralId(campaignId, exporter.enterprise.code, d.enterprise.code);
const post = (token: string, url: string, body: unknown) => h.as(token)(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

test('the trace reaches the mine with the right tonnes per link, and the chain’s cases get their measures in their provinces', async () => {
  const result: ExportTraceResult = await rerun(`trace/${exporterCase}/rerun`);
  expect(result).toEqual({ traceCaseId: exporterCase, notified: [exporter, trader].map(caseOf), withoutCase: [], referred: [smelter, mine].map(referralOf) });

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
  await waitFor('广东’s measures open', async () => ((await traceTasks(h.tokens['44-industry-provincialCoordinator'])).length === expected44.length ? true : undefined));
  // 江西's links wait for their province: each is a referral to MIIT, once however often the trace ran.
  expect(await traceTasks(h.tokens['36-industry-provincialCoordinator'])).toEqual([]);
  const jx = h.tokens['36-industry-provincialCoordinator'];
  for (const link of [smelter, mine]) {
    const id = encodeURIComponent(referralOf(link));
    const reported = (await (await h.as(h.tokens.miit)(`/referrals/${id}`)).json()) as { state: string; source: string; fromProvince: string; toProvince: string; counterpart: { name: string; code: string } };
    expect(reported).toMatchObject({ state: 'reported', source: 'trace', fromProvince: '广东省', toProvince: '江西省', counterpart: { name: link.enterprise.name, code: link.enterprise.code } });
    expect((await post(h.tokens.miit, `/referrals/${id}/route`, { decision: 'route', toProvince: '江西省' })).status).toBe(200);
    expect((await post(jx, `/referrals/${id}/accept`, { action: 'verifyInCase', enterpriseCode: link.enterprise.code, agencyKind: 'industry' })).status).toBe(200);
  }
  await waitFor('江西’s measures open', async () => ((await traceTasks(jx)).length === expected36.length ? true : undefined));
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

  recordHistory('exportTrace-linksReferred', `trace/${exporterCase}`);
  recordHistory('exportTrace-illegalChain', `trace/${exporterCase}/rerun`);
  recordHistory('exportTrace-referralsAccepted', `trace/${exporterCase}/again`);
  recordHistory('enterpriseCase-exportTraced', exporterCase);
  await h.client.workflow.getHandle(referralWorkflowId(referralOf(mine))).result();
  recordHistory('referral-traceLink', referralWorkflowId(referralOf(mine)));
}, 120_000);

/**
 * 典型案件 (一.(五)) proposed from the same chain: the smelter's off-site invoice is 江西's largest,
 * the exporter's trace reaches the illegal mine. 江西's coordinator designates; MIIT sees the count
 * against the quota, and the summary lists the case for publicity.
 */
test('typical cases: proposals with their reasons in words, designation by the coordinator within the quota, MIIT’s count, the summary’s publicity mark', async () => {
  const jx = h.tokens['36-industry-provincialCoordinator'];
  const gd = h.tokens['44-industry-provincialCoordinator'];
  const path = (province: string) => `/campaigns/${campaignId}/provinces/${encodeURIComponent(province)}/typical-cases`;
  const designate = (token: string, province: string, body: unknown) => h.as(token)(path(province), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  const proposals = async (token: string, province: string) => (await (await h.as(token)(path(province))).json()) as { quota: unknown; candidates: { code: string; reasons: { reason: string; words: string }[]; designated: boolean }[] };
  const jiangxi = await proposals(jx, '江西省');
  expect(jiangxi.quota).toEqual({ min: 2, max: 3 });
  expect(jiangxi.candidates.map((c) => [c.code, c.reasons.map((r) => r.words), c.designated])).toEqual([[smelter.enterprise.code, ['本省异地开票数量最大（35.000吨（折REO））'], false]]);
  expect((await proposals(gd, '广东省')).candidates.map((c) => [c.code, c.reasons.map((r) => r.reason)])).toEqual([[exporter.enterprise.code, ['illegalMineTrace']]]);
  expect((await h.as(gd)(path('江西省'))).status).toBe(404);

  expect((await designate(h.tokens['36-industry-staff'], '江西省', { enterpriseCode: smelter.enterprise.code })).status).toBe(403);
  expect((await designate(gd, '江西省', { enterpriseCode: smelter.enterprise.code })).status).toBe(404);
  expect((await designate(jx, '江西省', { enterpriseCode: mine.enterprise.code })).status).toBe(422);
  expect((await designate(jx, '江西省', { enterpriseCode: 'not a code' })).status).toBe(400);
  const designated = await designate(jx, '江西省', { enterpriseCode: smelter.enterprise.code, note: '异地开票' });
  expect(designated.status).toBe(201);
  expect(await designated.json()).toMatchObject({ enterpriseCode: smelter.enterprise.code, province: '江西省', note: '异地开票', reasons: [{ reason: 'offSiteInvoicing', kgReo: 35_000 }] });
  expect((await designate(jx, '江西省', { enterpriseCode: smelter.enterprise.code })).status).toBe(409);
  const audit = await h.prisma.auditEvent.findMany({ where: { action: 'typicalCases.designate', status: 201 } });
  expect(audit.map((a) => a.objectId)).toEqual([`${campaignId}/${smelter.enterprise.code}`]);

  expect((await h.as(jx)(`/campaigns/${campaignId}/typical-cases`)).status).toBe(403);
  const quota = await h.as(h.tokens.miit)(`/campaigns/${campaignId}/typical-cases`);
  expect(await quota.json()).toEqual([
    { province: '广东省', designated: 0, min: 2, max: 3, met: false },
    { province: '江西省', designated: 1, min: 2, max: 3, met: false },
  ]);

  const data = await loadProvinceReportData(h.prisma, { campaignId, province: '江西省', supervised: [] });
  const summary = buildReport('summary', data, { generatedAt: '2015-03-31T16:00:00Z', draft: true });
  expect(summary.figures.enforcement.typical).toBe(1);
  expect(summary.typicalCases.map((c) => [c.code, c.reasons])).toEqual([[smelter.enterprise.code, [{ reason: 'offSiteInvoicing', kgReo: 35_000 }]]]);

  // The coordinator withdraws it, with a reason: the count and the summary no longer have it, the
  // trail has what it was, and it may be designated again.
  const withdraw = (token: string, code: string, body: unknown) => h.as(token)(`${path('江西省')}/${code}/withdraw`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect((await withdraw(h.tokens['36-industry-staff'], smelter.enterprise.code, { reason: '复核' })).status).toBe(403);
  expect((await withdraw(gd, smelter.enterprise.code, { reason: '复核' })).status).toBe(404);
  expect((await withdraw(jx, smelter.enterprise.code, {})).status).toBe(400);
  expect((await withdraw(jx, mine.enterprise.code, { reason: '复核' })).status).toBe(404);
  const withdrawn = await withdraw(jx, smelter.enterprise.code, { reason: '复核后不符合条件' });
  expect(withdrawn.status).toBe(200);
  expect(await withdrawn.json()).toMatchObject({ enterpriseCode: smelter.enterprise.code, note: '异地开票' });
  expect((await withdraw(jx, smelter.enterprise.code, { reason: '复核' })).status).toBe(404);
  const [trail] = await h.prisma.auditEvent.findMany({ where: { action: 'typicalCases.withdraw', status: 200 } });
  expect(trail).toMatchObject({ objectId: `${campaignId}/${smelter.enterprise.code}`, province: '江西省', actorStaffId: '36-industry-provincialCoordinator', before: { note: '异地开票', designatedBy: expect.any(String) }, after: { withdrawn: true, reason: '复核后不符合条件' } });
  expect(await (await h.as(h.tokens.miit)(`/campaigns/${campaignId}/typical-cases`)).json()).toContainEqual({ province: '江西省', designated: 0, min: 2, max: 3, met: false });
  expect((await proposals(jx, '江西省')).candidates.map((c) => c.designated)).toEqual([false]);
  const after = buildReport('summary', await loadProvinceReportData(h.prisma, { campaignId, province: '江西省', supervised: [] }), { generatedAt: '2015-03-31T16:00:00Z', draft: true });
  expect(after.figures.enforcement.typical).toBe(0);
  expect(after.typicalCases).toEqual([]);
  expect((await designate(jx, '江西省', { enterpriseCode: smelter.enterprise.code })).status).toBe(201);
});

/**
 * The chain's measures, once each agency has carried its out, reach the ministry: every link's
 * row of its own province's annex 4 (处理结果) lists them, and the national roll-up adds up both
 * provinces' figures.
 */
test('the chain’s measures, carried out, are in each link’s row of its province’s annex 4 and in the national roll-up', async () => {
  const options = { generatedAt: '2015-03-31T16:00:00Z', draft: true };
  const provinceCodes = { 广东省: '44', 江西省: '36' };
  const confiscatedFen = 1_000_000;
  let documents = 0;
  for (const [province, code] of Object.entries(provinceCodes)) {
    const measures = (await tasksOf(h, h.tokens[`${code}-industry-provincialCoordinator`])).filter((t) => t.key.includes('/trace/') && t.status === 'open');
    expect(measures.length).toBeGreaterThan(0);
    for (const task of measures) {
      const staff = h.tokens[`${code}-${task.agency}-staff`];
      const url = `/tasks/${encodeURIComponent(task.key)}`;
      const { evidence } = (await (await h.as(staff)(url)).json()) as { evidence: { mustState: { field: string }[] } };
      // Whatever sums the measure must state (confiscated gains, recovered tax): one figure for all.
      const amounts = Object.fromEntries(evidence.mustState.filter((f) => f.field.startsWith('amounts.')).map((f) => [f.field.slice('amounts.'.length), f.field === 'amounts.tonnesKg' ? 30_000 : confiscatedFen]));
      const completion = { documentNo: `${province}〔2014〕${++documents}号`, amounts };
      const done = await post(staff, `${url}/complete`, { completion });
      expect({ task: task.key, status: done.status }).toEqual({ task: task.key, status: 200 });
    }
  }
  await waitFor('the measures recorded', async () => ((await h.prisma.caseDisposition.count({ where: { campaignId, status: 'done' } })) === documents ? true : undefined));

  const measuresIn = (report: ReturnType<typeof buildReport<'annex4'>>, d: typeof mine) =>
    report.groups.flatMap((g) => g.rows).find((r) => r.code === d.enterprise.code)?.measures.map((m) => [m.agencyKind, m.disposition, m.status, m.documentNo]).sort();
  const annex4 = async (province: string) => buildReport('annex4', await loadProvinceReportData(h.prisma, { campaignId, province, supervised: [] }), options);
  const gd = await annex4('广东省');
  const jx = await annex4('江西省');
  expect(measuresIn(gd, exporter)).toEqual([
    ['customs', 'confiscateExportProducts', 'done', expect.stringMatching(/^广东省〔2014〕\d+号$/)],
    ['tax', 'recoverVat', 'done', expect.stringMatching(/^广东省/)],
  ]);
  expect(measuresIn(gd, trader)).toEqual([
    ['industry', 'confiscateChainGains', 'done', expect.stringMatching(/^广东省/)],
    ['tax', 'recoverVat', 'done', expect.stringMatching(/^广东省/)],
  ]);
  expect(measuresIn(jx, smelter)).toEqual([
    ['industry', 'confiscateChainGains', 'done', expect.stringMatching(/^江西省/)],
    ['tax', 'recoverVat', 'done', expect.stringMatching(/^江西省/)],
  ]);
  expect(measuresIn(jx, mine)).toEqual([
    ['landResources', 'confiscateProductsAndGains', 'done', expect.stringMatching(/^江西省/)],
    ['tax', 'recoverResourceTax', 'done', expect.stringMatching(/^江西省/)],
    ['tax', 'recoverVat', 'done', expect.stringMatching(/^江西省/)],
  ]);
  // A province's annex lists its own enterprises only.
  expect(measuresIn(gd, mine)).toBeUndefined();
  expect(measuresIn(jx, exporter)).toBeUndefined();

  const national = buildReport('nationalSummary', await loadNationalReportData(h.prisma, { campaignId, supervised: [] }), options);
  const carriedOut = (f: SummaryFigures) => Object.fromEntries(Object.entries(f.measures).map(([code, m]) => [code, m?.carriedOut]));
  const figuresOf = (province: string) => national.provinces.find((p) => p.province === province)!.figures;
  expect(carriedOut(figuresOf('广东省'))).toEqual({ confiscateExportProducts: 1, recoverVat: 2, confiscateChainGains: 1 });
  expect(carriedOut(figuresOf('江西省'))).toEqual({ recoverVat: 2, confiscateChainGains: 1, confiscateProductsAndGains: 1, recoverResourceTax: 1 });
  expect(carriedOut(national.totals)).toEqual({ confiscateExportProducts: 1, recoverVat: 4, confiscateChainGains: 2, confiscateProductsAndGains: 1, recoverResourceTax: 1 });
  // Each province has two confiscations (export products or products and gains, and a link's gains) of 10,000 yuan
  // each, one of them with 30 t of products; the totals are both provinces'.
  for (const province of ['广东省', '江西省']) expect(figuresOf(province).amounts).toMatchObject({ confiscatedFen: 2 * confiscatedFen, confiscatedKg: 30_000 });
  expect(national.totals.amounts).toMatchObject({ confiscatedFen: 4 * confiscatedFen, confiscatedKg: 60_000 });
});

