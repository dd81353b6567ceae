import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ValueType, Workbook } from 'exceljs';
import { layout } from '../../intake';
import { parseCsv } from '../../intake/csv';
import { generateReport, reportFilePath, type StoredReport } from '../../store/reportStore';
import { creditCode } from '../fixtures/intake/campaignFile';
import { seedDemoData } from '../../store/seedDemoData';
import { useHarness } from '../support/harness';
import { waitFor } from '../support/waitFor';

/**
 * A province's reports through the real stack: a campaign over a chosen list of 江西省
 * enterprises, with other 江西省 enterprises on file, whose names (imported from a CSV) are
 * spreadsheet formulas; on a fast clock. The reports must list exactly the campaign's cases,
 * carry those names as inert text, be dated on the campaign's calendar and stay in the store.
 */
const run = promisify(execFile);
const campaignId = 'scope-2014';
const province = '江西省';
// OWASP's CSV injection examples, as enterprise names.
const names = ['=HYPERLINK("http://evil.example","点我")', "+cmd|' /C calc'!A0", '@SUM(1+1)*cmd|\' /C calc\'!A0', "-2+3+cmd|' /C calc'!A0"];
const codes = ['2', '3', '4', '5'].map((d) => creditCode(`91360700MA35F8K${d}X`));
const json = async <T>(res: Response) => ({ status: res.status, body: (await res.json()) as T });
const coordinator = () => h.tokens['36-industry-provincialCoordinator'];
const draft = async (kind: string, token = coordinator(), where = `/campaigns/${campaignId}/provinces/${encodeURIComponent(province)}/reports`) =>
  json<StoredReport>(await h.as(token)(where, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind }) }));
const download = async (report: StoredReport, format: string) => Buffer.from(await (await h.as(coordinator())(`/reports/${encodeURIComponent(report.id)}/${format}`)).arrayBuffer());
/** Every credit code (18 characters) a report's JSON mentions. */
const mentionedCodes = (text: string) => [...new Set(text.match(/\b9[0-9A-HJ-NP-RTUW-Y]{17}\b/g) ?? [])];
const rowCodes = (model: { groups: { rows: { code: string }[] }[] }) => model.groups.flatMap((g) => g.rows.map((r) => r.code)).sort();

const h = useHarness('report-scope');
beforeAll(async () => {
  await seedDemoData(h.prisma, 60);
  const rows = codes.map((code, i) => [code, names[i], province, '江西省赣州市章贡区红旗大道1号', '张三', '0797-8123456', '李四', '主任', '13907971234', '贸易']);
  const quote = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
  const csv = [layout.enterprises.columns.map((c) => c.heading.zh), ...rows].map((r) => r.map(quote).join(',')).join('\r\n');
  const imported = await h.as(h.tokens.miit)('/imports?fileName=list.csv', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
  expect(imported.status).toBe(200);
  // Half a campaign day a second: self-inspection lasts 94 s, far longer than these tests.
  const started = await h.as(h.tokens.miit)('/campaigns', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: campaignId, name: '范围测试专项行动', provinces: [province], daysPerSecond: 0.5, enterprises: codes }),
  });
  expect(started.status).toBe(201);
  // Every case opens its verification tasks first thing: by then the campaign's cases are known.
  await waitFor('the cases to open their tasks', async () => {
    const withTasks = await h.prisma.caseTask.findMany({ where: { campaignId }, distinct: ['enterpriseCode'], select: { enterpriseCode: true } });
    return withTasks.length === codes.length ? true : undefined;
  });
}, 120_000);

test('other enterprises of the province are on file, outside the campaign', async () => {
  const onFile = await h.prisma.enterprise.findMany({ where: { provinceName: province }, select: { code: true } });
  expect(onFile.filter((e) => !codes.includes(e.code)).length).toBeGreaterThan(0);
});

test('annex 3, annex 4, annex 2 and the national roll-up list exactly the campaign’s enterprises', async () => {
  const annex3 = await draft('annex3');
  expect(annex3.status).toBe(201);
  expect(rowCodes(JSON.parse((await download(annex3.body, 'json')).toString()) as never)).toEqual([...codes].sort());
  // Annex 4 lists the enterprises with problems, and under the table the open work: no outsiders in either.
  for (const kind of ['annex4', 'handlingPlans', 'summary']) {
    const { status, body } = await draft(kind);
    expect(status).toBe(201);
    expect(mentionedCodes((await download(body, 'json')).toString()).every((c) => codes.includes(c))).toBe(true);
  }
  const annex2 = await draft('annex2');
  const forms = JSON.parse((await download(annex2.body, 'json')).toString()) as { enterprises: { enterprise: { code: string } }[] };
  expect(forms.enterprises.map((e) => e.enterprise.code).sort()).toEqual([...codes].sort());
  const national = await draft('nationalSummary', h.tokens.miit, `/campaigns/${campaignId}/reports`);
  expect(national.status).toBe(201);
  const rollup = JSON.parse((await (await h.as(h.tokens.miit)(`/reports/${encodeURIComponent(national.body.id)}/json`)).text())) as { provinces: { province: string; figures: { enterprises: { all: { listed: number } } } }[] };
  expect(rollup.provinces.map((p) => [p.province, p.figures.enterprises.all.listed])).toEqual([[province, codes.length]]);
});

test('names that are formulas stay text: apostrophe-prefixed in the CSV, string cells in the workbook', async () => {
  const { body } = await draft('annex3');
  const csv = (await download(body, 'csv')).toString('utf8').replace(/^\uFEFF/, '');
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error('unreadable CSV');
  const cells = parsed.rows.flat();
  for (const name of names) {
    const cell = cells.find((c) => c.includes(name.slice(1)))!;
    expect(cell.startsWith(`'${name}`)).toBe(true);
  }
  // Nothing else a spreadsheet would evaluate; figures (序号 numbers) are left as they are.
  expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  expect(cells).toContain('1');

  const workbook = new Workbook();
  await workbook.xlsx.load(new Uint8Array(await download(body, 'xlsx')).buffer);
  const nameCells: { type: ValueType; value: unknown }[] = [];
  workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => void (names.some((n) => String(cell.value).includes(n)) && nameCells.push({ type: cell.type, value: cell.value }))));
  // The table's rows, and the open tasks listed under it.
  for (const name of names) expect(nameCells.some((c) => c.value === name)).toBe(true);
  for (const cell of nameCells) expect(cell.type).toBe(ValueType.String);
});

test('a report on a fast clock is dated on the campaign’s calendar, not the wall clock', async () => {
  const { body } = await draft('annex3');
  const model = JSON.parse((await download(body, 'json')).toString()) as { asOf: string; generatedAt: string };
  expect(model.generatedAt).toBe(body.generatedAt);
  // However long the test took, the campaign date is within the 2014 calendar (2014-10-10 → 2015-03-31, Beijing).
  expect(model.asOf >= '2014-10-09T16:00:00.000Z' && model.asOf < '2015-03-31T16:00:00.000Z').toBe(true);
  const beijing = new Date(Date.parse(model.asOf) + 8 * 3_600_000);
  const csv = (await download(body, 'csv')).toString('utf8');
  expect(csv).toContain(`数据截至：${beijing.getUTCFullYear()}年${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日`);
  expect(csv).not.toContain(`数据截至：${new Date().getUTCFullYear()}年`);
  // Open tasks are due on campaign days too.
  expect(csv).toMatch(/现场核查（[^）]+）,,201[45]年\d+月\d+日/);
});

test('the PDF: A4 landscape, the form’s title and headings, a row, and the province and page number on every page', async () => {
  const { body } = await draft('annex3');
  expect(body.files.pdf).toBeDefined();
  const res = await h.as(coordinator())(`/reports/${encodeURIComponent(body.id)}/pdf`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  expect(res.headers.get('content-disposition')).toContain(encodeURIComponent(`${campaignId}-annex3-${province}-draft`));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'report-pdf-'));
  try {
    const file = path.join(dir, 'annex3.pdf');
    await writeFile(file, Buffer.from(await res.arrayBuffer()));
    const { stdout: info } = await run('pdfinfo', [file]);
    expect(info).toMatch(/Page size:\s+841.\d+ x 595.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const { stdout: text } = await run('pdftotext', ['-layout', file, '-']);
    expect(text).toContain('江西省企业情况核查汇总表');
    expect(text).toContain('是否购买非法矿产品');
    expect(text).toContain(names[0]);
    const pageTexts = text.split('\f').filter((p) => p.trim() !== '');
    expect(pageTexts).toHaveLength(pages);
    pageTexts.forEach((page, i) => {
      expect(page).toContain(province);
      expect(page).toContain(`第 ${i + 1} 页，共 ${pages} 页`);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

describe('report files stay in the report store', () => {
  test('a province that climbs out of the store is no province: refused, nothing written', async () => {
    const before = await readdir(path.dirname(h.reportsDir));
    // Not a division's name, so the path itself is malformed (400); a division without a campaign
    // there is a 404.
    const res = await draft('annex3', h.tokens.miit, `/campaigns/demo-2014/provinces/${encodeURIComponent('../../../x')}/reports`);
    expect(res.status).toBe(400);
    const res2 = await draft('annex3', h.tokens.miit, `/campaigns/${campaignId}/provinces/${encodeURIComponent('../../../x')}/reports`);
    expect(res2.status).toBe(400);
    const res3 = await draft('annex3', h.tokens.miit, `/campaigns/${campaignId}/provinces/${encodeURIComponent('西藏自治区')}/reports`);
    expect(res3.status).toBe(404);
    expect(await readdir(path.dirname(h.reportsDir))).toEqual(before);
  });

  test('whatever the province is called (../, CR/LF), every kind is written inside the store under its own name', async () => {
    const hostile = '../../x\r\nevil';
    const made: StoredReport[] = [];
    for (const kind of ['annex3', 'annex4', 'handlingPlans'] as const) {
      made.push(await generateReport({ prisma: h.prisma, reportsDir: h.reportsDir }, { campaignId, province: hostile, kind, boundary: 'selfInspection', supervised: [], by: 'test', now: new Date() }));
    }
    const files = made.flatMap((r) => Object.values(r.files).map((f) => f!.file));
    expect(new Set(files).size).toBe(files.length);
    for (const file of files) {
      expect(file).not.toMatch(/\.\.|[\r\n]/);
      await readFile(reportFilePath(h.reportsDir, file));
    }
    expect(() => reportFilePath(h.reportsDir, '../outside.xlsx')).toThrow(/outside the report store/);
  });
});
