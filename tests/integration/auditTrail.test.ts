import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { applicationDatabaseUrl } from '../../platform/postgres';
import { projectRoot } from '../../platform/projectRoot';
import { useHarness } from '../support/harness';

/**
 * The audit trail end to end: rows written by real requests, read back through GET /audit in each
 * role's scope, the chain verified by `npm run audit -- verify` and broken by the superuser in
 * SQL, and the application role's grants refused by PostgreSQL itself.
 */

const h = useHarness('audit');

const rowsOf = (res: Response) => h.prisma.auditEvent.findMany({ where: { requestId: res.headers.get('x-request-id')! } });
const tip = { source: '12345 hotline', text: '夜间有卡车运出稀土矿', province: '江西省', receivedAt: '2014-10-12T09:00:00+08:00' };
const postTip = (token: string, body: unknown = tip) => h.as(token)('/tips', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('what is recorded', () => {
  test('a change: one row naming the actor, the object and what it became', async () => {
    const res = await postTip(h.tokens['36-tax-staff']);
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const rows = await rowsOf(res);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorStaffId: '36-tax-staff',
      actorRole: 'staff',
      credentialKind: 'token',
      method: 'POST',
      path: '/tips',
      action: 'tips.submit',
      objectType: 'tip',
      objectId: id,
      province: '江西省',
      outcome: 'done',
      status: 201,
      after: { source: '12345 hotline', enterpriseCode: null },
    });
    expect(rows[0].clientAddress).toMatch(/127\.0\.0\.1/);
  });

  test('a request the body schema refuses: one row, refused with its status', async () => {
    const res = await postTip(h.tokens['36-tax-staff'], { text: 'no source' });
    expect(res.status).toBe(400);
    expect(await rowsOf(res)).toMatchObject([{ actorStaffId: '36-tax-staff', action: 'tips.submit', outcome: 'refused', status: 400 }]);
  });

  test('a read is not recorded, its refusal is: 401 with the presented token named by its hash, never the secret', async () => {
    const read = await h.as(h.tokens['36-tax-staff'])('/tasks');
    expect(read.status).toBe(200);
    expect(await rowsOf(read)).toEqual([]);
    const refused = await fetch(`${h.baseUrl}/tasks`, { headers: { authorization: 'Bearer not-a-real-token' } });
    expect(refused.status).toBe(401);
    const [row, ...more] = await rowsOf(refused);
    expect(more).toEqual([]);
    expect(row).toMatchObject({ actorStaffId: null, credentialKind: 'token', action: 'tasks.list', outcome: 'refused', status: 401 });
    expect(row.credentialId).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).not.toContain('not-a-real-token');
  });

  test('the client may name the request id; the answer and the row carry it', async () => {
    const res = await h.as(h.tokens['36-tax-staff'])('/audit', { headers: { 'x-request-id': 'client-chosen-0001' } });
    expect(res.headers.get('x-request-id')).toBe('client-chosen-0001');
    expect(res.status).toBe(403);
    expect(await rowsOf(res)).toMatchObject([{ action: 'audit.list', outcome: 'refused', status: 403 }]);
  });
});

describe('when the row cannot be written', () => {
  test('the answer is withheld: 503 with Retry-After instead, and the same request succeeds once rows can be written again', async () => {
    const owner = new pg.Client({ connectionString: h.databaseUrl });
    await owner.connect();
    try {
      // NOT VALID: the rows already there stay; every new one breaks the constraint.
      await owner.query('ALTER TABLE "AuditEvent" ADD CONSTRAINT refuse_new_rows CHECK (false) NOT VALID');
      const [change, refusal] = await Promise.all([postTip(h.tokens['36-tax-staff']), h.as(h.tokens['36-tax-staff'])('/audit')]);
      for (const res of [change, refusal]) {
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(((await res.json()) as { error: string }).error).toMatch(/audit trail could not record this request/);
      }
    } finally {
      await owner.query('ALTER TABLE "AuditEvent" DROP CONSTRAINT IF EXISTS refuse_new_rows');
      await owner.end();
    }
    const again = await h.as(h.tokens['36-tax-staff'])('/audit');
    expect(again.status).toBe(403);
    expect(await rowsOf(again)).toMatchObject([{ action: 'audit.list', outcome: 'refused', status: 403 }]);
  });
});

describe('GET /audit', () => {
  const list = async (key: string, query = '') => {
    const res = await h.as(h.tokens[key])(`/audit?pageSize=500${query}`);
    return { status: res.status, body: (await res.json()) as { items: { actor: { staffId: string } | null; province: string | null; action: string; outcome: string }[]; total: number } };
  };

  test('MIIT and discipline inspection see every province, a provincial coordinator their own, staff nothing', async () => {
    await postTip(h.tokens['15-tax-staff'], { ...tip, province: '内蒙古自治区' });
    const everything = await list('miit');
    expect(everything.status).toBe(200);
    expect(new Set(everything.body.items.map((r) => r.province))).toEqual(new Set(['江西省', '内蒙古自治区', null]));
    expect((await list('36-disciplineInspection-disciplineInspection')).body.total).toBeGreaterThanOrEqual(everything.body.total);

    const jiangxi = await list('36-industry-provincialCoordinator');
    expect(jiangxi.status).toBe(200);
    expect(jiangxi.body.items.length).toBeGreaterThan(0);
    expect(jiangxi.body.items.filter((r) => r.province !== '江西省')).toEqual([]);
    expect((await list('36-industry-provincialCoordinator', `&province=${encodeURIComponent('内蒙古自治区')}`)).body).toMatchObject({ items: [], total: 0 });

    expect((await list('36-tax-staff')).status).toBe(403);
    expect((await list('36-tax-agencyHead')).status).toBe(403);
  });

  test('filters by actor, action and outcome, and pages', async () => {
    const mine = await list('miit', '&actor=36-tax-staff&action=tips.submit&outcome=done');
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((r) => r.actor?.staffId === '36-tax-staff' && r.action === 'tips.submit' && r.outcome === 'done')).toBe(true);
    const page = await h.as(h.tokens.miit)('/audit?pageSize=1&page=2');
    expect(await page.json()).toMatchObject({ page: 2, pageSize: 1, items: [expect.anything()] });
    expect((await h.as(h.tokens.miit)('/audit?outcome=maybe')).status).toBe(400);
  });
});

describe('npm run audit -- verify', () => {
  const run = promisify(execFile);
  const verify = async () => {
    try {
      const { stdout } = await run(process.execPath, [path.join(projectRoot(), 'dist', 'scripts', 'audit.js'), 'verify'], { env: { PATH: process.env.PATH, DATABASE_URL: h.databaseUrl, LOG_LEVEL: 'silent' } });
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string };
      return { code: failed.code, stdout: failed.stdout };
    }
  };
  const owner = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: h.databaseUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const ids = () => owner(async (c) => (await c.query<{ id: string }>('SELECT id::text FROM "AuditEvent" ORDER BY "AuditEvent".id')).rows.map((r) => r.id));

  test('passes on the trail as written, then names the row the superuser edited, deleted or inserted', async () => {
    // Appends at once, as concurrent requests make them: the chain must not fork.
    await Promise.all(Array.from({ length: 12 }, () => postTip(h.tokens['36-tax-staff'])));
    const intact = await verify();
    expect(intact.stdout).toMatch(/^audit chain intact: \d+ rows, head [0-9a-f]{64}/);
    expect(intact.code).toBe(0);
    const all = await ids();
    const middle = all[Math.floor(all.length / 2)];

    // An edit: the row itself is named.
    const action = await owner(async (c) => (await c.query<{ action: string }>('SELECT action FROM "AuditEvent" WHERE id = $1', [middle])).rows[0].action);
    await owner((c) => c.query(`UPDATE "AuditEvent" SET action = 'something else' WHERE id = $1`, [middle]));
    expect(await verify()).toEqual({ code: 1, stdout: expect.stringContaining(`audit chain broken at row ${middle}: row ${middle} was altered`) });
    await owner((c) => c.query('UPDATE "AuditEvent" SET action = $2 WHERE id = $1', [middle, action]));
    expect((await verify()).code).toBe(0);

    // A deletion: the row after the gap is named, and the one before it.
    const before = all[all.indexOf(middle) - 1];
    const after = all[all.indexOf(middle) + 1];
    const saved = await owner(async (c) => (await c.query('DELETE FROM "AuditEvent" WHERE id = $1 RETURNING *', [middle])).rows[0] as Record<string, unknown>);
    expect(await verify()).toEqual({ code: 1, stdout: expect.stringContaining(`audit chain broken at row ${after}: rows were deleted between row ${before} and row ${after}`) });
    const columns = Object.keys(saved);
    await owner((c) => c.query(`INSERT INTO "AuditEvent" (${columns.map((k) => `"${k}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, columns.map((k) => saved[k])));
    expect((await verify()).code).toBe(0);

    // An insertion, even one that copies a genuine row's link: the row is named.
    const forged = await owner(
      async (c) =>
        (
          await c.query<{ id: string }>(
            `INSERT INTO "AuditEvent" (at, "requestId", method, path, action, outcome, status, "prevHash", hash)
             SELECT at, 'forged', method, path, action, outcome, status, "prevHash", md5(random()::text) || md5(random()::text) FROM "AuditEvent" WHERE id = $1
             RETURNING id::text`,
            [after],
          )
        ).rows[0].id,
    );
    expect(await verify()).toEqual({ code: 1, stdout: expect.stringContaining(`audit chain broken at row ${forged}: row ${forged} was inserted`) });
  });
});

describe('the application role', () => {
  test('may append to and read the trail, never update or delete it', async () => {
    const app = new pg.Client({ connectionString: applicationDatabaseUrl(h.databaseUrl) });
    await app.connect();
    try {
      expect((await app.query('SELECT current_user')).rows[0].current_user).toBe('campaign_app');
      expect((await app.query('SELECT count(*)::int AS n FROM "AuditEvent"')).rows[0].n).toBeGreaterThan(0);
      await expect(app.query(`UPDATE "AuditEvent" SET action = 'x'`)).rejects.toMatchObject({ code: '42501', message: 'permission denied for table AuditEvent' });
      await expect(app.query('DELETE FROM "AuditEvent"')).rejects.toMatchObject({ code: '42501', message: 'permission denied for table AuditEvent' });
      await expect(app.query('TRUNCATE "AuditEvent"')).rejects.toMatchObject({ code: '42501' });
      // The rest of the campaign's tables are the application's to change.
      await expect(app.query(`UPDATE "Tip" SET text = text WHERE false`)).resolves.toMatchObject({ rowCount: 0 });
    } finally {
      await app.end();
    }
  });
});
