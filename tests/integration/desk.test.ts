import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { calendar2014 } from '../../domain/campaignClock';
import { caseWorkflowId } from '../../domain/caseIds';
import { generateCampaign } from '../../demo/generator';
import { provinceNames } from '../../domain/provinces';
import { hashPassword } from '../../platform/passwordHash';
import { projectRoot } from '../../platform/projectRoot';
import { formatYuan } from '../../domain/campaign/quantity';
import type { SummaryFigures } from '../../reports/summary';
import type { enterpriseCaseWorkflow } from '../../workflows/enterpriseCase';
import { filledWorkbook, worksheetOf } from '../fixtures/intake/campaignFile';
import { launchChromium } from '../../platform/chromium';
import { cleanTrader, enterprisesOf, provincesWith } from '../support/enterprises';
import { useHarness } from '../support/harness';
import { waitFor } from '../support/waitFor';

/**
 * The coordinators' desk in Chromium against the real stack: a provincial coordinator filters the
 * overdue cases, opens one and cancels a task with a reason; MIIT supervises a case and sees it
 * flagged; an import with a bad cell shows the problem at its row and column; the progress page's
 * numbers are the summary report's; MIIT routes a cross-province referral and the receiving
 * coordinator accepts it and triages a tip.
 */
const ARTEFACTS = path.join(projectRoot(), 'test-artefacts', 'desk');
const generated = generateCampaign({ seed: 33, enterprises: 120 });
const [province] = provincesWith(generated, [cleanTrader], 3);
const [first, second, late] = enterprisesOf(generated, cleanTrader, province);
const campaignId = 'desk';
const password = 'a long enough password for the test';
const coordinator = { staffId: `${province.code}-industry-provincialCoordinator`, email: `${province.code}-industry-provincialCoordinator@campaign.example` };

const h = useHarness('desk', { dossiers: generated.dataset.dossiers });
let browser: Browser;
/** What the page's CSP refused, over every page of every test (api/webApp.ts keeps it strict). */
const refusedByCsp: string[] = [];
let miit: { staffId: string; email: string };
const lateCase = caseWorkflowId(campaignId, province.name, late.enterprise.code);
const firstCase = caseWorkflowId(campaignId, province.name, first.enterprise.code);

beforeAll(async () => {
  mkdirSync(ARTEFACTS, { recursive: true });
  const started = await h.as(h.tokens.miit)('/campaigns', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // A slow clock: no phase ends and no task falls due while the test runs.
    body: JSON.stringify({ id: campaignId, name: 'desk (test)', provinces: [province.name], daysPerSecond: 0.001, enterprises: [first, second].map((d) => d.enterprise.code) }),
  });
  expect(started.status).toBe(201);
  // The late case is started with its own timing: its tasks fall due in two seconds and nothing
  // escalates further for ten minutes, so "overdue" arrives once and stays.
  const farAhead = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const { code, name, types } = late.enterprise;
  await h.client.workflow.start<typeof enterpriseCaseWorkflow>('enterpriseCaseWorkflow', {
    workflowId: lateCase,
    taskQueue: h.taskQueue,
    args: [
      {
        campaignId,
        province: province.name,
        enterprise: { code, name, types },
        reviewWindow: calendar2014.reviewWindow,
        timing: { taskDueMs: 2_000, reminderBeforeMs: 1_000, graceAfterDueMs: 600_000 },
        phaseEnds: { selfInspection: farAhead, rectification: farAhead, acceptance: farAhead },
      },
    ],
  });
  await waitFor('the late case overdue in visibility', async () => {
    const res = await h.as(h.tokens[coordinator.staffId])(`/cases?campaignId=${campaignId}&overdue=true`);
    const items = ((await res.json()) as { items: { caseId: string }[] }).items;
    return items.length === 1 && items[0].caseId === lateCase ? true : undefined;
  });
  const miitRow = await h.prisma.staffUser.findFirstOrThrow({ where: { role: 'miitCoordinator' }, select: { id: true, email: true } });
  miit = { staffId: miitRow.id, email: miitRow.email };
  for (const who of [coordinator.staffId, miit.staffId]) await h.prisma.localPassword.create({ data: { staffId: who, hash: await hashPassword(password), setAt: new Date() } });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

afterEach(() => {
  // As in the inbox test: only the measuring <style> elements of @rc-component/util go without the nonce.
  expect(refusedByCsp.filter((m) => !m.startsWith('Applying inline style'))).toEqual([]);
});

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([]);
}

async function signIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && refusedByCsp.push(m.text()));
  await page.goto(`${h.baseUrl}/ui/sign-in`);
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登 录' }).or(page.getByRole('button', { name: '登录' })).click();
  await page.waitForURL('**/ui/tasks');
  return { context, page };
}

const caseLinks = async (page: Page) =>
  (await page.locator('a[href^="/ui/cases/"]').evaluateAll((links) => links.map((a) => decodeURIComponent(a.getAttribute('href')!.slice('/ui/cases/'.length))))).sort();

test('a coordinator filters the overdue cases, opens one and cancels a task with a reason', async () => {
  const { context, page } = await signIn(coordinator.email);
  await page.getByRole('navigation').getByRole('link', { name: '案件' }).click();
  await page.getByRole('heading', { name: /案件/ }).waitFor();
  await waitFor('all three cases', async () => ((await caseLinks(page)).length === 3 ? true : undefined));
  await page.getByLabel('有逾期任务').click();
  await waitFor('the overdue case alone', async () => (JSON.stringify(await caseLinks(page)) === JSON.stringify([lateCase]) ? true : undefined));
  await page.screenshot({ path: path.join(ARTEFACTS, 'cases-overdue.png'), fullPage: true });
  await expectAccessible(page);

  await page.locator(`a[href="/ui/cases/${encodeURIComponent(lateCase)}"]`).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(late.enterprise.name) }).waitFor();
  const open = await h.prisma.caseTask.findMany({ where: { caseId: lateCase, status: 'open' }, orderBy: { key: 'asc' } });
  expect(open.length).toBeGreaterThan(0);
  const target = open[0];
  const row = page.getByRole('row').filter({ hasText: target.title });
  await row.getByRole('cell', { name: '已逾期' }).or(row.getByText('已逾期')).first().waitFor();
  // The timeline tells the escalations in words, with whom they went to, never the workflow's codes.
  const timeline = page.locator('.ant-timeline');
  await timeline.getByText('到期提醒：').first().waitFor();
  const told = await timeline.innerText();
  expect(told).toContain('系统');
  expect(told).not.toMatch(/\b(reminder|agencyHead|disciplineInspection): |(^|\s)system(\s|$)/m);
  // English on request: the same case in English, antd's own words too, kept across a reload; then back.
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await timeline.getByText('Reminder: ').first().waitFor();
  await page.reload();
  await timeline.getByText('Reminder: ').first().waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  await row.getByText('Overdue').first().waitFor();
  expect(await page.getByRole('heading', { level: 2, name: 'Case timeline' }).count()).toBe(1);
  // The rule checks' line too; a task's own lines keep its title, bilingual as the task list shows it.
  const inEnglish = await timeline.innerText();
  expect(inEnglish).toMatch(/Rule checks found: |No findings|Not in the archive/);
  expect(inEnglish).not.toMatch(/到期提醒|系统|比对发现|无异常|档案中无此企业/);
  await page.screenshot({ path: path.join(ARTEFACTS, 'case-en.png'), fullPage: true });
  await expectAccessible(page);
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await timeline.getByText('到期提醒：').first().waitFor();
  await page.screenshot({ path: path.join(ARTEFACTS, 'case.png'), fullPage: true });
  await expectAccessible(page);

  await row.getByRole('button', { name: /撤销任务/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await dialog.getByText('请填写撤销原因').waitFor();
  await dialog.getByLabel('撤销原因').fill('任务重复下发');
  await page.screenshot({ path: path.join(ARTEFACTS, 'case-cancel.png'), fullPage: true });
  await expectAccessible(page);
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await row.getByText('已撤销').waitFor();
  expect(await h.prisma.caseTask.findUniqueOrThrow({ where: { key: target.key }, select: { status: true } })).toEqual({ status: 'cancelled' });
  // On a phone (390 wide) the case page still reads: the tables scroll, nothing overlaps.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(ARTEFACTS, 'case-phone.png'), fullPage: true });
  await expectAccessible(page);
  const audit = await h.prisma.auditEvent.findFirst({ where: { action: 'tasks.cancel', objectId: target.key } });
  expect(audit).toMatchObject({ actorStaffId: coordinator.staffId, outcome: 'done' });
  await context.close();
});

test('MIIT supervises a case and sees it flagged', async () => {
  const { context, page } = await signIn(miit.email);
  await page.goto(`${h.baseUrl}/ui/cases/${encodeURIComponent(firstCase)}`);
  await page.getByRole('heading', { level: 1, name: new RegExp(first.enterprise.name) }).waitFor();
  await page.getByRole('button', { name: '挂牌督办' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
  await page.getByRole('heading', { level: 1 }).getByText('已挂牌督办').waitFor();
  await page.screenshot({ path: path.join(ARTEFACTS, 'case-supervised.png'), fullPage: true });
  await expectAccessible(page);

  // The cases table shows it too, once the case's search attributes say so.
  await waitFor('the case supervised in visibility', async () => {
    const items = ((await (await h.as(h.tokens.miit)(`/cases?campaignId=${campaignId}&supervised=true`)).json()) as { items: { caseId: string }[] }).items;
    return items.some((c) => c.caseId === firstCase) ? true : undefined;
  });
  await page.getByRole('navigation').getByRole('link', { name: '案件' }).click();
  const row = page.getByRole('row').filter({ has: page.locator(`a[href="/ui/cases/${encodeURIComponent(firstCase)}"]`) });
  await row.getByText('已挂牌督办').waitFor();
  await page.screenshot({ path: path.join(ARTEFACTS, 'cases-miit.png'), fullPage: true });
  await expectAccessible(page);
  await context.close();
});

test('an import with a bad cell shows the problem at its row and column', async () => {
  const file = path.join(ARTEFACTS, 'bad-annex2.xlsx');
  const content = await filledWorkbook((w) => void (worksheetOf(w, 'ledger').getCell('F3').value = 'abc'));
  writeFileSync(file, content);
  // What the API says of the same file: the page must show each problem as it is, by sheet, row and column.
  const refused = await h.as(h.tokens[coordinator.staffId])('/imports?fileName=bad-annex2.xlsx&dryRun=true', { method: 'POST', body: content });
  expect(refused.status).toBe(422);
  const details = ((await refused.json()) as { details: { sheet?: string; row?: number; column?: string; reason: { zh: string } }[] }).details;
  expect(details).toContainEqual(expect.objectContaining({ row: 3, column: expect.any(String), reason: expect.objectContaining({ zh: expect.stringContaining('应为0至1000000吨') }) }));

  const { context, page } = await signIn(coordinator.email);
  await page.getByRole('navigation').getByRole('link', { name: '导入' }).click();
  await page.getByRole('heading', { name: '导入' }).waitFor();
  await page.locator('input[type=file]').first().setInputFiles(file);
  const problems = page.locator('.problems');
  await problems.waitFor();
  const rows = await problems.locator('tbody tr.ant-table-row').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  expect(rows).toEqual(details.map((d) => [d.sheet ?? '', d.row === undefined ? '' : String(d.row), d.column ?? '', d.reason.zh]));
  await page.screenshot({ path: path.join(ARTEFACTS, 'import-problems.png'), fullPage: true });
  await expectAccessible(page);
  await context.close();
});

test("the progress page's numbers are the summary report's", async () => {
  // The API first: GET /dashboard's figures equal a summary drafted at the same moment.
  const as = h.as(h.tokens[coordinator.staffId]);
  const drafted = (await (
    await as(`/campaigns/${campaignId}/provinces/${encodeURIComponent(province.name)}/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'summary' }) })
  ).json()) as { id: string };
  const summary = (await (await as(`/reports/${encodeURIComponent(drafted.id)}/json`)).json()) as { figures: SummaryFigures };
  const dashboard = (await (await as(`/dashboard?campaign=${campaignId}`)).json()) as { figures: SummaryFigures; casesByPhase: Record<string, number>; phases: { daysLeft: number }[] };
  expect(dashboard.figures).toEqual(summary.figures);
  expect(dashboard.casesByPhase).toMatchObject({ selfInspection: 3 });
  expect(dashboard.phases).toEqual([expect.objectContaining({ province: province.name, phase: 'selfInspection', daysLeft: expect.any(Number) })]);
  // Escalations by campaign week agree with the steps the cases' own tasks say they took: only the
  // late case escalated, in the campaign's first week (its clock runs at a thousandth of a day a second).
  const stepsTaken = async () => {
    const cases = await Promise.all([lateCase, firstCase].map(async (id) => (await (await as(`/cases/${encodeURIComponent(id)}`)).json()) as { tasks: { escalations: string[] }[] }));
    const steps: Record<string, number> = {};
    for (const step of cases.flatMap((c) => c.tasks.flatMap((t) => t.escalations))) steps[step] = (steps[step] ?? 0) + 1;
    return steps;
  };
  const escalated = await stepsTaken();
  expect(escalated).toMatchObject({ reminder: expect.any(Number), agencyHead: expect.any(Number) });
  const weeks = ((await (await as(`/dashboard?campaign=${campaignId}`)).json()) as { escalationsByWeek: unknown[] }).escalationsByWeek;
  expect(weeks).toEqual([{ weekFrom: calendar2014.selfInspection.from, steps: escalated }]);

  const { context, page } = await signIn(coordinator.email);
  await page.getByRole('navigation').getByRole('link', { name: '进度' }).click();
  const figures = page.locator('.figures');
  await figures.waitFor();
  await page.locator('.chart svg').first().waitFor();
  const shown = Object.fromEntries(
    await figures.locator('th').evaluateAll((ths) => ths.map((th) => [th.textContent ?? '', th.nextElementSibling?.textContent ?? ''])),
  ) as Record<string, string>;
  const f = summary.figures;
  const tasks = Object.values(f.tasksByAgency);
  expect(shown).toEqual({
    列入核查企业: String(f.enterprises.all.listed),
    已核查: String(f.enterprises.all.verified),
    存在问题: String(f.enterprises.all.withProblems),
    挂牌督办案件: String(f.enforcement.supervised),
    待办任务: String(tasks.reduce((n, t) => n + t.open, 0)),
    逾期任务: String(tasks.reduce((n, t) => n + t.overdue, 0)),
    '没收违法所得（元）': formatYuan(f.amounts.confiscatedFen),
    '罚款（元）': formatYuan(f.amounts.fineFen),
    '追缴税费（元）': formatYuan(f.amounts.recoveredFen),
  });
  const escalationChart = page.locator('.ant-card').filter({ hasText: '任务督促升级' });
  for (const legend of ['到期提醒', '逾期督办', '纪检问责']) await escalationChart.locator('svg').getByText(legend, { exact: true }).waitFor();
  await page.locator('.ant-card').filter({ hasText: '各类企业核查情况' }).locator('svg').waitFor();
  await page.screenshot({ path: path.join(ARTEFACTS, 'progress.png'), fullPage: true });
  await expectAccessible(page);

  await page.getByRole('navigation').getByRole('link', { name: '报表' }).click();
  await page.getByRole('heading', { name: '报表' }).waitFor();
  await page.getByRole('button', { name: /立即生成草稿/ }).click();
  await waitFor('two drafts listed', async () => ((await page.locator('a[href$="/xlsx"]').count()) >= 2 ? true : undefined));
  await page.screenshot({ path: path.join(ARTEFACTS, 'reports.png'), fullPage: true });
  await expectAccessible(page);
  await context.close();
});

test('MIIT routes a referral, the receiving coordinator accepts it into a case and triages a tip', async () => {
  const json = { 'content-type': 'application/json' };
  const facts = '从无证矿点购进稀土矿（测试）';
  const reporter = provinceNames.find((p) => p !== province.name)!;
  const reported = await h.as(h.tokens.miit)('/referrals', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ campaignId, fromProvince: reporter, toProvince: province.name, counterpart: { name: second.enterprise.name, code: second.enterprise.code }, facts }),
  });
  expect(reported.status).toBe(201);
  const { id } = (await reported.json()) as { id: string };

  const miitSession = await signIn(miit.email);
  try {
    const page = miitSession.page;
    await page.getByRole('navigation').getByRole('link', { name: '线索办理' }).click();
    await page.getByRole('heading', { level: 1, name: '线索办理' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: facts });
    await row.getByText('待转办').waitFor();
    await page.screenshot({ path: path.join(ARTEFACTS, 'referrals-miit.png'), fullPage: true, animations: 'disabled' });
    await expectAccessible(page);
    await row.getByRole('button', { name: /转\s*办/ }).click();
    const dialog = page.getByRole('dialog');
    // Closing needs its reason: the form refuses without one, beside the field, before any request.
    await dialog.getByLabel('不予转办').check();
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.locator('.ant-form-item-has-error').filter({ hasText: '理由' }).waitFor();
    await page.screenshot({ path: path.join(ARTEFACTS, 'referral-route.png'), fullPage: true, animations: 'disabled' });
    await expectAccessible(page);
    await dialog.getByLabel('转办至有关省（区、市）').check();
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await row.getByText('待接收').waitFor();
    expect(await h.prisma.referral.findUniqueOrThrow({ where: { id }, select: { state: true, toProvince: true, routedBy: true } })).toEqual({ state: 'routed', toProvince: province.name, routedBy: miit.email });
  } finally {
    await miitSession.context.close();
  }

  const tipText = '某企业夜间偷采稀土矿（测试）';

  const { context, page } = await signIn(coordinator.email);
  try {
    await page.getByRole('navigation').getByRole('link', { name: '线索办理' }).click();
    const row = page.getByRole('row').filter({ hasText: facts });
    await row.getByText('待接收').waitFor();
    await row.getByRole('button', { name: /接\s*收/ }).click();
    const dialog = page.getByRole('dialog');
    const code = dialog.getByLabel('企业统一社会信用代码');
    expect(await code.inputValue()).toBe(second.enterprise.code);
    // A mistyped code is refused beside the field by the domain's own schema.
    await code.fill('91360000ABC');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.locator('.ant-form-item-has-error').filter({ hasText: '企业统一社会信用代码' }).waitFor();
    await page.screenshot({ path: path.join(ARTEFACTS, 'referral-accept.png'), fullPage: true, animations: 'disabled' });
    await expectAccessible(page);
    await code.fill(second.enterprise.code);
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    // Decided, it leaves the list of what is still to be decided, and shows among all with its case.
    await row.waitFor({ state: 'detached' });
    await page.getByLabel('仅看待办').first().click();
    await row.getByText('已接收核查').waitFor();
    await row.getByRole('link', { name: '查看案件' }).waitFor();
    const accepted = await h.prisma.referral.findUniqueOrThrow({ where: { id } });
    expect(accepted).toMatchObject({ state: 'accepted', acceptedBy: coordinator.email, result: { action: 'verifyInCase', caseId: caseWorkflowId(campaignId, province.name, second.enterprise.code) } });
    const taskKey = (accepted.result as { taskKey?: string }).taskKey!;
    await waitFor('the verification task in the case', async () => ((await h.prisma.caseTask.findUnique({ where: { key: taskKey } }))?.agencyKind === 'industry' ? true : undefined));
    await page.screenshot({ path: path.join(ARTEFACTS, 'referrals-accepted.png'), fullPage: true, animations: 'disabled' });

    // The coordinator records a hotline call: what it must state is asked for beside each field.
    await page.getByRole('tab', { name: '举报线索' }).click();
    await page.getByRole('button', { name: '登记举报线索' }).click();
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    for (const label of ['线索来源（如举报电话、来信）', '举报内容', '收到时间']) await dialog.locator('.ant-form-item-has-error').filter({ hasText: label }).waitFor();
    await dialog.getByLabel('线索来源（如举报电话、来信）').fill('12336 举报电话');
    await dialog.getByLabel('举报内容').fill(tipText);
    // Checked before the date is typed: antd's open calendar greys the other months' days below AA contrast.
    await page.screenshot({ path: path.join(ARTEFACTS, 'tip-new.png'), fullPage: true, animations: 'disabled' });
    await expectAccessible(page);
    await dialog.getByLabel('收到时间').fill('2014-10-12 09:30');
    // Enter takes the typed time and, the form being complete, submits it: the keyboard alone records a tip.
    await dialog.getByLabel('收到时间').press('Enter');
    const tipRow = page.getByRole('row').filter({ hasText: tipText });
    await tipRow.waitFor();
    const recorded = await h.prisma.tip.findFirstOrThrow({ where: { text: tipText } });
    expect(recorded).toMatchObject({ source: '12336 举报电话', province: province.name, recordedBy: coordinator.email, enterpriseCode: null });
    const tipId = recorded.id;
    await tipRow.getByText('待分办').waitFor();
    await tipRow.getByRole('button', { name: /分\s*办/ }).click();
    await dialog.getByLabel('经核实不予处理').check();
    await dialog.getByLabel('理由').fill('经核实，该矿点已于2013年关闭');
    await page.screenshot({ path: path.join(ARTEFACTS, 'tip-triage.png'), fullPage: true, animations: 'disabled' });
    await expectAccessible(page);
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await tipRow.waitFor({ state: 'detached' });
    expect(await h.prisma.tip.findUniqueOrThrow({ where: { id: tipId } })).toMatchObject({ triagedBy: coordinator.email, outcome: { action: 'close', reason: '经核实，该矿点已于2013年关闭' } });
    // In English, all of them, with what became of each.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('tabpanel').getByLabel('To be decided only').click();
    await tipRow.getByText('Close with a reason').waitFor();
    await page.screenshot({ path: path.join(ARTEFACTS, 'tips-en.png'), fullPage: true, animations: 'disabled' });
    await expectAccessible(page);
    await page.getByRole('button', { name: '中文', exact: true }).click();
  } finally {
    await context.close();
  }
}, 120_000);

test('every page of the desk reads on a 390-wide phone: wide tables scroll in place, the page itself does not', async () => {
  const { context, page } = await signIn(coordinator.email);
  const pages = [
    ['tasks', '/ui/tasks', '我的待办'],
    ['cases', '/ui/cases', '案件'],
    ['progress', '/ui/progress', '进度'],
    ['reports', '/ui/reports', '报表'],
    ['imports', '/ui/imports', '导入'],
    ['coordination', '/ui/coordination', '线索办理'],
  ] as const;
  // Closed whatever happens: an open page keeps its event stream, and the API's shutdown, waiting.
  try {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [name, url, heading] of pages) {
      await page.goto(`${h.baseUrl}${url}`);
      await page.getByRole('heading', { level: 1, name: new RegExp(heading) }).waitFor();
      await page.waitForLoadState('networkidle');
      expect([name, await page.evaluate('document.documentElement.scrollWidth')]).toEqual([name, 390]);
      await page.screenshot({ path: path.join(ARTEFACTS, `${name}-phone.png`), fullPage: true });
      await expectAccessible(page);
    }
  } finally {
    await context.close();
  }
}, 120_000);
