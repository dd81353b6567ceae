import { flattenDossiers } from '../../domain/campaign';
import { generateCampaign, provinces } from '../../domain/generator';
import { saveCampaignRecords } from '../../store/saveCampaignRecords';
import { freshDatabase } from '../support/freshDatabase';
import { startHarness, type Harness } from '../support/harness';
import { waitFor } from '../support/waitFor';

/**
 * Every endpoint against every kind of caller: own agency, another agency of the same province,
 * the agency head, the provincial coordinator, discipline inspection, the same roles of another
 * province, and MIIT. Out of scope is 404 (the object is not revealed); in scope but not allowed
 * to act is 403.
 */
let db: Awaited<ReturnType<typeof freshDatabase>>;
let h: Harness;
const generated = generateCampaign({ seed: 44, enterprises: 120 });
const trader = generated.dataset.dossiers.find((d) => d.enterprise.types.join() === 'trading')!;
const home = provinces.find((p) => p.name === trader.enterprise.province)!;
const foreign = provinces.find((p) => p.name !== home.name)!;
const campaignId = 'c-authz';
const json = { 'content-type': 'application/json' };
let taxTask: string;
let caseId: string;

const callers = () => ({
  ownStaff: h.tokens[`${home.code}-tax-staff`],
  ownHead: h.tokens[`${home.code}-tax-agencyHead`],
  otherAgency: h.tokens[`${home.code}-commerce-staff`],
  coordinator: h.tokens[`${home.code}-industry-provincialCoordinator`],
  discipline: h.tokens[`${home.code}-disciplineInspection-disciplineInspection`],
  foreignStaff: h.tokens[`${foreign.code}-tax-staff`],
  foreignCoordinator: h.tokens[`${foreign.code}-industry-provincialCoordinator`],
  miit: h.tokens.miit,
});
type Caller = keyof ReturnType<typeof callers>;

beforeAll(async () => {
  db = await freshDatabase();
  h = await startHarness('authz', { databaseUrl: db.url });
  await saveCampaignRecords(h.prisma, flattenDossiers(generated.dataset.dossiers), { source: 'test', actor: 'test' });
  const started = await h.as(h.tokens.miit)('/campaigns', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ id: campaignId, name: 'authz', provinces: [home.name], enterprises: [trader.enterprise.code] }),
  });
  expect(started.status).toBe(201);
  const tasks = await waitFor('the trader tasks', async () => {
    const page = (await (await h.as(h.tokens.miit)('/tasks')).json()) as { items: { key: string; agency: string; caseId: string }[] };
    return page.items.length === 3 ? page.items : undefined;
  });
  taxTask = tasks.find((t) => t.agency === 'tax')!.key;
  caseId = tasks[0].caseId;
});
afterAll(async () => {
  await h.stop();
  await db.drop();
});

const status = async (caller: Caller, path: string, init?: RequestInit) => (await h.as(callers()[caller])(path, init)).status;

test.each<[Caller, number]>([
  ['ownStaff', 1],
  ['ownHead', 1],
  ['otherAgency', 1],
  ['coordinator', 3],
  ['discipline', 3],
  ['foreignStaff', 0],
  ['foreignCoordinator', 0],
  ['miit', 3],
])('GET /tasks as %s lists %i task(s)', async (caller, count) => {
  const page = (await (await h.as(callers()[caller])('/tasks')).json()) as { total: number };
  expect(page.total).toBe(count);
});

test.each<[Caller, number]>([
  ['ownStaff', 200],
  ['ownHead', 200],
  ['otherAgency', 404],
  ['coordinator', 200],
  ['discipline', 200],
  ['foreignStaff', 404],
  ['foreignCoordinator', 404],
  ['miit', 200],
])('GET /tasks/:key of the tax task as %s → %i', async (caller, expected) => {
  expect(await status(caller, `/tasks/${encodeURIComponent(taxTask)}`)).toBe(expected);
});

test.each<[Caller, number]>([
  ['otherAgency', 404],
  ['foreignStaff', 404],
  ['foreignCoordinator', 404],
  ['discipline', 403],
])('POST /tasks/:key/complete of the tax task as %s → %i', async (caller, expected) => {
  const res = await h.as(callers()[caller])(`/tasks/${encodeURIComponent(taxTask)}/complete`, { method: 'POST', headers: json, body: JSON.stringify({ completion: { findings: [] } }) });
  expect(res.status).toBe(expected);
});

test.each<[Caller, number]>([
  ['ownStaff', 200],
  ['discipline', 200],
  ['foreignStaff', 404],
  ['foreignCoordinator', 404],
  ['miit', 200],
])('GET /cases/:id as %s → %i', async (caller, expected) => {
  expect(await status(caller, `/cases/${encodeURIComponent(caseId)}`)).toBe(expected);
});

test.each<[Caller, number]>([
  ['ownStaff', 200],
  ['coordinator', 200],
  ['foreignCoordinator', 404],
  ['miit', 200],
])('GET the campaign progress as %s → %i', async (caller, expected) => {
  expect(await status(caller, `/campaigns/${campaignId}/provinces/${encodeURIComponent(home.name)}`)).toBe(expected);
});

test.each<[Caller, number]>([
  ['ownStaff', 403],
  ['coordinator', 403],
  ['foreignCoordinator', 404],
  ['miit', 202],
])('POST supervise as %s → %i (MIIT only)', async (caller, expected) => {
  const path = `/campaigns/${campaignId}/provinces/${encodeURIComponent(home.name)}/cases/${trader.enterprise.code}/supervise`;
  expect(await status(caller, path, { method: 'POST' })).toBe(expected);
});

test.each<[Caller, number]>([
  ['ownStaff', 403],
  ['discipline', 403],
  ['foreignCoordinator', 404],
])('POST add an enterprise to the campaign as %s → %i', async (caller, expected) => {
  const path = `/campaigns/${campaignId}/provinces/${encodeURIComponent(home.name)}/enterprises`;
  expect(await status(caller, path, { method: 'POST', headers: json, body: JSON.stringify({ code: trader.enterprise.code }) })).toBe(expected);
});

test.each<[Caller, number]>([
  ['ownStaff', 403],
  ['foreignCoordinator', 403],
])('POST /campaigns for another province or as staff as %s → %i', async (caller, expected) => {
  const res = await h.as(callers()[caller])('/campaigns', { method: 'POST', headers: json, body: JSON.stringify({ id: 'c-other', name: 'x', provinces: [home.name] }) });
  expect(res.status).toBe(expected);
});

test('own staff complete the task once; a retry with the same Idempotency-Key returns the first result; another completion is 409', async () => {
  const complete = (caller: Caller, key?: string) =>
    h.as(callers()[caller])(`/tasks/${encodeURIComponent(taxTask)}/complete`, {
      method: 'POST',
      headers: { ...json, ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify({ completion: { findings: [] } }),
    });
  const bad = await h.as(callers().ownStaff)(`/tasks/${encodeURIComponent(taxTask)}/complete`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ completion: { findings: [{ violation: 'Not A Code' }] } }),
  });
  expect(bad.status).toBe(400);
  const first = await complete('ownStaff', 'complete-tax-1');
  expect(first.status).toBe(200);
  const firstBody = await first.json();
  const retry = await complete('ownStaff', 'complete-tax-1');
  expect({ status: retry.status, body: await retry.json() }).toEqual({ status: 200, body: firstBody });
  const again = await complete('ownHead', 'complete-tax-2');
  expect(again.status).toBe(409);
  expect(await h.prisma.caseTask.findUniqueOrThrow({ where: { key: taxTask } })).toMatchObject({ status: 'completed', completedBy: `${home.code}-tax-staff@campaign.example` });
});
