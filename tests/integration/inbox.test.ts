import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { flattenDossiers } from '../../domain/campaign';
import { violations } from '../../domain/catalogue';
import { evidenceWords } from '../../domain/labels/evidence';
import { evidenceIn } from '../../domain/rules/evidence';
import { generateCampaign } from '../../demo/generator';
import { hashPassword } from '../../platform/passwordHash';
import { projectRoot } from '../../platform/projectRoot';
import { saveCampaignRecords } from '../../store/saveCampaignRecords';
import { launchChromium } from '../../platform/chromium';
import { useHarness } from '../support/harness';
import { waitFor } from '../support/waitFor';

/**
 * The web inbox in Chromium against the real stack (npm run build puts it in dist/web): 江西's tax
 * officer signs in with a password, sees only the tax department's tasks of 江西, opens one,
 * completes its verification with a finding whose amount is typed in 元, and sees it leave the list.
 */
const ARTEFACTS = path.join(projectRoot(), 'test-artefacts', 'inbox');
const PROVINCE = '江西省';
const officer = { staffId: '36-tax-staff', email: '36-tax-staff@campaign.example', password: 'a long enough password for the test' };

const h = useHarness('inbox');
let browser: Browser;
let taxTasks: string[];

beforeAll(async () => {
  mkdirSync(ARTEFACTS, { recursive: true });
  // Generated data is seeded: the first seed whose enterprises include two of 江西's.
  let seed = 1;
  let generated = generateCampaign({ seed, enterprises: 12 });
  while (generated.dataset.dossiers.filter((d) => d.enterprise.province === PROVINCE).length < 2) generated = generateCampaign({ seed: ++seed, enterprises: 12 });
  await saveCampaignRecords(h.prisma, flattenDossiers(generated.dataset.dossiers), { source: 'test', actor: 'test' });
  const enterprises = generated.dataset.dossiers.filter((d) => [PROVINCE, '广东省'].includes(d.enterprise.province)).map((d) => d.enterprise);
  const created = await h.as(h.tokens.miit)('/campaigns', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'inbox', name: 'inbox (test)', provinces: [...new Set(enterprises.map((e) => e.province))], enterprises: enterprises.map((e) => e.code) }),
  });
  expect(created.status).toBe(201);
  const jiangxi = enterprises.filter((e) => e.province === PROVINCE).length;
  taxTasks = await waitFor('the tax tasks of 江西', async () => {
    const rows = await h.prisma.caseTask.findMany({ where: { provinceName: PROVINCE, agencyKind: 'tax', status: 'open' }, select: { key: true } });
    return rows.length === jiangxi ? rows.map((r) => r.key).sort() : undefined;
  });
  await h.prisma.localPassword.create({ data: { staffId: officer.staffId, hash: await hashPassword(officer.password), setAt: new Date() } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** No serious or critical WCAG 2.1 AA violation on the page as it stands. */
async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([]);
}

const taskLinks = async (page: Page) =>
  (await page.locator('a[href^="/ui/tasks/"]').evaluateAll((links) => links.map((a) => decodeURIComponent(a.getAttribute('href')!.slice('/ui/tasks/'.length))))).sort();

test('江西 tax staff sign in, see their agency’s tasks only, complete a verification with a finding, and see it leave the list', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const refusedByCsp: string[] = [];
  page.on('console', (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && refusedByCsp.push(m.text()));

  await page.goto(`${h.baseUrl}/`);
  await page.waitForURL('**/ui/sign-in');
  await page.getByLabel('邮箱').fill(officer.email);
  await page.getByLabel('密码').fill(officer.password);
  await page.screenshot({ path: path.join(ARTEFACTS, 'sign-in.png') });
  await expectAccessible(page);
  await page.getByRole('button', { name: '登 录' }).or(page.getByRole('button', { name: '登录' })).click();

  await page.waitForURL('**/ui/tasks');
  await page.getByRole('heading', { name: /我的待办/ }).waitFor();
  // The export trace may add tax measures while the page loads: the table must show exactly the
  // open tax tasks of 江西 that the database holds once it settles.
  const openTaxTasks = async () => (await h.prisma.caseTask.findMany({ where: { provinceName: PROVINCE, agencyKind: 'tax', status: 'open' }, select: { key: true } })).map((r) => r.key).sort();
  const shown = await waitFor('the task table', async () => {
    const [links, open] = await Promise.all([taskLinks(page), openTaxTasks()]);
    return JSON.stringify(links) === JSON.stringify(open) ? links : undefined;
  });
  expect(shown).toEqual(expect.arrayContaining(taxTasks));
  await waitFor('the count in the title', async () => ((await page.title()) === `(${shown.length}) 我的待办` ? true : undefined));
  await page.screenshot({ path: path.join(ARTEFACTS, 'my-tasks.png'), fullPage: true });
  await expectAccessible(page);

  const key = taxTasks[0];
  await page.locator(`a[href="/ui/tasks/${encodeURIComponent(key)}"]`).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  // The rule checks' evidence reads as sentences under the violation each shows, not as JSON.
  const { evidence } = await h.prisma.caseTask.findUniqueOrThrow({ where: { key }, select: { evidence: true } });
  const found = evidenceIn(evidence);
  const evidenceCard = page.locator('.ant-card').filter({ has: page.getByText('核查依据', { exact: true }) });
  if (found.length === 0) await evidenceCard.getByText('比对核查未发现问题').waitFor();
  for (const e of found) {
    await evidenceCard.getByRole('heading', { name: violations[e.code].label.zh, exact: true }).waitFor();
    await evidenceCard.getByText(evidenceWords(e).zh, { exact: true }).waitFor();
  }
  await page.getByRole('button', { name: '添加问题' }).click();
  // A browser-side refusal beside its field: the domain's own parser of 元.
  await page.getByLabel('违法所得（元）').fill('12.345');
  await page.getByRole('button', { name: /提\s*交/ }).click();
  const fieldError = page.locator('.ant-form-item-has-error').filter({ has: page.getByLabel('违法所得（元）') });
  await fieldError.locator('.ant-form-item-explain').waitFor();
  await page.screenshot({ path: path.join(ARTEFACTS, 'task-field-error.png'), fullPage: true });
  await expectAccessible(page);

  await page.getByLabel('违法所得（元）').fill('1234.56');
  await page.getByLabel('数量（吨，折REO）').fill('2.5');
  await page.getByRole('button', { name: /提\s*交/ }).click();
  await page.waitForURL('**/ui/tasks');
  await waitFor('the task gone from the list', async () => (!(await taskLinks(page)).includes(key) ? true : undefined));
  await page.screenshot({ path: path.join(ARTEFACTS, 'my-tasks-after.png'), fullPage: true });

  const task = await h.prisma.caseTask.findUniqueOrThrow({ where: { key } });
  expect(task).toMatchObject({ status: 'completed', completedBy: officer.email });
  expect(task.completion).toMatchObject({ findings: [{ amounts: { illegalGainsFen: 123456, tonnesKg: 2500 } }], suspectedCrime: false });
  // Scripts and antd's own styles all pass the policy. Known and left: two measuring <style>
  // elements that @rc-component/util injects without the nonce (the table's scrollbar width) are
  // refused, which costs nothing visible.
  expect(refusedByCsp.filter((m) => !m.startsWith('Applying inline style'))).toEqual([]);
  expect(refusedByCsp.length).toBeLessThanOrEqual(2);
  await context.close();
});
