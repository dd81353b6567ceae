import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { projectRoot } from '../../platform/projectRoot';
import { launchChromium } from '../../platform/chromium';
import { freshDatabase } from '../support/freshDatabase';
import { startHarness, type Harness } from '../support/harness';

const run = promisify(execFile);

/** Kept after the run for a person to look at (ignored by git). */
const ARTEFACTS = path.join(projectRoot(), 'test-artefacts');

/**
 * An empty installation (no demo directory at all): `npm run directory -- create-admin` makes the
 * first administrator and prints a one-time link; a real browser opens it, sets the password on
 * the page, and the administrator signs in. The built script runs, as `npm run directory` does.
 */
let db: Awaited<ReturnType<typeof freshDatabase>>;
let h: Harness;
let browser: Browser;

const createAdmin = (...args: string[]) =>
  run(process.execPath, [path.join(projectRoot(), 'dist', 'scripts', 'directory.js'), 'create-admin', ...args], {
    env: { ...process.env, DATABASE_URL: db.url, PUBLIC_URL: h.baseUrl, LOG_LEVEL: 'silent' },
  }).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
const linkIn = (stdout: string) => /(http:\/\/\S+\/auth\/password\?token=[A-Za-z0-9_-]+)/.exec(stdout)?.[1];

beforeAll(async () => {
  db = await freshDatabase();
  h = await startHarness('first-admin', { databaseUrl: db.url, inProcessWorker: false, seedDemoDirectory: false });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await h.stop();
  await db.drop();
});

test('the first administrator sets a password through the printed link, in a browser, and signs in', async () => {
  expect(await h.prisma.staffUser.count()).toBe(0);
  const created = await createAdmin('--email', 'Admin@MIIT.example', '--name', '李管理');
  expect(created).toMatchObject({ code: 0 });
  expect(created.stdout).toContain('created: 李管理 <admin@miit.example>, administrator at MIIT (national administrator)');
  const link = linkIn(created.stdout)!;
  expect(await h.prisma.staffUser.findFirstOrThrow({ include: { agency: true } })).toMatchObject({ role: 'administrator', email: 'admin@miit.example', agency: { kind: 'miit', provinceName: null } });

  const page = await browser.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') violations.push(m.text());
  });
  await page.goto(link);
  await page.fill('input[name=password]', 'first administrator password');
  await page.fill('input[name=passwordAgain]', 'first administrator password');
  fs.mkdirSync(ARTEFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTEFACTS, 'password-page.png') });
  await page.click('button[type=submit]');
  await page.waitForSelector('text=密码已设置');
  await page.screenshot({ path: path.join(ARTEFACTS, 'password-set.png') });
  // The stylesheet loaded under the page's strict Content-Security-Policy, and nothing was blocked.
  expect(violations).toEqual([]);
  expect(await page.evaluate('getComputedStyle(document.body).maxWidth')).toBe('448px');
  await page.close();

  const signedIn = await fetch(`${h.baseUrl}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@miit.example', password: 'first administrator password' }) });
  expect({ status: signedIn.status, body: await signedIn.json() }).toMatchObject({ status: 200, body: { role: 'administrator', province: null } });

  // The link worked once.
  const again = await fetch(link);
  expect(again.status).toBe(200);
  const reuse = await fetch(`${h.baseUrl}/auth/password`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: new URL(link).searchParams.get('token')!, password: 'another long password' }).toString() });
  expect(reuse.status).toBe(422);
  expect(await reuse.text()).toContain('链接无效、已使用或已过期');
});

test('a provincial administrator sits at the province’s industry department; a second run prints a new link', async () => {
  const first = await createAdmin('--email', 'admin@jx.example', '--province', '江西省');
  expect(first.stdout).toContain('administrator at 江西省 (provincial administrator)');
  const again = await createAdmin('--email', 'admin@jx.example', '--province', '江西省');
  expect(again.stdout).toContain('already there');
  expect(linkIn(again.stdout)).not.toBe(linkIn(first.stdout));
  expect(await h.prisma.staffUser.findFirstOrThrow({ where: { email: 'admin@jx.example' }, include: { agency: true } })).toMatchObject({ agency: { kind: 'industry', provinceName: '江西省' } });
});

test('bad arguments and someone else’s email change nothing', async () => {
  expect(await createAdmin('--province', '江西省')).toMatchObject({ code: 2, stderr: expect.stringContaining('--email: required') });
  expect(await createAdmin('--email', 'x@y.example', '--province', '江西')).toMatchObject({ code: 2, stderr: expect.stringContaining('not the full name') });
  await h.prisma.staffUser.create({ data: { id: 'someone', name: 'someone', email: 'someone@jx.example', role: 'staff', agencyId: '36-industry', updatedBy: 'test' } });
  expect(await createAdmin('--email', 'someone@jx.example')).toMatchObject({ code: 1, stderr: expect.stringContaining('nothing was changed') });
  expect(await h.prisma.staffUser.findUniqueOrThrow({ where: { id: 'someone' } })).toMatchObject({ role: 'staff' });
});
