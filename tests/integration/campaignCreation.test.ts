import { type EnterpriseDossier } from '../../domain/campaign';
import { calendar2014, phaseEnds } from '../../domain/campaignClock';
import { campaignWorkflowId, caseWorkflowId } from '../../domain/caseIds';
import { generateCampaign, provinces, type ProvinceInfo } from '../../demo/generator';
import { recordCampaign } from '../../store/campaigns';
import { progressQuery } from '../../workflows/campaignMessages';
import { useHarness } from '../support/harness';

/**
 * Creating a campaign through POST /campaigns: province names from the provinces table, nothing
 * written for a refused request, one campaign and one workflow per province whatever the
 * concurrency, 409 for other settings, and campaign ids namespaced between MIIT and the provinces.
 * Clocks are slow (0.001 campaign days a second) unless a test drives a campaign to its end, so no
 * assertion depends on how fast anything runs.
 */
const generated = generateCampaign({ seed: 23, enterprises: 80 });
const dossiers = generated.dataset.dossiers;
const [A, B] = provinces.filter((p) => dossiers.filter((d) => d.enterprise.province === p.name).length >= 3);
const codesOf = (p: ProvinceInfo) => dossiers.filter((d: EnterpriseDossier) => d.enterprise.province === p.name).map((d) => d.enterprise.code);
/** A province division the plan knows but the provinces table does not (no staff, nothing imported). */
const notOnFile = '西藏自治区';

// Unique per run: Temporal is shared with other test files.
const run = Date.now().toString(36);
const idOf = (name: string) => `${name}-${run}`;

const h = useHarness('campaigns', { dossiers: dossiers });
beforeAll(async () => {
}, 60_000);

const json = { 'content-type': 'application/json' };
const enc = encodeURIComponent;
const coordinator = (p: ProvinceInfo) => h.tokens[`${p.code}-industry-provincialCoordinator`];
interface Answer {
  status: number;
  body: Record<string, unknown>;
}
const post = async (token: string, path: string, body?: unknown): Promise<Answer> => {
  const res = await h.as(token)(path, { method: 'POST', headers: json, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const create = (token: string, body: Record<string, unknown>) => post(token, '/campaigns', body);
const campaignRow = (id: string) => h.prisma.campaign.findUnique({ where: { id } });
const workflowOf = (id: string, p: ProvinceInfo) => h.client.workflow.getHandle(campaignWorkflowId(id, p.name));
const exists = (id: string, p: ProvinceInfo) =>
  workflowOf(id, p)
    .describe()
    .then(() => true)
    .catch(() => false);
const slow = { daysPerSecond: 0.001 };

describe('province names come from the provinces table', () => {
  // Not a division's name at all is a malformed request (400); a division with nothing on file is a
  // well-formed one the provinces table refuses (422).
  it.each([
    ['a path', '../../x', 400],
    ['a name with CR/LF inside', '江西\r\n省', 400],
    ['a division with nothing on file', notOnFile, 422],
  ])('%s is refused before anything is written', async (_what, province, status) => {
    const id = idOf(`prov-${province.length}`);
    const answer = await create(h.tokens.miit, { id, name: 'x', provinces: [A.name, province], ...slow });
    expect(answer.status).toBe(status);
    expect(await campaignRow(id)).toBeNull();
    expect(await exists(id, A)).toBe(false);
  });

  test('a province listed twice is refused', async () => {
    const answer = await create(h.tokens.miit, { id: idOf('twice'), name: 'x', provinces: [A.name, A.name], ...slow });
    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid campaign' } });
  });
});

test('a campaign with an enterprise not on file writes nothing; corrected, it is created', async () => {
  const id = idOf('unknown-ent');
  const unknown = `91${A.code}0000MA00000000`;
  const refused = await create(h.tokens.miit, { id, name: 'x', provinces: [A.name], enterprises: [codesOf(A)[0], unknown], ...slow });
  expect(refused).toMatchObject({ status: 422, body: { details: [unknown] } });
  // An enterprise of a province the campaign does not cover is as unknown to it.
  expect(await create(h.tokens.miit, { id, name: 'x', provinces: [A.name], enterprises: [codesOf(B)[0]], ...slow })).toMatchObject({ status: 422 });
  expect(await campaignRow(id)).toBeNull();
  expect(await h.prisma.campaignProvince.count({ where: { campaignId: id } })).toBe(0);

  const created = await create(h.tokens.miit, { id, name: 'x', provinces: [A.name], enterprises: [codesOf(A)[0]], ...slow });
  expect(created).toMatchObject({ status: 201, body: { id, provinces: [{ province: A.name, enterprises: 1 }] } });
});

describe('one id, one campaign', () => {
  test('three identical concurrent requests: one 201, two 200, the same campaign and one workflow', async () => {
    const id = idOf('same');
    const body = { id, name: 'concurrent', provinces: [A.name, B.name], enterprises: [codesOf(A)[0], codesOf(B)[0]], ...slow };
    const answers = await Promise.all([1, 2, 3].map(() => create(h.tokens.miit, body)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    const [first] = answers;
    for (const a of answers) expect(a.body).toEqual(first.body);
    expect(await h.prisma.campaign.count({ where: { id } })).toBe(1);
    for (const p of [A, B]) {
      const progress = await workflowOf(id, p).query(progressQuery);
      expect(progress.phaseEnds).toEqual(first.body.phaseEnds);
      expect(progress.cases).toEqual([caseWorkflowId(id, p.name, codesOf(p)[0])]);
    }
  });

  test('three concurrent requests with different settings: one 201, two 409 naming what differs, and the workflow runs the stored settings', async () => {
    const id = idOf('differ');
    const answers = await Promise.all(
      [0.001, 0.002, 0.003].map((daysPerSecond) => create(h.tokens.miit, { id, name: 'concurrent', provinces: [A.name], enterprises: [codesOf(A)[0]], daysPerSecond })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    const winner = answers.find((a) => a.status === 201)!;
    const row = await h.prisma.campaign.findUniqueOrThrow({ where: { id } });
    expect(row.daysPerSecond).toBe(winner.body.daysPerSecond);
    for (const lost of answers.filter((a) => a.status === 409)) {
      expect(lost.body.error).toContain('daysPerSecond');
      expect(lost.body.details).toEqual([{ field: 'daysPerSecond', existing: row.daysPerSecond, requested: expect.any(Number) }]);
    }
    const progress = await workflowOf(id, A).query(progressQuery);
    expect(progress.phaseEnds).toEqual(winner.body.phaseEnds);
    expect(progress.phaseEnds).toEqual(phaseEnds(calendar2014, row.createdAt.getTime(), { kind: 'scaled', daysPerSecond: row.daysPerSecond! }));
  });

  test('a different request for an existing id is a 409 listing every differing setting, and starts nothing', async () => {
    const id = idOf('later');
    expect((await create(h.tokens.miit, { id, name: 'first', provinces: [A.name], enterprises: [codesOf(A)[0]], ...slow })).status).toBe(201);
    const calendar = { ...calendar2014, acceptance: { from: calendar2014.acceptance.from, to: '2015-04-30' } };
    const answer = await create(h.tokens.miit, { id, name: 'second', provinces: [A.name, B.name], calendar, enterprises: [codesOf(A)[1], codesOf(B)[0]], ...slow });
    expect(answer).toMatchObject({ status: 409 });
    expect((answer.body.details as { field: string }[]).map((d) => d.field)).toEqual(['name', 'calendar.acceptance.to']);
    // Same settings, other enterprises in A: nothing of the request is kept, not even B's part.
    const enterprises = await create(h.tokens.miit, { id, name: 'first', provinces: [A.name, B.name], enterprises: [codesOf(A)[1], codesOf(B)[0]], ...slow });
    expect(enterprises).toMatchObject({ status: 409, body: { details: [{ field: `enterprises of ${A.name}`, existing: [codesOf(A)[0]], requested: [codesOf(A)[1]] }] } });
    expect(await h.prisma.campaignProvince.findMany({ where: { campaignId: id }, select: { provinceName: true } })).toEqual([{ provinceName: A.name }]);
    expect(await exists(id, B)).toBe(false);
    // Omitting enterprises asks for every one on file: another request than a list.
    expect(await create(h.tokens.miit, { id, name: 'first', provinces: [A.name], ...slow })).toMatchObject({ status: 409 });
    // Adding a province with the campaign's settings starts that province's part.
    const added = await create(h.tokens.miit, { id, name: 'first', provinces: [A.name, B.name], enterprises: [codesOf(A)[0], codesOf(B)[0]], ...slow });
    expect(added).toMatchObject({ status: 201, body: { provinces: [{ province: A.name }, { province: B.name }] } });
    expect((await workflowOf(id, B).query(progressQuery)).phaseEnds).toEqual(added.body.phaseEnds);
  });

  test('a retry after a crash between the recorded campaign and its workflow starts the workflow with the recorded settings', async () => {
    const id = idOf('crash');
    // What POST /campaigns had written when the process died: the rows, no workflow.
    await recordCampaign(h.prisma, {
      id,
      name: 'crashed',
      calendar: calendar2014,
      daysPerSecond: 0.001,
      provinces: [{ province: A.name, enterpriseCodes: [codesOf(A)[0]] }],
      by: 'national-miit-miitCoordinator@campaign.example',
      mayCreate: true,
    });
    expect(await exists(id, A)).toBe(false);
    const retried = await create(h.tokens.miit, { id, name: 'crashed', provinces: [A.name], enterprises: [codesOf(A)[0]], ...slow });
    expect(retried.status).toBe(200);
    const row = await h.prisma.campaign.findUniqueOrThrow({ where: { id } });
    const recorded = phaseEnds(calendar2014, row.createdAt.getTime(), { kind: 'scaled', daysPerSecond: 0.001 });
    expect(retried.body.phaseEnds).toEqual(recorded);
    expect((await workflowOf(id, A).query(progressQuery)).phaseEnds).toEqual(recorded);
  });

  test('a campaign that has closed is not started again, and takes no more changes', async () => {
    const id = idOf('closed');
    const [code] = codesOf(A);
    // 100,000 campaign days a second: the whole calendar passes at once, boundary reports included.
    const body = { id, name: 'over', provinces: [A.name], enterprises: [code], daysPerSecond: 100_000 };
    expect((await create(h.tokens.miit, body)).status).toBe(201);
    const handle = workflowOf(id, A);
    expect((await handle.result()).phase).toBe('closed');
    const { runId } = await handle.describe();
    expect(await create(h.tokens.miit, body)).toMatchObject({ status: 200 });
    expect(await handle.describe()).toMatchObject({ runId, status: { name: 'COMPLETED' } });
    const where = `/campaigns/${id}/provinces/${enc(A.name)}`;
    expect(await post(h.tokens.miit, `${where}/cases/${code}/supervise`)).toMatchObject({ status: 409 });
    expect(await post(h.tokens.miit, `${where}/enterprises`, { code: codesOf(A)[1] })).toMatchObject({ status: 409 });
  });
});

describe('supervision and added enterprises need a campaign, a province and a case that exist', () => {
  const id = idOf('supervise');
  const [listed, unlisted] = codesOf(A);
  const where = (campaign: string, p: ProvinceInfo) => `/campaigns/${campaign}/provinces/${enc(p.name)}`;
  beforeAll(async () => {
    expect((await create(h.tokens.miit, { id, name: 'supervision', provinces: [A.name], enterprises: [listed], ...slow })).status).toBe(201);
  });

  test('a missing campaign is a 404, for supervision and for adding an enterprise', async () => {
    expect(await post(h.tokens.miit, `${where(idOf('nosuch'), A)}/cases/${listed}/supervise`)).toEqual({ status: 404, body: { error: 'campaign not found' } });
    expect(await post(h.tokens.miit, `${where(idOf('nosuch'), A)}/enterprises`, { code: listed })).toEqual({ status: 404, body: { error: 'campaign not found' } });
    // The campaign exists, but not in B.
    expect(await post(h.tokens.miit, `${where(id, B)}/cases/${codesOf(B)[0]}/supervise`)).toEqual({ status: 404, body: { error: 'campaign not found' } });
    expect(await post(h.tokens.miit, `${where(id, B)}/enterprises`, { code: codesOf(B)[0] })).toEqual({ status: 404, body: { error: 'campaign not found' } });
  });

  test('an enterprise without a case in the campaign is a 404 and nothing is supervised', async () => {
    for (const code of [unlisted, codesOf(B)[0]]) {
      expect(await post(h.tokens.miit, `${where(id, A)}/cases/${code}/supervise`)).toMatchObject({ status: 404, body: { error: expect.stringContaining('case not found') } });
    }
    expect((await workflowOf(id, A).query(progressQuery)).supervised).toEqual([]);
  });

  test('a listed case is supervised', async () => {
    expect(await post(h.tokens.miit, `${where(id, A)}/cases/${listed}/supervise`)).toEqual({ status: 202, body: { caseId: caseWorkflowId(id, A.name, listed), supervised: true } });
  });
});

describe('who creates which campaign id', () => {
  test('a provincial coordinator cannot create a national campaign id', async () => {
    const id = idOf('national');
    const answer = await create(coordinator(A), { id, name: 'x', provinces: [A.name], ...slow });
    expect(answer).toMatchObject({ status: 403, body: { error: expect.stringContaining('only MIIT creates a national campaign') } });
    expect(await campaignRow(id)).toBeNull();
    expect(await exists(id, A)).toBe(false);
  });

  test("a province's own id is its coordinator's; MIIT's later request with another calendar is a 409 naming the creator", async () => {
    const id = `${A.code}-own-${run}`;
    const calendar = { ...calendar2014, selfInspection: { from: '2014-10-10', to: '2014-11-30' }, rectification: { from: '2014-12-01', to: '2015-01-31' } };
    const own = await create(coordinator(A), { id, name: 'provincial', provinces: [A.name], calendar, enterprises: [codesOf(A)[0]], ...slow });
    expect(own).toMatchObject({ status: 201, body: { createdBy: `${A.code}-industry-provincialCoordinator@campaign.example` } });

    const miit = await create(h.tokens.miit, { id, name: 'provincial', provinces: [A.name], enterprises: [codesOf(A)[0]], ...slow });
    expect(miit).toMatchObject({ status: 409, body: { error: expect.stringContaining(`created by ${A.code}-industry-provincialCoordinator@campaign.example`) } });
    expect((miit.body.details as { field: string }[]).map((d) => d.field)).toEqual(['calendar.selfInspection.to', 'calendar.rectification.from']);
    // The same settings: MIIT gets the campaign as it is, its creator named.
    expect(await create(h.tokens.miit, { id, name: 'provincial', provinces: [A.name], calendar, enterprises: [codesOf(A)[0]], ...slow })).toMatchObject({
      status: 200,
      body: { createdBy: `${A.code}-industry-provincialCoordinator@campaign.example`, calendar },
    });
  });

  test("a province's own id covers that province alone", async () => {
    for (const [token, ps] of [
      [h.tokens.miit, [A.name, B.name]],
      [coordinator(B), [B.name]],
    ] as const) {
      const answer = await create(token, { id: `${A.code}-alone-${run}`, name: 'x', provinces: ps, ...slow });
      expect(answer).toMatchObject({ status: 422, body: { error: expect.stringContaining(`${A.name}'s own campaign`) } });
    }
    expect(await campaignRow(`${A.code}-alone-${run}`)).toBeNull();
  });

  test("a coordinator starts their province's part of MIIT's national campaign with its settings, on its clock", async () => {
    const id = idOf('join');
    const national = await create(h.tokens.miit, { id, name: 'national', provinces: [A.name], enterprises: [codesOf(A)[0]], ...slow });
    expect(national.status).toBe(201);
    const other = await create(coordinator(B), { id, name: 'national', provinces: [B.name], enterprises: [codesOf(B)[0]], daysPerSecond: 5 });
    expect(other).toMatchObject({ status: 409, body: { details: [{ field: 'daysPerSecond', existing: 0.001, requested: 5 }] } });
    const joined = await create(coordinator(B), { id, name: 'national', provinces: [B.name], enterprises: [codesOf(B)[0]], ...slow });
    expect(joined).toMatchObject({ status: 201, body: { createdBy: 'national-miit-miitCoordinator@campaign.example', phaseEnds: national.body.phaseEnds } });
    expect((await workflowOf(id, B).query(progressQuery)).phaseEnds).toEqual(national.body.phaseEnds);
  });
});
