import { randomUUID } from 'node:crypto';
import { tipWorkflowId } from '../../domain/tip';
import { useHarness } from '../support/harness';
import { recordHistory } from '../support/histories';

const h = useHarness('tips');

const tip = {
  source: '12345 hotline',
  text: '  某矿点夜间有卡车运出稀土矿  ',
  province: '江西省',
  receivedAt: '2014-10-12T09:00:00+08:00',
};

const jiangxiTax = () => h.as(h.tokens['36-tax-staff']);

function post(body: unknown, headers: Record<string, string> = {}, as = jiangxiTax()) {
  return as('/tips', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('tip intake through the API, a workflow, an activity and PostgreSQL', () => {
  test('a submitted tip is recorded by the worker and read back through the API', async () => {
    const res = await post(tip);
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; text: string; receivedAt: string };
    expect(created.text).toBe('某矿点夜间有卡车运出稀土矿');
    expect(created.receivedAt).toBe('2014-10-12T01:00:00.000Z');

    const row = await h.prisma.tip.findUnique({ where: { id: created.id } });
    expect(row?.province).toBe('江西省');

    const read = await jiangxiTax()(`/tips/${created.id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(created);

    const handle = h.client.workflow.getHandle(tipWorkflowId(created.id));
    const history = await handle.fetchHistory();
    recordHistory('tipIntake', handle.workflowId);
    const activities = history.events?.filter((e) => e.activityTaskScheduledEventAttributes) ?? [];
    expect(activities.map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name)).toEqual(['recordTip']);
  });

  test('a repeated submission with the same Idempotency-Key returns the first and records one tip; the key with another tip is refused', async () => {
    const key = `tip-${randomUUID()}`;
    const first = await post(tip, { 'Idempotency-Key': key });
    const second = await post(tip, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    const body = (await first.json()) as { id: string };
    expect(await second.json()).toEqual(body);
    expect((await post({ ...tip, text: 'a changed retry' }, { 'Idempotency-Key': key })).status).toBe(422);
    expect(body.id.endsWith(`.${key}`)).toBe(true);
    expect(await h.prisma.tip.count({ where: { id: body.id } })).toBe(1);
  });

  test('bad input gets a 400 that names every problem, and nothing is recorded', async () => {
    const before = await h.prisma.tip.count();
    const res = await post({ source: '', text: 'x', receivedAt: 'yesterday', enterpriseCode: 'not-a-code' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; details: { path: string }[] };
    expect(body.error).toBe('invalid tip');
    expect(body.details.map((d) => d.path).sort()).toEqual(['enterpriseCode', 'receivedAt', 'source']);
    expect(await h.prisma.tip.count()).toBe(before);
  });

  test('malformed JSON, a bad Idempotency-Key, an unknown tip and an unknown route are clear 4xx errors', async () => {
    const malformed = await post('{"source":');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: 'request body is not valid JSON' });

    const badKey = await post(tip, { 'Idempotency-Key': 'bad key!' });
    expect(badKey.status).toBe(400);

    const missing = await jiangxiTax()('/tips/no-such-tip');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'tip not found' });

    const route = await jiangxiTax()('/nowhere');
    expect(route.status).toBe(404);
  });

  test('without a valid token the API answers 401; a tip of another province is not found', async () => {
    expect((await fetch(`${h.baseUrl}/tips/anything`)).status).toBe(401);
    expect((await h.as('not-a-real-token')('/tips/anything')).status).toBe(401);
    const res = await post(tip);
    const { id } = (await res.json()) as { id: string };
    expect((await h.as(h.tokens['15-tax-staff'])(`/tips/${id}`)).status).toBe(404);
    expect((await h.as(h.tokens.miit)(`/tips/${id}`)).status).toBe(200);
    expect((await h.as(h.tokens['36-environment-staff'])(`/tips/${id}`)).status).toBe(200);
  });

  test("someone else's Idempotency-Key is theirs: the same key makes a tip of one's own", async () => {
    const key = `tip-${randomUUID()}`;
    const mine = await post(tip, { 'Idempotency-Key': key });
    const theirs = await post(tip, { 'Idempotency-Key': key }, h.as(h.tokens['36-commerce-staff']));
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    const [a, b] = (await Promise.all([mine.json(), theirs.json()])) as { id: string; recordedBy: string }[];
    expect(a.id).not.toBe(b.id);
    expect(a.recordedBy).not.toBe(b.recordedBy);
  });

  test('the OpenAPI document describes the tip endpoints', async () => {
    const doc = (await (await fetch(`${h.baseUrl}/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/healthz', '/readyz', '/tips', '/tips/{id}', '/enterprises', '/campaigns', '/tasks', '/tasks/{key}/complete', '/cases/{caseId}']),
    );
  });
});
