import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import { Workbook } from 'exceljs';
import { provinces } from '../../demo/generator';
import { reportsDueAt } from '../../domain/catalogue';
import type { ReportKind } from '../../domain/reportKinds';
import { createLogger } from '../../platform/logger';
import type { StoredMail } from '../../platform/mailSink';
import { DEMO_CAMPAIGN_ID, runDemoCampaign } from '../../scripts/lib/demoCampaign';
import { seedDemoData } from '../../store/seedDemoData';
import type { StoredReport } from '../../store/reportStore';
import type { CampaignProgress } from '../../workflows/campaignMessages';
import { caseViewQuery } from '../../workflows/caseMessages';
import { MIIT_REPORT_EMAIL, useHarness } from '../support/harness';
import { recordHistory } from '../support/histories';
import { services } from '../support/services';

/**
 * The demo campaign (`npm start`'s, on a small data set and a fast clock, worked by the autopilot
 * with some tasks late) from start to end: every phase boundary must leave its reports in the
 * store, one email to MIIT with them attached, and downloads for the right people only.
 */
const boundaries = Object.keys(reportsDueAt) as (keyof typeof reportsDueAt)[];
const campaignProvinces: string[] = [];
const draftsBeforeTheEnd: StoredReport[] = [];

const json = async <T>(res: Response) => ({ status: res.status, body: (await res.json()) as T });
const reportsOf = async (token: string, query = '') =>
  json<{ items: StoredReport[]; total: number }>(await h.as(token)(`/reports?campaign=${DEMO_CAMPAIGN_ID}&pageSize=500${query}`));
const coordinatorOf = (province: string) => h.tokens[`${provinces.find((p) => p.name === province)!.code}-industry-provincialCoordinator`];
const mailsTo = async (province: string) =>
  ((await (await fetch(`${services().mailboxUrl}/messages?to=${encodeURIComponent(MIIT_REPORT_EMAIL)}`)).json()) as StoredMail[]).filter((m) =>
    m.text.includes(`/reports/${encodeURIComponent(`${DEMO_CAMPAIGN_ID}/${province}/`)}`),
  );

const h = useHarness('phase-reports');
beforeAll(async () => {
  await seedDemoData(h.prisma, 60);
  const autopilot = await runDemoCampaign({ apiUrl: h.baseUrl, alreadyStarted: false, daysPerSecond: 6, autopilot: true, latePercent: 15, log: createLogger('test-demo', 'silent') });
  try {
    // The demo campaign runs in every demo province, including any that has no enterprise on file.
    campaignProvinces.push(...provinces.map((p) => p.name));
    // A coordinator's draft, made while self-inspection is still running.
    const first = campaignProvinces[0];
    const draft = await h.as(coordinatorOf(first))(`/campaigns/${DEMO_CAMPAIGN_ID}/provinces/${encodeURIComponent(first)}/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'annex3' }),
    });
    expect(draft.status).toBe(201);
    draftsBeforeTheEnd.push((await draft.json()) as StoredReport);
    for (const province of campaignProvinces) {
      await h.client.workflow.getHandle(`campaign/${DEMO_CAMPAIGN_ID}/${province}`).result();
    }
  } finally {
    await autopilot?.stop();
  }
}, 360_000);

test('each boundary left its reports in the store, generated once and not as drafts', async () => {
  const { body } = await reportsOf(h.tokens.miit, '&draft=false');
  const expected = campaignProvinces.flatMap((province) => boundaries.flatMap((boundary) => reportsDueAt[boundary].map((kind) => `${province}/${boundary}/${kind}`)));
  // The last province to close sent the national roll-up.
  expected.push('null/acceptance/nationalSummary');
  expect(body.items.map((r) => `${r.province}/${r.boundary}/${r.kind}`).sort()).toEqual(expected.sort());
  for (const report of body.items) {
    // Every report in every format, the PDF included (LibreOffice is there in the tests).
    expect(Object.keys(report.files).sort()).toEqual(['csv', 'html', 'json', 'pdf', 'xlsx']);
    for (const file of Object.values(report.files)) {
      const content = await readFile(path.join(h.reportsDir, file!.file));
      expect(createHash('sha256').update(content).digest('hex')).toBe(file!.sha256);
    }
  }
  // No two reports (of one province and boundary, or any) share a file.
  const files = body.items.flatMap((r) => Object.values(r.files).map((f) => f!.file));
  expect(new Set(files).size).toBe(files.length);
});

test('each boundary emailed MIIT once per province, with the XLSX and PDF files that are in the store attached', async () => {
  const { body } = await reportsOf(h.tokens.miit, '&draft=false');
  for (const province of campaignProvinces) {
    const mails = await mailsTo(province);
    expect(mails).toHaveLength(boundaries.length);
    for (const boundary of boundaries) {
      const stored = body.items.filter((r) => r.province === province && r.boundary === boundary);
      const mail = mails.find((m) => stored.every((r) => m.text.includes(r.title)));
      expect(mail).toBeDefined();
      expect(mail!.attachments!.map((a) => a.sha256).sort()).toEqual(stored.flatMap((r) => [r.files.xlsx.sha256, r.files.pdf!.sha256]).sort());
      expect(mail!.attachments!.map((a) => a.filename).sort()).toEqual(stored.flatMap((r) => [`${DEMO_CAMPAIGN_ID}-${r.kind}-${province}.xlsx`, `${DEMO_CAMPAIGN_ID}-${r.kind}-${province}.pdf`]).sort());
    }
  }
});

test('the campaign and every case record the submissions in their timelines', async () => {
  const province = campaignProvinces[0];
  const progress = (await h.client.workflow.getHandle(`campaign/${DEMO_CAMPAIGN_ID}/${province}`).result()) as CampaignProgress;
  expect(progress.events.filter((e) => e.kind === 'reportsSubmitted')).toHaveLength(boundaries.length);
  const caseId = progress.cases[0];
  const view = await h.client.workflow.getHandle(caseId).query(caseViewQuery);
  recordHistory('campaign-phaseReports', `campaign/${DEMO_CAMPAIGN_ID}/${province}`);
  // The case hears of a submission with the next phase: the last one, after acceptance, too.
  expect(view.timeline.filter((e) => e.kind === 'reportsSubmitted')).toHaveLength(boundaries.length);
});

test('annex 3 opens as a workbook titled with the province, for its coordinator and MIIT only', async () => {
  const [mine, other] = campaignProvinces;
  const { body } = await reportsOf(coordinatorOf(mine));
  expect(new Set(body.items.map((r) => r.province))).toEqual(new Set([mine]));
  const annex3 = body.items.find((r) => r.kind === 'annex3' && !r.draft)!;
  const download = `/reports/${encodeURIComponent(annex3.id)}/xlsx`;

  const res = await h.as(coordinatorOf(mine))(download);
  expect(res.status).toBe(200);
  const workbook = new Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  const cells = workbook.worksheets[0].getSheetValues().flat().map(String);
  expect(cells.some((c) => c.startsWith(mine) && c.includes('企业情况核查汇总表'))).toBe(true);

  expect((await h.as(h.tokens.miit)(download)).status).toBe(200);

  // Its PDF reads as the same form: title, headings and the seed's enterprises, province on every page.
  const pdf = await h.as(coordinatorOf(mine))(`/reports/${encodeURIComponent(annex3.id)}/pdf`);
  expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
  const file = path.join(h.reportsDir, 'downloaded-annex3.pdf');
  await writeFile(file, Buffer.from(await pdf.arrayBuffer()));
  const text = (await promisify(execFile)('pdftotext', ['-layout', file, '-'])).stdout;
  expect(text).toContain(`${mine}企业情况核查汇总表`);
  expect(text).toContain('是否存在非法、超指标');
  const seeded = await h.prisma.enterprise.findFirst({ where: { provinceName: mine }, orderBy: { code: 'asc' } });
  // pdftotext may break a long name across lines: its first characters stand on one.
  if (seeded) expect(text).toContain(seeded.name.slice(0, 8));
  for (const page of text.split('\f').filter((p) => p.trim() !== '')) expect(page).toContain(mine);

  const foreign = await h.as(coordinatorOf(other))(download);
  const missing = await h.as(coordinatorOf(other))(`/reports/${encodeURIComponent(`${annex3.id}-none`)}/xlsx`);
  expect([foreign.status, await foreign.json()]).toEqual([missing.status, await missing.json()]);
  expect(foreign.status).toBe(404);
  const staff = h.tokens[`${provinces.find((p) => p.name === mine)!.code}-tax-staff`];
  expect((await h.as(staff)('/reports')).status).toBe(403);
});

test("a coordinator's draft is kept beside the boundary reports and says it is a draft", async () => {
  const [draft] = draftsBeforeTheEnd;
  expect(draft).toMatchObject({ kind: 'annex3' satisfies ReportKind, draft: true, boundary: null });
  expect(draft.title).toContain('草稿');
  const { body } = await reportsOf(h.tokens.miit, '&draft=true');
  expect(body.items.map((r) => r.id)).toContain(draft.id);
});
