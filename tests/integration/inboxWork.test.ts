import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { caseWorkflowId } from '../../domain/caseIds';
import type { PhaseEnds } from '../../domain/campaignClock';
import { generateCampaign, provinces } from '../../demo/generator';
import { hashPassword } from '../../platform/passwordHash';
import { projectRoot } from '../../platform/projectRoot';
import { launchChromium } from '../../platform/chromium';
import { cleanTrader } from '../support/enterprises';
import { tasksOf, useHarness, type TaskRow } from '../support/harness';
import { calendarFromToday, enterPhase } from '../support/phases';
import { waitFor } from '../support/waitFor';

/**
 * A case's whole staff side in Chromium against the real stack (npm run build first): a clean
 * trader's tax check is claimed, released, assigned by the tax head and seen arriving by the
 * officer without a reload; the officer completes it by keyboard alone with an unpaid-VAT finding;
 * the industry department's handling plan proposes the catalogue's measure; the tax disposition is
 * refused by the server without its required amount (the message beside the field), fixed and
 * completed; the acceptance refuses it with a reason and a new date. The test moves the case from
 * phase to phase itself (tests/support/phases.ts), so no deadline passes while it runs.
 */
const ARTEFACTS = path.join(projectRoot(), 'test-artefacts', 'inbox-work');
const generated = generateCampaign({ seed: 58, enterprises: 120 });
const [trader] = generated.dataset.dossiers.filter(cleanTrader(generated));
const province = provinces.find((p) => p.name === trader.enterprise.province)!;
const campaignId = 'inbox-work';
const caseId = caseWorkflowId(campaignId, province.name, trader.enterprise.code);
const PASSWORD = 'a long enough password for the test';
const person = (agency: string, role: string) => {
  const id = `${province.code}-${agency}-${role}`;
  return { staffId: id, email: `${id}@campaign.example` };
};
const officer = person('tax', 'staff');
const head = person('tax', 'agencyHead');
const industry = person('industry', 'staff');

let browser: Browser;
// Before the harness's own: an open page's event stream would keep the API server from closing.
afterAll(async () => {
  await browser?.close();
});
const h = useHarness('inbox-work', { dossiers: generated.dataset.dossiers });
let phaseEnds: PhaseEnds;
const json = { 'content-type': 'application/json' };
const openTask = (what: string, pred: (t: TaskRow) => boolean) => waitFor(what, async () => (await tasksOf(h, h.tokens.miit, { status: 'open', caseId })).find(pred));

beforeAll(async () => {
  mkdirSync(ARTEFACTS, { recursive: true });
  const created = await h.as(h.tokens.miit)('/campaigns', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ id: campaignId, name: 'inbox work (test)', provinces: [province.name], calendar: calendarFromToday(), enterprises: [trader.enterprise.code] }),
  });
  expect(created.status).toBe(201);
  phaseEnds = ((await created.json()) as { phaseEnds: PhaseEnds }).phaseEnds;
  const hash = await hashPassword(PASSWORD);
  for (const p of [officer, head, industry]) await h.prisma.localPassword.create({ data: { staffId: p.staffId, hash, setAt: new Date() } });
  browser = await launchChromium();
});

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([]);
}

async function signedIn(who: { email: string }, viewport = { width: 1280, height: 800 }): Promise<{ context: BrowserContext; page: Page; streams: string[] }> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport });
  const page = await context.newPage();
  // The event streams the page opens (GET /events): one per page of tasks shown.
  const streams: string[] = [];
  page.on('request', (r) => new URL(r.url()).pathname === '/events' && streams.push(r.url()));
  await page.goto(`${h.baseUrl}/ui/sign-in`);
  await page.getByLabel('邮箱').fill(who.email);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/ui/tasks');
  return { context, page, streams };
}

const linkTo = (page: Page, key: string) => page.locator(`a[href="/ui/tasks/${encodeURIComponent(key)}"]`);
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTEFACTS, `${name}.png`), fullPage: true });

/** Tabs (at most 80 times) until the focused element is `target`: the keyboard's own way there. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    // The tests are compiled without the DOM's types: the page's document is reached through globalThis.
    if (await target.evaluate((el) => el.contains((globalThis as unknown as { document: { activeElement: typeof el | null } }).document.activeElement))) return;
  }
  throw new Error(`could not reach ${String(target)} with Tab`);
}

/** Types a date into its picker, as officials do, and submits with Enter, which also takes the date. */
async function typeDateAndSubmit(page: Page, label: string, date: string, screenshot: string) {
  await page.getByLabel(label).click();
  await page.keyboard.type(date);
  await shot(page, screenshot);
  // With its calendar open: antd's panel has colours of its own.
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor();
  await expectAccessible(page);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/ui/tasks');
}

let taxCheck: TaskRow;

test('the officer claims and releases the tax check; the head assigns it, and the officer sees it arrive without a reload', async () => {
  taxCheck = await openTask('the tax check', (t) => t.agency === 'tax' && t.kind === 'verification');
  const staff = await signedIn(officer);
  await linkTo(staff.page, taxCheck.key).waitFor();
  expect(staff.streams).toEqual([expect.stringMatching(/\/events$/)]);
  // Staff have no colleague to choose: claim and release only.
  const row = staff.page.getByRole('row').filter({ has: linkTo(staff.page, taxCheck.key) });
  const claim = row.getByRole('button', { name: /领\s*取/ });
  const release = row.getByRole('button', { name: /退\s*回/ });
  await claim.click();
  await release.waitFor();
  expect((await h.prisma.caseTask.findUniqueOrThrow({ where: { key: taxCheck.key } })).assigneeId).toBe(officer.staffId);
  await shot(staff.page, 'claimed');
  await expectAccessible(staff.page);
  await release.click();
  await claim.waitFor();
  expect((await h.prisma.caseTask.findUniqueOrThrow({ where: { key: taxCheck.key } })).assigneeId).toBeNull();
  expect(await staff.page.getByLabel('指派给同事').count()).toBe(0);

  // Only what is mine: empty until the head hands the check over.
  await staff.page.getByRole('switch', { name: '分配给我的' }).click();
  await waitFor('an empty list', async () => ((await linkTo(staff.page, taxCheck.key).count()) === 0 ? true : undefined));

  const boss = await signedIn(head);
  await linkTo(boss.page, taxCheck.key).click();
  await boss.page.getByRole('heading', { level: 1 }).waitFor();
  await boss.page.getByLabel('指派给同事').click();
  await boss.page.locator('.ant-select-item-option').filter({ hasText: officer.email }).click();
  const assigned = boss.page.waitForResponse((r) => r.url().endsWith('/assign') && r.request().method() === 'POST');
  await boss.page.getByRole('button', { name: /指\s*派$/ }).click();
  expect((await assigned).status()).toBe(200);
  await boss.page.getByText(/承办人: .+/).filter({ hasNotText: '未分配' }).waitFor();
  await shot(boss.page, 'head-assigns');
  await expectAccessible(boss.page);
  // Without a reload; the page listens on GET /events (subscribed above) and polls every 10 s as
  // the fallback, so this bounds the arrival by the poll but does not tell the two apart.
  await linkTo(staff.page, taxCheck.key).waitFor({ timeout: 10_000 });
  await shot(staff.page, 'arrived');
  await boss.context.close();
  await staff.context.close();
});

test('the officer reports a counterpart in another province to MIIT from the tax check, once the form has refused its bad credit code', async () => {
  const counterpart = generated.dataset.dossiers.find((d) => d.enterprise.province !== province.name)!.enterprise;
  const { context, page } = await signedIn(officer);
  await linkTo(page, taxCheck.key).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('button', { name: '报告跨省线索' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('涉及企业名称').fill(counterpart.name);
  await dialog.getByLabel('涉及企业统一社会信用代码（如知道）').fill('9136');
  await dialog.getByLabel('线索内容').fill('该企业向本企业出售无证矿点开采的稀土矿 120 吨，未开具增值税专用发票');
  await dialog.getByRole('button', { name: /提\s*交/ }).click();
  await dialog.getByText('须为18位统一社会信用代码').waitFor();
  await shot(page, 'referral-refused');
  await expectAccessible(page);
  expect(await h.prisma.referral.count({ where: { campaignId } })).toBe(0);

  await dialog.getByLabel('涉及企业统一社会信用代码（如知道）').fill(counterpart.code);
  // Typed into the search, as a province far down a list of 31 is found.
  await dialog.getByLabel('涉及省份（如知道）').fill(counterpart.province.slice(0, 2));
  await page.keyboard.press('Enter');
  // A double click sends the same Idempotency-Key twice: one referral.
  await dialog.getByRole('button', { name: /提\s*交/ }).dblclick();
  await page.getByText('已报工业和信息化部').waitFor();
  const [referral] = await h.prisma.referral.findMany({ where: { campaignId } });
  expect(await h.prisma.referral.count({ where: { campaignId } })).toBe(1);
  expect(referral).toMatchObject({
    fromProvince: province.name,
    toProvince: counterpart.province,
    counterpartName: counterpart.name,
    counterpartCode: counterpart.code,
    source: 'agency',
    reportedBy: officer.email,
    state: 'reported',
    evidence: { caseId, taskKey: taxCheck.key },
  });
  await context.close();
});

test('the officer completes the tax check with a finding by keyboard alone', async () => {
  const { context, page } = await signedIn(officer);
  await linkTo(page, taxCheck.key).waitFor();
  await tabTo(page, linkTo(page, taxCheck.key));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await tabTo(page, page.getByRole('button', { name: '添加问题' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('违法违规类型'));
  await page.keyboard.type('未缴纳增值税');
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('偷逃税款（元）'));
  await page.keyboard.type('10000');
  await tabTo(page, page.getByRole('button', { name: /提\s*交/ }));
  await page.keyboard.press('Enter');
  await page.waitForURL('**/ui/tasks');
  const done = await h.prisma.caseTask.findUniqueOrThrow({ where: { key: taxCheck.key } });
  expect(done).toMatchObject({ status: 'completed', completedBy: officer.email, completion: { findings: [{ violation: 'unpaidVat', amounts: { unpaidTaxFen: 1_000_000 } }] } });
  await context.close();
});

test('the industry department plans the measure the catalogue proposes, the tax officer completes it after the server refuses a missing amount, and the acceptance refuses it', async () => {
  for (const t of await tasksOf(h, h.tokens.miit, { status: 'open', caseId })) {
    if (t.kind !== 'verification') continue;
    const res = await h.as(h.tokens[`${province.code}-${t.agency}-staff`])(`/tasks/${encodeURIComponent(t.key)}/complete`, { method: 'POST', headers: json, body: JSON.stringify({ completion: { findings: [] } }) });
    expect(res.status).toBe(200);
  }
  const plan = await openTask('the handling plan', (t) => t.kind === 'handlingPlan');
  const lead = await signedIn(industry);
  await linkTo(lead.page, plan.key).click();
  // Proposed from the finding by the catalogue: the tax department recovers the VAT.
  await lead.page.getByText('补缴增值税并缴纳滞纳金及罚款').first().waitFor();
  await lead.page.getByRole('button', { name: /提\s*交/ }).click();
  await lead.page.locator('.ant-form-item-explain').filter({ hasText: '请填写办理期限' }).waitFor();
  await expectAccessible(lead.page);
  await typeDateAndSubmit(lead.page, '完成期限', phaseEnds.rectification.slice(0, 10), 'handling-plan');
  expect((await h.prisma.caseTask.findUniqueOrThrow({ where: { key: plan.key } })).completion).toMatchObject({ annex2Verified: true, dispositions: [{ disposition: 'recoverVat', agencyKind: 'tax' }] });

  await enterPhase(h, phaseEnds, caseId, 'rectification');
  const measure = await openTask('the tax disposition', (t) => t.kind === 'disposition');
  const staff = await signedIn(officer);
  await linkTo(staff.page, measure.key).click();
  await staff.page.getByLabel('文书编号').fill('税追〔2014〕3号');
  await staff.page.getByLabel('补缴增值税（元）').fill('10000');
  await staff.page.getByLabel('滞纳金（元）').fill('200.5');
  await staff.page.getByLabel('罚款（元）').fill('5000');
  // The browser checks what the catalogue requires too: to see the server's own refusal, the
  // request loses its recovered VAT on the way, as a client that skipped the check would send it.
  await staff.page.route('**/complete', async (route) => {
    const body = route.request().postDataJSON() as { completion: { amounts: Record<string, number> } };
    delete body.completion.amounts.recoveredFen;
    await route.continue({ postData: JSON.stringify(body) });
  });
  await staff.page.getByRole('button', { name: /提\s*交/ }).click();
  const beside = staff.page.locator('.ant-form-item-has-error').filter({ has: staff.page.getByLabel('补缴增值税（元）') }).locator('.ant-form-item-explain');
  await beside.waitFor();
  expect(await beside.innerText()).toContain('补缴增值税并缴纳滞纳金及罚款：须写明补缴增值税');
  await shot(staff.page, 'disposition-server-refusal');
  await expectAccessible(staff.page);
  expect((await h.prisma.caseTask.findUniqueOrThrow({ where: { key: measure.key } })).status).toBe('open');

  await staff.page.unroute('**/complete');
  await staff.page.getByLabel('补缴增值税（元）').fill('10000.00');
  await staff.page.getByRole('button', { name: /提\s*交/ }).click();
  await staff.page.waitForURL('**/ui/tasks');
  await waitFor('the disposition gone from the list', async () => ((await linkTo(staff.page, measure.key).count()) === 0 ? true : undefined));
  expect((await h.prisma.caseTask.findUniqueOrThrow({ where: { key: measure.key } })).completion).toEqual({ documentNo: '税追〔2014〕3号', amounts: { recoveredFen: 1_000_000, lateFeeFen: 20_050, fineFen: 500_000 } });
  await staff.context.close();

  await enterPhase(h, phaseEnds, caseId, 'acceptance');
  const acceptance = await openTask('the acceptance', (t) => t.kind === 'acceptance');
  await lead.page.reload();
  await linkTo(lead.page, acceptance.key).click();
  await lead.page.getByRole('radio', { name: '不予通过' }).check();
  await lead.page.getByLabel('未完成原因').fill('滞纳金未足额缴纳');
  await expectAccessible(lead.page);
  await typeDateAndSubmit(lead.page, '新的完成期限', phaseEnds.acceptance.slice(0, 10), 'acceptance');
  expect((await h.prisma.caseTask.findUniqueOrThrow({ where: { key: acceptance.key } })).completion).toEqual({ accepted: false, reason: '滞纳金未足额缴纳', newCompletionDate: phaseEnds.acceptance.slice(0, 10) });
  await lead.context.close();
});

test('the reworked disposition’s page fits a 390-wide phone and prints without the controls', async () => {
  const rework = await openTask('the reworked disposition', (t) => t.kind === 'disposition');
  const { context, page } = await signedIn(officer, { width: 390, height: 844 });
  await linkTo(page, rework.key).click();
  await page.getByLabel('文书编号').waitFor();
  await shot(page, 'disposition-phone');
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  await expectAccessible(page);
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.shell-header').isVisible()).toBe(false);
  await shot(page, 'disposition-print');
  await context.close();
});
