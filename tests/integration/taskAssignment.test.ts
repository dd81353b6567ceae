import { generateCampaign, provinces } from '../../demo/generator';
import type { StoredMail } from '../../platform/mailSink';
import { caseViewQuery } from '../../workflows/caseMessages';
import { cleanTrader } from '../support/enterprises';
import { useHarness, type TaskRow } from '../support/harness';
import { services } from '../support/services';
import { waitFor } from '../support/waitFor';

/**
 * Handing a task to one person: who may, to whom, and where the reminder of the escalation ladder
 * then goes. The campaign runs at 2 campaign days a second, so a task due in 20 days reminds 3 days
 * before (8.5 s): time enough to assign it first.
 */
const generated = generateCampaign({ seed: 58, enterprises: 120 });
const [trader] = generated.dataset.dossiers.filter(cleanTrader(generated));
const province = provinces.find((p) => p.name === trader.enterprise.province)!;
const elsewhere = provinces.find((p) => p !== province)!;

const h = useHarness('assignment', { dossiers: generated.dataset.dossiers });

const json = { 'content-type': 'application/json' };
const who = (agency: string, role: string, p = province) => `${p.code}-${agency}-${role}`;
const token = (agency: string, role: string, p = province) => h.tokens[who(agency, role, p)];
const assign = (as: string, key: string, body: unknown) => h.as(as)(`/tasks/${encodeURIComponent(key)}/assign`, { method: 'POST', headers: json, body: JSON.stringify(body) });
const answer = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> });

test('an agency head, the provincial coordinator or MIIT assigns a task to one of its agency, whose reminder then goes to them', async () => {
  const campaignId = 'c-assignment';
  const start = await h.as(h.tokens.miit)('/campaigns', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ id: campaignId, name: 'assignment test', provinces: [province.name], daysPerSecond: 2, enterprises: [trader.enterprise.code] }),
  });
  expect(start.status).toBe(201);
  const tasks = await waitFor('three self-inspection tasks', async () => {
    const page = (await (await h.as(h.tokens.miit)('/tasks?status=open')).json()) as { items: TaskRow[] };
    return page.items.length === 3 ? page.items : undefined;
  });
  const task = tasks.find((t) => t.agency === 'tax')!;
  expect(task.assignee).toBeNull();
  // The other agencies finish at once, so the only reminder due is the tax task's.
  for (const other of tasks.filter((t) => t !== task)) {
    const done = await h.as(token(other.agency, 'staff'))(`/tasks/${encodeURIComponent(other.key)}/complete`, { method: 'POST', headers: json, body: JSON.stringify({ completion: { findings: [] } }) });
    expect(done.status).toBe(200);
  }

  // Whoever may not see the task learns nothing about it: the same 404 as a task that does not exist.
  const missing = await answer(await assign(token('tax', 'agencyHead'), `${task.key}-nonexistent`, { staffId: who('tax', 'staff') }));
  expect(missing.status).toBe(404);
  for (const foreign of [token('industry', 'agencyHead'), token('tax', 'agencyHead', elsewhere), token('industry', 'provincialCoordinator', elsewhere)]) {
    expect(await answer(await assign(foreign, task.key, { staffId: who('tax', 'staff') }))).toEqual(missing);
  }
  // Those who see it but do not lead the agency or the province may not hand it out.
  for (const onlySees of [token('tax', 'staff'), token('disciplineInspection', 'disciplineInspection')]) {
    expect((await assign(onlySees, task.key, { staffId: who('tax', 'staff') })).status).toBe(403);
  }

  // The assignee must belong to the agency the task is routed to, in its province.
  // Whether the id is of someone elsewhere or of nobody, the answer is the same but for the id
  // itself: an agency head cannot probe which staff ids exist in other agencies or provinces.
  const refusals = new Set<string>();
  for (const stranger of [who('commerce', 'staff'), who('tax', 'staff', elsewhere), who('disciplineInspection', 'disciplineInspection'), 'nobody-at-all']) {
    const refused = await answer(await assign(token('tax', 'agencyHead'), task.key, { staffId: stranger }));
    expect(refused).toMatchObject({ status: 422, body: { error: expect.stringContaining(`${province.name}税务部门 (Tax)`), details: [{ path: 'staffId' }] } });
    refusals.add(JSON.stringify(refused).replaceAll(stranger, '<id>'));
  }
  expect(refusals.size).toBe(1);
  expect((await assign(token('tax', 'agencyHead'), task.key, { staffId: 42 })).status).toBe(400);
  expect((await assign(token('tax', 'agencyHead'), task.key, {})).status).toBe(400);

  // Each of the three may assign; the last word counts.
  const byHead = await answer(await assign(token('tax', 'agencyHead'), task.key, { staffId: who('tax', 'staff') }));
  expect(byHead).toMatchObject({ status: 200, body: { key: task.key, assignee: { staffId: who('tax', 'staff'), email: `${who('tax', 'staff')}@campaign.example` } } });
  expect((await assign(h.tokens.miit, task.key, { staffId: null })).status).toBe(200);
  const byCoordinator = await answer(await assign(token('industry', 'provincialCoordinator'), task.key, { staffId: who('tax', 'agencyHead') }));
  expect(byCoordinator).toMatchObject({ status: 200, body: { assignee: { staffId: who('tax', 'agencyHead') } } });

  // `assignee=me` lists what was handed to me, and nothing handed to someone else.
  const mine = async (as: string) => ((await (await h.as(as)('/tasks?assignee=me')).json()) as { items: TaskRow[] }).items.map((t) => t.key);
  expect(await mine(token('tax', 'agencyHead'))).toEqual([task.key]);
  expect(await mine(token('tax', 'staff'))).toEqual([]);
  expect((await h.as(token('tax', 'staff'))('/tasks?assignee=someone')).status).toBe(403);
  const detail = (await (await h.as(token('tax', 'staff'))(`/tasks/${encodeURIComponent(task.key)}`)).json()) as TaskRow;
  expect(detail.assignee).toMatchObject({ staffId: who('tax', 'agencyHead') });

  // The reminder goes to the assignee, not to the agency's staff at large.
  const reminder = await waitFor(
    'the reminder',
    async () => ((await (await fetch(`${services().mailboxUrl}/messages`)).json()) as StoredMail[]).find((m) => m.text.includes(trader.enterprise.code) && m.subject.includes('任务即将到期提醒')),
    20_000,
  );
  expect(reminder.to).toEqual([`${who('tax', 'agencyHead')}@campaign.example`]);
  expect(reminder.text).toContain('税务部门');
  // The case's timeline names whom the reminder went to, not whom the ladder addressed.
  const timeline = await waitFor('the reminder in the timeline', async () => {
    const view = await h.client.workflow.getHandle(task.caseId).query(caseViewQuery);
    return view.timeline.find((e) => e.kind === 'escalation' && e.taskKey === task.key);
  });
  expect(timeline.summary).toBe(`reminder: ${who('tax', 'agencyHead')}@campaign.example`);
  expect(timeline.detail).toEqual({ step: 'reminder', to: [`${who('tax', 'agencyHead')}@campaign.example`] });

  // A task no longer open is not handed out.
  const done = await h.as(token('tax', 'agencyHead'))(`/tasks/${encodeURIComponent(task.key)}/complete`, { method: 'POST', headers: json, body: JSON.stringify({ completion: { findings: [] } }) });
  expect(done.status).toBe(200);
  await waitFor('the completion on record', async () => (await h.prisma.caseTask.findUnique({ where: { key: task.key } }))?.status === 'completed' || undefined);
  expect((await assign(token('tax', 'agencyHead'), task.key, { staffId: who('tax', 'staff') })).status).toBe(409);
}, 60_000);
