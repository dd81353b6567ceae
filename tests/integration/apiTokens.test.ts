import { revokeDemoTokens } from '../../store/apiTokens';
import { seedDemoDirectory } from '../../store/directory';
import { provinces } from '../../demo/generator';
import { freshDatabase } from '../support/freshDatabase';
import { startHarness, type Harness } from '../support/harness';

/**
 * API tokens against the real API and PostgreSQL: issued once, refused on the very next request
 * after their expiry, their revocation or their holder's disabling. The API's clock is the test's,
 * so expiry is a step of the clock, not a wait. Its own database: it disables people and revokes
 * the demo tokens, which other files use.
 */
let db: Awaited<ReturnType<typeof freshDatabase>>;
let h: Harness;
let clock = new Date('2026-03-01T08:00:00Z');

const json = { 'content-type': 'application/json' };
const issue = (as: string, body: unknown) => h.as(as)('/auth/tokens', { method: 'POST', headers: json, body: JSON.stringify(body) });

beforeAll(async () => {
  db = await freshDatabase();
  h = await startHarness('api-tokens', { databaseUrl: db.url, inProcessWorker: false, app: { now: () => clock } });
});
afterAll(async () => {
  await h.stop();
  await db.drop();
});

test('a token is shown once, works, and is listed without its secret', async () => {
  const res = await issue(h.tokens.miit, { name: 'nightly export', expiresInDays: 30 });
  expect(res.status).toBe(201);
  const issued = (await res.json()) as { id: string; token: string; expiresAt: string };
  expect(issued.expiresAt).toBe('2026-03-31T08:00:00.000Z');
  const stored = await h.prisma.apiToken.findUniqueOrThrow({ where: { id: issued.id } });
  expect(stored.hash).not.toContain(issued.token);
  expect(JSON.stringify(stored)).not.toContain(issued.token.split('.')[1]);

  const listed = await h.as(issued.token)('/auth/tokens');
  expect(listed.status).toBe(200);
  expect(listed.headers.get('cache-control')).toBe('private, no-store');
  const { items } = (await listed.json()) as { items: Record<string, unknown>[] };
  const mine = items.find((t) => t.id === issued.id)!;
  expect(mine).toMatchObject({ name: 'nightly export', lastUsedAt: clock.toISOString(), revokedAt: null });
  expect(mine).not.toHaveProperty('token');
});

test('a token stops at its expiry: the clock steps past it and the next request is 401', async () => {
  const { token } = (await (await issue(h.tokens.miit, { name: 'short', expiresInDays: 1 })).json()) as { token: string };
  const start = clock;
  try {
    clock = new Date(start.getTime() + 86_400_000 - 1);
    expect((await h.as(token)('/auth/tokens')).status).toBe(200);
    clock = new Date(start.getTime() + 86_400_000);
    const refused = await h.as(token)('/auth/tokens');
    expect({ status: refused.status, body: await refused.json() }).toEqual({ status: 401, body: { error: 'unknown, expired or revoked token' } });
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="rare-earth-campaign", error="invalid_token"');
  } finally {
    clock = start;
  }
});

test('a revoked token is refused on the next request; revoking twice keeps the first time', async () => {
  const { id, token } = (await (await issue(h.tokens.miit, { name: 'revoked' })).json()) as { id: string; token: string };
  expect((await h.as(token)('/auth/tokens')).status).toBe(200);
  const revoke = () => h.as(h.tokens.miit)(`/auth/tokens/${id}/revoke`, { method: 'POST' });
  const first = (await (await revoke()).json()) as { revokedAt: string };
  expect(first.revokedAt).toBe(clock.toISOString());
  expect((await h.as(token)('/auth/tokens')).status).toBe(401);
  clock = new Date(clock.getTime() + 60_000);
  expect(((await (await revoke()).json()) as { revokedAt: string }).revokedAt).toBe(first.revokedAt);
});

test("someone else's token cannot be revoked, and answers like a missing one", async () => {
  const { id } = (await (await issue(h.tokens.miit, { name: 'not yours' })).json()) as { id: string };
  const other = h.as(h.tokens['36-tax-staff']);
  const answer = async (tokenId: string) => {
    const res = await other(`/auth/tokens/${tokenId}/revoke`, { method: 'POST' });
    return { status: res.status, body: await res.json() };
  };
  expect(await answer(id)).toEqual(await answer('tok_missing'));
  expect((await h.prisma.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
});

test('a disabled person’s tokens are refused on the next request', async () => {
  const token = h.tokens['36-commerce-staff'];
  const { token: own } = (await (await issue(token, { name: 'script' })).json()) as { token: string };
  expect((await h.as(own)('/auth/tokens')).status).toBe(200);
  await h.prisma.staffUser.update({ where: { id: '36-commerce-staff' }, data: { disabledAt: clock } });
  expect((await h.as(own)('/auth/tokens')).status).toBe(401);
  expect((await h.as(token)('/tasks')).status).toBe(401);
});

test('demo tokens exist only while the demo is on', async () => {
  const demo = h.tokens['36-industry-staff'];
  expect((await h.as(demo)('/auth/tokens')).status).toBe(200);
  const { token: issued } = (await (await issue(demo, { name: 'kept' })).json()) as { token: string };
  // What a start with DEMO_ENTERPRISES=0 does (scripts/start.ts).
  expect(await revokeDemoTokens(h.prisma, clock)).toBeGreaterThan(0);
  expect((await h.as(demo)('/auth/tokens')).status).toBe(401);
  expect((await h.as(issued)('/auth/tokens')).status).toBe(200);
  // A start with the demo on again brings them back.
  await seedDemoDirectory(h.prisma, provinces);
  expect((await h.as(demo)('/auth/tokens')).status).toBe(200);
});

test('a token request that breaks the schema is a 400', async () => {
  for (const body of [{ name: '' }, { name: 'x', expiresInDays: 0 }, { name: 'x', expiresInDays: 367 }]) {
    expect((await issue(h.tokens.miit, body)).status).toBe(400);
  }
});
