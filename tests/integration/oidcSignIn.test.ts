import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { spawnManaged, type ManagedProcess } from '../../platform/childProcess';
import { freePort } from '../../platform/freePort';
import { createLogger } from '../../platform/logger';
import { projectRoot } from '../../platform/projectRoot';
import type { OidcSettings } from '../../api/oidc';
import { launchChromium } from '../../platform/chromium';
import { freshDatabase } from '../support/freshDatabase';
import { startHarness, type Harness } from '../support/harness';

/** Kept after the run for a person to look at (ignored by git). */
const ARTEFACTS = path.join(projectRoot(), 'test-artefacts');

/**
 * OpenID Connect sign-in in Chromium against a real provider (oidc-provider, run by
 * tests/support/oidcProvider.mjs): its login and consent pages, back to the callback, the session
 * cookie, /auth/me. A member of staff the directory knows signs in; someone it does not know, and
 * someone it has disabled, are refused with a page. Its own database: it disables a person.
 */
const known = { login: 'wang', staffId: '36-tax-staff', email: '36-tax-staff@campaign.example' };
const unknown = { login: 'stranger', email: 'stranger@elsewhere.example' };
const disabled = { login: 'former', staffId: '36-commerce-staff', email: '36-commerce-staff@campaign.example' };

let db: Awaited<ReturnType<typeof freshDatabase>>;
let h: Harness;
let provider: ManagedProcess;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTEFACTS, { recursive: true });
  db = await freshDatabase();
  const port = await freePort();
  // The harness picks its own port: the callback address is known only once it listens, before any sign-in starts.
  const oidc: OidcSettings = { issuerUrl: `http://127.0.0.1:${port}`, clientId: 'campaign', clientSecret: 'a client secret of the test provider', redirectUrl: '' };
  h = await startHarness('oidc', {
    databaseUrl: db.url,
    app: {
      signIn: { publicUrl: 'http://127.0.0.1', session: { maxMs: 3_600_000, idleMs: 3_600_000 }, lockout: { accountLockAfter: 5, addressLockAfter: 100, lockMs: 60_000 }, passwordLinkMs: 3_600_000, oidc },
      rateLimits: { signIn: { limit: 1_000, windowMs: 60_000 }, imports: { limit: 10, windowMs: 60_000 } },
    },
  });
  oidc.redirectUrl = `${h.baseUrl}/auth/oidc/callback`;
  await h.prisma.staffUser.update({ where: { id: disabled.staffId }, data: { disabledAt: new Date() } });
  const accounts = Object.fromEntries([known, unknown, disabled].map((a) => [a.login, { email: a.email, email_verified: true, name: a.login }]));
  let listening: () => void;
  const ready = new Promise<void>((resolve) => (listening = resolve));
  provider = spawnManaged(process.execPath, [path.join(projectRoot(), 'tests', 'support', 'oidcProvider.mjs')], {
    env: { ...process.env, OIDC_PORT: String(port), OIDC_CLIENT_ID: oidc.clientId, OIDC_CLIENT_SECRET: oidc.clientSecret, OIDC_REDIRECT_URL: oidc.redirectUrl, OIDC_ACCOUNTS: JSON.stringify(accounts) },
    log: createLogger('oidc-provider', process.env.TEST_LOG_LEVEL ?? 'silent'),
    passthrough: (line) => line.startsWith('listening ') && listening(),
  });
  await Promise.race([ready, provider.exited.then((code) => Promise.reject(new Error(`the provider exited (${code}): ${provider.recentOutput().join('\n')}`)))]);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await provider?.stop();
  await h?.stop();
  await db?.drop();
});

/** In a browser of its own (the provider remembers who signed in): start, the provider's login, consent, back at the callback. */
async function signInAs(login: string, shot: string): Promise<{ page: Page; status: number | undefined }> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${h.baseUrl}/auth/oidc/start`);
  expect(new URL(page.url()).origin).not.toBe(h.baseUrl);
  await page.fill('input[name="login"]', login);
  await page.fill('input[name="password"]', 'any password: the development login takes any');
  await page.screenshot({ path: path.join(ARTEFACTS, 'oidc-provider-login.png') });
  const back = page.waitForResponse((res) => res.url().startsWith(`${h.baseUrl}/auth/oidc/callback`));
  await page.click('button[type="submit"]');
  // The provider asks for consent to share the email once per client and person.
  const consent = page.locator('button[type="submit"]');
  await Promise.race([back, consent.waitFor().then(() => consent.click())]);
  const status = (await back).status();
  await page.waitForLoadState();
  // Chromium on a loaded machine sometimes fails a capture right after a navigation: the picture
  // is for a person to look at, so it is taken again rather than failing the sign-in it shows.
  for (let attempt = 1; ; attempt++) {
    try {
      await page.screenshot({ path: path.join(ARTEFACTS, shot) });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.waitForTimeout(500);
    }
  }
  return { page, status };
}

test('a member of staff the directory knows signs in through the provider and has a session', async () => {
  const { page, status } = await signInAs(known.login, 'oidc-signed-in.png');
  expect(status).toBe(200);
  expect(await page.textContent('body')).toContain(known.email);
  const cookies = await page.context().cookies(h.baseUrl);
  expect(cookies.find((c) => c.name === 'campaign-session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  expect(cookies.find((c) => c.name === 'campaign-oidc')).toBeUndefined();
  const me = await page.request.get(`${h.baseUrl}/auth/me`);
  expect(me.status()).toBe(200);
  const body = (await me.json()) as { staffId: string; email: string; credential: { kind: string; id: string }; csrfToken: string };
  expect(body).toMatchObject({ staffId: known.staffId, email: known.email, credential: { kind: 'session' } });
  expect(body.csrfToken).toEqual(expect.any(String));
  expect(await h.prisma.session.findUniqueOrThrow({ where: { id: body.credential.id } })).toMatchObject({ staffId: known.staffId, method: 'oidc', revokedAt: null });
  const audit = await h.prisma.auditEvent.findFirstOrThrow({ where: { action: 'auth.signIn', objectId: known.staffId } });
  expect(audit.after).toMatchObject({ method: 'oidc', outcome: 'succeeded', session: body.credential.id });
  await page.context().close();
});

test.each([
  ['unknown to the directory', unknown, 'unknownAccount', unknown.email, 'oidc-refused-unknown.png'],
  ['disabled in the directory', disabled, 'disabled', disabled.staffId, 'oidc-refused-disabled.png'],
])('someone %s is refused with a page, and the attempt is audited', async (_what, person, outcome, objectId, shot) => {
  const { page, status } = await signInAs(person.login, shot);
  expect(status).toBe(403);
  const text = await page.textContent('body');
  expect(text).toContain('人员名录中没有该邮箱对应的在职人员');
  expect(text).toContain('the directory of this system has no active member of staff with it');
  expect(text).toContain(person.email);
  expect((await page.context().cookies(h.baseUrl)).map((c) => c.name)).not.toContain('campaign-session');
  expect((await page.request.get(`${h.baseUrl}/auth/me`)).status()).toBe(401);
  const audit = await h.prisma.auditEvent.findFirstOrThrow({ where: { action: 'auth.signIn', objectId } });
  expect(audit.after).toMatchObject({ method: 'oidc', outcome });
  await page.context().close();
});

test('a callback without the flow of its start is refused with a page', async () => {
  const res = await fetch(`${h.baseUrl}/auth/oidc/callback?code=forged&state=forged`);
  expect(res.status).toBe(400);
  expect(await res.text()).toContain('身份提供方的答复无效或已过期');
});
