import { generateCampaign, provinces } from '../../demo/generator';
import { createTask, type TaskToCreate } from '../../store/tasks';
import { useHarness } from '../support/harness';
import { cleanTrader, enterprisesOf } from '../support/enterprises';
import { waitFor } from '../support/waitFor';

/** The inbox's server side: the task list's filters and counts, saved filters, live updates. */

const generated = generateCampaign({ seed: 12, enterprises: 120 });
const dossiers = generated.dataset.dossiers;
const jiangxi = dossiers.filter((d) => d.enterprise.province === '江西省').map((d) => d.enterprise);
const h = useHarness('inbox', { dossiers, app: { temporalUiUrl: 'http://temporal-ui.test' } });

const HOUR = 3_600_000;
const now = Date.now();
/** Hours from now each enterprise's task falls due. */
const DUE_IN_HOURS = [-36, 12, 120, 168, 200, 220, 240];
const taskOf = (i: number, over: Partial<TaskToCreate> = {}): TaskToCreate => {
  const e = jiangxi[i];
  const caseId = `case/inbox/${e.province}/${e.code}`;
  return {
    key: `${caseId}/verification/${over.agencyKind ?? 'tax'}/selfInspection`,
    caseId,
    campaignId: 'inbox',
    province: e.province,
    enterpriseCode: e.code,
    kind: 'verification',
    agencyKind: 'tax',
    phase: 'selfInspection',
    title: `核查 ${i}`,
    evidence: { findings: [] },
    dueAt: new Date(now + DUE_IN_HOURS[i] * HOUR).toISOString(),
    ...over,
  };
};

type Listed = { items: { key: string; enterpriseCode: string; agency: string; phase: string | null; dueAt: string; assignee: { staffId: string } | null }[]; total: number; counts: Record<string, number> };
const list = async (token: string, query: string): Promise<Listed> => {
  const res = await h.as(h.tokens[token])(`/tasks?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Listed;
};

// Task 0 is overdue, 1 due within a day (soon), 2 and 3 later; 4 is industry's; 5 a rectification task.
const tasks = [taskOf(0), taskOf(1), taskOf(2), taskOf(3), taskOf(4, { agencyKind: 'industry' }), taskOf(5, { kind: 'disposition', phase: 'rectification' })];

beforeAll(async () => {
  expect(jiangxi.length).toBeGreaterThanOrEqual(6);
  for (const t of tasks) await createTask(h.prisma, t);
  const assigned = await h.as(h.tokens['36-tax-agencyHead'])(`/tasks/${encodeURIComponent(tasks[2].key)}/assign`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ staffId: '36-tax-staff' }),
  });
  expect(assigned.status).toBe(200);
});

describe('GET /tasks for the inbox', () => {
  test("staff see their agency's tasks soonest due first, with the quick filters' counts", async () => {
    const all = await list('36-tax-staff', 'status=open');
    expect(all.items.map((t) => t.key)).toEqual([tasks[0], tasks[1], tasks[2], tasks[3], tasks[5]].map((t) => t.key));
    expect(all.counts).toEqual({ open: 5, overdue: 1, dueSoon: 1, unassigned: 4, mine: 1 });
    // The industry department's coordinator sees the province's every task.
    expect((await list('36-industry-provincialCoordinator', 'status=open')).total).toBe(6);
  });

  test('every page carries the whole total, a page past the end too', async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => list('36-tax-staff', `status=open&pageSize=2&page=${page}`)));
    expect(pages.map((p) => ({ keys: p.items.map((t) => t.key), total: p.total }))).toEqual([
      { keys: [tasks[0].key, tasks[1].key], total: 5 },
      { keys: [tasks[2].key, tasks[3].key], total: 5 },
      { keys: [tasks[5].key], total: 5 },
    ]);
    expect(await list('36-tax-staff', 'status=open&pageSize=2&page=4')).toMatchObject({ items: [], total: 5 });
    expect(await list('36-tax-staff', 'status=open&q=NO-SUCH-ENTERPRISE')).toMatchObject({ items: [], total: 0 });
  });

  test('filters by overdue, due range, phase, enterprise type, assignee and free text', async () => {
    expect((await list('36-tax-staff', 'overdue=true')).items.map((t) => t.key)).toEqual([tasks[0].key]);
    const range = await list('36-tax-staff', `dueFrom=${encodeURIComponent(new Date(now + 24 * HOUR).toISOString())}&dueBefore=${encodeURIComponent(new Date(now + 170 * HOUR).toISOString())}`);
    expect(range.items.map((t) => t.key)).toEqual([tasks[2].key, tasks[3].key]);
    const rectification = await list('36-tax-staff', 'phase=rectification');
    expect(rectification.items.map((t) => [t.key, t.phase])).toEqual([[tasks[5].key, 'rectification']]);
    expect((await list('36-tax-staff', 'assignee=me')).items.map((t) => t.key)).toEqual([tasks[2].key]);
    expect((await list('36-tax-staff', 'assignee=unassigned')).total).toBe(4);
    expect((await list('36-tax-agencyHead', 'assignee=36-tax-staff')).items.map((t) => t.assignee?.staffId)).toEqual(['36-tax-staff']);
    const e = jiangxi[3];
    expect((await list('36-tax-staff', `q=${encodeURIComponent(e.name.slice(2, 6))}`)).items.map((t) => t.enterpriseCode)).toContain(e.code);
    expect((await list('36-tax-staff', `q=${e.code.slice(0, 17).toLowerCase()}`)).items.map((t) => t.enterpriseCode)).toEqual([e.code]);
    const type = jiangxi[1].types[0];
    const typed = await list('36-tax-staff', `enterpriseType=${type}`);
    expect(typed.items.map((t) => t.key)).toContain(tasks[1].key);
    const typesOf = new Map(jiangxi.map((x) => [x.code, x.types as string[]]));
    expect(typed.items.every((t) => typesOf.get(t.enterpriseCode)?.includes(type))).toBe(true);
  });

  test('refuses what it cannot take, clearly', async () => {
    const staff = h.as(h.tokens['36-tax-staff']);
    const colleague = await staff('/tasks?assignee=36-tax-agencyHead');
    expect(colleague.status).toBe(403);
    for (const query of ['phase=nowhere', 'overdue=perhaps', 'dueFrom=yesterday', 'enterpriseType=bakery']) {
      const res = await staff(`/tasks?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
    }
  });
});

describe('saved filters', () => {
  const json = { 'content-type': 'application/json' };
  test('are kept per person, replaced by name, validated like the list, deleted, and audited', async () => {
    const staff = h.as(h.tokens['36-tax-staff']);
    const head = h.as(h.tokens['36-tax-agencyHead']);
    const saved = await staff('/me/filters', { method: 'POST', headers: json, body: JSON.stringify({ name: '逾期', filter: { overdue: true } }) });
    expect(saved.status).toBe(200);
    const { id } = (await saved.json()) as { id: string };
    const again = await staff('/me/filters', { method: 'POST', headers: json, body: JSON.stringify({ name: '逾期', filter: { overdue: true, phase: 'selfInspection' } }) });
    expect(((await again.json()) as { id: string }).id).toBe(id);
    expect((await staff('/me/filters', { method: 'POST', headers: json, body: JSON.stringify({ name: 'bad', filter: { phase: 'nowhere' } }) })).status).toBe(400);
    const mine = (await (await staff('/me/filters')).json()) as { items: { name: string; filter: unknown }[] };
    expect(mine.items).toEqual([expect.objectContaining({ name: '逾期', filter: { overdue: true, phase: 'selfInspection' } })]);
    expect(((await (await head('/me/filters')).json()) as { items: unknown[] }).items).toEqual([]);
    // Someone else's filter is as good as missing.
    expect((await head(`/me/filters/${id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await staff(`/me/filters/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect(((await (await staff('/me/filters')).json()) as { items: unknown[] }).items).toEqual([]);
    const audit = await h.prisma.auditEvent.findMany({ where: { objectType: 'savedFilter', objectId: id }, orderBy: { at: 'asc' } });
    expect(audit.map((a) => [a.action, a.outcome])).toEqual([
      ['savedFilters.save', 'done'],
      ['savedFilters.save', 'done'],
      ['savedFilters.delete', 'refused'],
      ['savedFilters.delete', 'done'],
    ]);
  });
});

describe('GET /events', () => {
  test("announces the creation and change of tasks in the caller's scope, and only those", async () => {
    const controller = new AbortController();
    const res = await h.as(h.tokens['36-tax-staff'])('/events', { signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    const until = async (wanted: (text: string) => boolean) => {
      while (!wanted(received)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before: ${received}`);
        received += value;
      }
    };
    await until((t) => t.includes(': listening'));
    // Written as a worker writes them, on another connection: industry's first, so tax's arriving proves it was skipped.
    await createTask(h.prisma, taskOf(6, { agencyKind: 'industry' }));
    await createTask(h.prisma, taskOf(6));
    await h.as(h.tokens['36-tax-agencyHead'])(`/tasks/${encodeURIComponent(taskOf(6).key)}/assign`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ staffId: '36-tax-staff' }) });
    await until((t) => (t.match(/event: task/g) ?? []).length >= 2);
    controller.abort();
    const events = [...received.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]) as { change: string; key: string; agencyKind: string; assigneeId: string | null });
    expect(events.map((e) => [e.change, e.key, e.agencyKind, e.assigneeId])).toEqual([
      ['created', taskOf(6).key, 'tax', null],
      ['changed', taskOf(6).key, 'tax', '36-tax-staff'],
    ]);
  });
});

describe('GET /cases for coordinators', () => {
  test('filters by the search attributes and free text, with task counts and the Web UI link', async () => {
    const traders = enterprisesOf(generated, cleanTrader, provinces.find((p) => p.name === '江西省')!).slice(0, 2).map((d) => d.enterprise);
    expect(traders).toHaveLength(2);
    const miit = h.as(h.tokens.miit);
    const started = await miit('/campaigns', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // A slow clock keeps both cases in self-inspection, their tasks open.
      body: JSON.stringify({ id: 'inbox-cases', name: 'inbox-cases', provinces: ['江西省'], daysPerSecond: 0.001, enterprises: traders.map((e) => e.code) }),
    });
    expect(started.status).toBe(201);
    type Case = { caseId: string; enterpriseName: string; openTaskCount: number; overdueTaskCount: number; enterpriseTypes: string[]; webUiUrl?: string };
    const cases = async (query: string) => ((await (await h.as(h.tokens['36-industry-provincialCoordinator'])(`/cases?campaignId=inbox-cases&${query}`)).json()) as { items: Case[] }).items;
    const all = await waitFor('both cases with their tasks', async () => {
      const items = await cases('phase=selfInspection&enterpriseType=trading');
      return items.length === 2 && items.every((c) => c.openTaskCount === 3) ? items : undefined;
    });
    expect(all.every((c) => c.overdueTaskCount === 0 && c.enterpriseTypes.includes('trading'))).toBe(true);
    expect(all.map((c) => c.webUiUrl)).toEqual(all.map((c) => `http://temporal-ui.test/namespaces/default/workflows/${encodeURIComponent(c.caseId)}`));
    expect(await cases('phase=rectification')).toEqual([]);
    expect(await cases('supervised=true')).toEqual([]);
    expect(await cases('overdue=true')).toEqual([]);
    const named = await cases(`q=${encodeURIComponent(traders[0].name)}`);
    expect(named.map((c) => c.enterpriseName)).toEqual([traders[0].name]);
    expect((await h.as(h.tokens['36-industry-provincialCoordinator'])('/cases?phase=later')).status).toBe(400);
  });
});
