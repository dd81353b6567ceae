import type { StoredMail } from '../../platform/mailSink';
import { freshDatabase } from '../support/freshDatabase';
import { startHarness, type Harness } from '../support/harness';
import { recordHistory } from '../support/histories';
import { services } from '../support/services';
import { waitFor } from '../support/waitFor';

/**
 * Local accounts against the real API, PostgreSQL, Temporal (the password link goes out through
 * the outbox workflow) and SMTP sink. The API's clock is the test's: the lockout's slowing, the
 * lock and its end, and a session's idle end are steps of that clock, never waits. Its own
 * database: it disables people and its sign-in attempts must not meet another file's.
 */
let db: Awaited<ReturnType<typeof freshDatabase>>;
let h: Harness;
const start = new Date('2026-03-02T01:00:00Z');
let clock = start;
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
const LOCK_MS = 15 * 60_000;
const PUBLIC_URL = 'http://campaign.test:8080';

const person = { staffId: '36-tax-staff', email: '36-tax-staff@campaign.example' };
const password = 'a long enough test password';
const json = { 'content-type': 'application/json' };
const send = (path: string, body: unknown, headers: Record<string, string> = {}) => fetch(`${h.baseUrl}${path}`, { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(body) });
const signIn = (email: string, pw: string) => send('/auth/sign-in', { email, password: pw });
const answer = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, unknown>, retryAfter: res.headers.get('retry-after') });

/** A signed-in browser: the cookie of a sign-in and its CSRF token. */
async function session(email = person.email, pw = password): Promise<{ cookie: string; csrf: string; id: string }> {
  const res = await signIn(email, pw);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { csrfToken: string; credential: { id: string } };
  const cookie = res.headers.getSetCookie()[0].split(';')[0];
  return { cookie, csrf: body.csrfToken, id: body.credential.id };
}
const withCookie = (s: { cookie: string }, path: string, init: RequestInit = {}) => fetch(`${h.baseUrl}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), cookie: s.cookie } });

beforeAll(async () => {
  db = await freshDatabase();
  h = await startHarness('sign-in', {
    databaseUrl: db.url,
    app: {
      now: () => clock,
      signIn: {
        publicUrl: PUBLIC_URL,
        session: { maxMs: 12 * 3_600_000, idleMs: 3_600_000 },
        lockout: { accountLockAfter: 4, addressLockAfter: 1_000, lockMs: LOCK_MS },
        passwordLinkMs: 86_400_000,
      },
      rateLimits: { signIn: { limit: 1_000, windowMs: 3_600_000 }, imports: { limit: 2, windowMs: 3_600_000 } },
      // As behind a reverse proxy on the same machine: its X-Forwarded-For names the client.
      trustProxy: ['loopback'],
    },
  });
});
afterAll(async () => {
  await h.stop();
  await db.drop();
});

test('a password is set through the one-time link that the outbox emails', async () => {
  expect(await answer(await send('/auth/password-links', { email: person.email.toUpperCase() }))).toMatchObject({ status: 202, body: { accepted: true } });
  // An address the directory does not know gets the same answer, and no email.
  expect(await answer(await send('/auth/password-links', { email: 'nobody@campaign.example' }))).toMatchObject({ status: 202, body: { accepted: true } });
  const mail = await waitFor('the password link email', async () => {
    const box = (await (await fetch(`${services().mailboxUrl}/messages?to=${encodeURIComponent(person.email)}`)).json()) as StoredMail[];
    return box.find((m) => m.text.includes(`${PUBLIC_URL}/auth/password?token=`));
  });
  expect(mail.subject).toContain('设置您的登录密码');
  const link = /(http:\/\/campaign\.test:8080\/auth\/password\?token=[A-Za-z0-9_-]+)/.exec(mail.text)![1];
  const token = new URL(link).searchParams.get('token')!;
  const emailKey = `account/${(await h.prisma.passwordLink.findFirstOrThrow({ where: { staffId: person.staffId } })).id}`;
  expect(await h.prisma.outboundEmail.findUniqueOrThrow({ where: { key: emailKey } })).toMatchObject({ status: 'sent' });
  // The outbox workflow's key is its workflow id; its finished history guards accountEmailWorkflow in replay.
  expect(await h.client.workflow.getHandle(emailKey).result()).toEqual({ messageId: expect.any(String) });
  recordHistory('accountEmail-passwordLink', emailKey);

  const page = await fetch(`${h.baseUrl}/auth/password?token=${token}`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<form method="post" action="/auth/password">');

  expect(await answer(await send('/auth/password', { token, password: 'too short' }))).toMatchObject({ status: 400 });
  expect(await answer(await send('/auth/password', { token, password }))).toMatchObject({ status: 200, body: { staffId: person.staffId, email: person.email } });
  expect((await h.prisma.localPassword.findUniqueOrThrow({ where: { staffId: person.staffId } })).hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  // Once only.
  expect(await answer(await send('/auth/password', { token, password: 'another long password' }))).toMatchObject({ status: 422, body: { error: '链接无效、已使用或已过期 / the link is unknown, used or expired' } });
});

test('password sign-in sets an httpOnly, SameSite=Lax session cookie that the API accepts', async () => {
  const res = await signIn(person.email, password);
  expect(res.status).toBe(200);
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ staffId: person.staffId, role: 'staff', credential: { kind: 'session' }, csrfToken: expect.any(String) });
  const [cookie] = res.headers.getSetCookie();
  expect(cookie).toMatch(/^campaign-session=[A-Za-z0-9_-]{40,};/);
  expect(cookie).toMatch(/; HttpOnly/);
  expect(cookie).toMatch(/; SameSite=Lax/);
  // The public URL is http: a Secure cookie would never come back.
  expect(cookie).not.toMatch(/; Secure/);
  const s = { cookie: cookie.split(';')[0] };
  const tasks = await withCookie(s, '/tasks');
  expect(tasks.status).toBe(200);
  expect(tasks.headers.get('cache-control')).toBe('private, no-store');
  expect(await answer(await withCookie(s, '/auth/me'))).toMatchObject({ status: 200, body: { staffId: person.staffId, csrfToken: body.csrfToken, credential: { kind: 'session', id: body.credential && (body.credential as { id: string }).id } } });
  const row = await h.prisma.session.findUniqueOrThrow({ where: { id: (body.credential as { id: string }).id } });
  expect(row.hash).not.toBe(s.cookie.split('=')[1]);
});

test('a write made with the session cookie needs its CSRF token', async () => {
  const s = await session();
  const issue = (headers: Record<string, string>) => withCookie(s, '/auth/tokens', { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify({ name: 'from the browser' }) });
  const before = await h.prisma.apiToken.count({ where: { staffId: person.staffId } });
  expect(await answer(await issue({}))).toMatchObject({ status: 403, body: { error: expect.stringContaining('CSRF') } });
  expect(await answer(await issue({ 'x-csrf-token': 'x'.repeat(43) }))).toMatchObject({ status: 403 });
  expect(await h.prisma.apiToken.count({ where: { staffId: person.staffId } })).toBe(before);
  expect(await answer(await issue({ 'x-csrf-token': s.csrf }))).toMatchObject({ status: 201, body: { name: 'from the browser' } });
});

test('a wrong password, and an unknown account, answer the same 401', async () => {
  const wrong = await signIn(person.email, 'not the password at all');
  expect(wrong.headers.get('www-authenticate')).toBe('Bearer realm="rare-earth-campaign", error="invalid_token"');
  const expected = { status: 401, body: { error: '邮箱或密码错误 / wrong email or password' }, retryAfter: null };
  expect(await answer(wrong)).toEqual(expected);
  expect(await answer(await signIn('nobody@campaign.example', 'not the password at all'))).toEqual(expected);
  // A success clears the account's failures: the lockout below starts from none.
  await session();
  expect(await h.prisma.signInAttempt.groupBy({ by: ['outcome'], where: { email: person.email }, _count: true })).toEqual(
    expect.arrayContaining([expect.objectContaining({ outcome: 'wrongPassword' }), expect.objectContaining({ outcome: 'succeeded' })]),
  );
});

test("behind a trusted proxy, attempts and the audit trail carry the client's address from X-Forwarded-For", async () => {
  const res = await fetch(`${h.baseUrl}/auth/sign-in`, { method: 'POST', headers: { ...json, 'x-forwarded-for': '203.0.113.7' }, body: JSON.stringify({ email: 'nobody@proxy.example', password: 'not the password at all' }) });
  expect(res.status).toBe(401);
  expect(await h.prisma.signInAttempt.findMany({ where: { email: 'nobody@proxy.example' }, select: { address: true } })).toEqual([{ address: '203.0.113.7' }]);
  expect(await h.prisma.auditEvent.findMany({ where: { requestId: res.headers.get('x-request-id')! }, select: { clientAddress: true } })).toEqual([{ clientAddress: '203.0.113.7' }]);
});

test('failures slow the next attempt, then lock the account for a while; after the lock it signs in', async () => {
  const wrong = () => signIn(person.email, 'wrong password, again');
  expect((await answer(await wrong())).status).toBe(401);
  expect((await answer(await wrong())).status).toBe(401);
  // Slowed: the third attempt must wait a second after the second.
  expect(await answer(await wrong())).toMatchObject({ status: 429, retryAfter: '1', body: { error: '登录失败次数过多，请稍后再试 / too many failed sign-ins: try again later' } });
  advance(1_000);
  expect((await answer(await wrong())).status).toBe(401);
  // ... the fourth two seconds after the third; the fourth failure locks the account.
  expect(await answer(await wrong())).toMatchObject({ status: 429, retryAfter: '2' });
  advance(2_000);
  expect((await answer(await wrong())).status).toBe(401);
  // Locked: even the right password is not checked.
  expect(await answer(await signIn(person.email, password))).toMatchObject({ status: 429, retryAfter: String(LOCK_MS / 1000) });
  advance(LOCK_MS - 1_000);
  expect(await answer(await signIn(person.email, password))).toMatchObject({ status: 429, retryAfter: '1' });
  // Another account from the same address is not locked by this one's failures.
  expect((await answer(await signIn('36-tax-agencyHead@campaign.example', 'no password set'))).status).toBe(401);
  advance(1_000);
  expect((await answer(await signIn(person.email, password))).status).toBe(200);
  const refusals = await h.prisma.signInAttempt.count({ where: { email: person.email, outcome: 'locked' } });
  expect(refusals).toBe(4);
});

test('a session ends at sign-out, after an idle hour, and when the person is disabled: the next request is 401', async () => {
  const out = await session();
  expect(await answer(await withCookie(out, '/auth/sign-out', { method: 'POST' }))).toMatchObject({ status: 403 });
  const signedOut = await withCookie(out, '/auth/sign-out', { method: 'POST', headers: { 'x-csrf-token': out.csrf } });
  expect(signedOut.status).toBe(204);
  expect(signedOut.headers.getSetCookie()[0]).toMatch(/^campaign-session=;/);
  expect(await answer(await withCookie(out, '/tasks'))).toMatchObject({ status: 401, body: { error: 'the session has ended: sign in again' } });

  const idle = await session();
  advance(3_600_000 - 1);
  expect((await withCookie(idle, '/tasks')).status).toBe(200);
  // That request was activity: the idle hour starts again from it.
  advance(3_600_000 - 1);
  expect((await withCookie(idle, '/tasks')).status).toBe(200);
  advance(3_600_000);
  expect((await withCookie(idle, '/tasks')).status).toBe(401);

  const disabled = await session();
  expect((await withCookie(disabled, '/tasks')).status).toBe(200);
  await h.prisma.staffUser.update({ where: { id: person.staffId }, data: { disabledAt: clock } });
  try {
    expect((await withCookie(disabled, '/tasks')).status).toBe(401);
    expect((await answer(await signIn(person.email, password))).status).toBe(401);
  } finally {
    await h.prisma.staffUser.update({ where: { id: person.staffId }, data: { disabledAt: null } });
  }
});

test('security headers on every answer, a strict Content-Security-Policy for pages, its own for /docs', async () => {
  const strict = "default-src 'none';style-src 'self';img-src 'self';form-action 'self';frame-ancestors 'none';base-uri 'none'";
  for (const path of ['/healthz', '/auth/password?token=aaaaaaaaaaaaaaaaaaaaaaaa', '/tasks', '/openapi.json']) {
    const res = await fetch(`${h.baseUrl}${path}`);
    expect({ path, nosniff: res.headers.get('x-content-type-options'), frame: res.headers.get('x-frame-options'), referrer: res.headers.get('referrer-policy'), csp: res.headers.get('content-security-policy') }).toEqual({
      path,
      nosniff: 'nosniff',
      frame: 'DENY',
      referrer: 'no-referrer',
      csp: strict,
    });
  }
  const docs = await fetch(`${h.baseUrl}/docs`);
  expect(docs.headers.get('content-security-policy')).toContain("script-src 'self'");
  expect(docs.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect((await fetch(`${h.baseUrl}/tasks`)).headers.get('www-authenticate')).toBe('Bearer realm="rare-earth-campaign"');
});

test('imports are rate-limited per person: over the limit is 429 with Retry-After', async () => {
  const miit = h.as(h.tokens.miit);
  const importOnce = () => miit('/imports?dryRun=true&fileName=x.json', { method: 'POST', headers: json, body: JSON.stringify({ enterprises: [] }) });
  const statuses = [(await importOnce()).status, (await importOnce()).status];
  expect(statuses.every((s) => s !== 429)).toBe(true);
  const refused = await importOnce();
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(await refused.json()).toEqual({ error: '请求过于频繁，请稍后再试 / too many requests: wait Retry-After seconds' });
  // Another person is not held back by MIIT's imports: the address allows several people's.
  expect((await h.as(h.tokens['36-industry-staff'])('/imports?dryRun=true&fileName=x.json', { method: 'POST', headers: json, body: '{}' })).status).not.toBe(429);
});
