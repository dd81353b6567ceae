import type { PhaseEnds } from '../../domain/campaignClock';
import type { CasePhase } from '../../domain/enums';
import { generateCampaign } from '../../demo/generator';
import { searchAttributes } from '../../workflows/searchAttributes';
import type { CaseView } from '../../workflows/caseMessages';
import { cleanTrader, enterprisesOf, problemMine, provincesWith } from '../support/enterprises';
import { tasksOf, useHarness } from '../support/harness';
import { recordHistory } from '../support/histories';
import { calendarFromToday, enterPhase } from '../support/phases';
import { waitFor } from '../support/waitFor';

/**
 * A campaign in real time, its calendar days ahead so that no task falls due during the test, run by
 * the real worker and completed through the API as agency staff would. The test moves the cases
 * from phase to phase with the signal the campaign sends at its boundaries: no clock to race.
 */
const generated = generateCampaign({ seed: 21, enterprises: 120 });
const [inProvince] = provincesWith(generated, [problemMine, cleanTrader]);
const { name: province, code: provinceCode } = inProvince;
const [theMine] = enterprisesOf(generated, problemMine, inProvince);
const [theTrader] = enterprisesOf(generated, cleanTrader, inProvince);
const calendar = calendarFromToday();
let phaseEnds: PhaseEnds;

const h = useHarness('cases', { dossiers: generated.dataset.dossiers });

const complete = (token: string, key: string, completion: unknown) =>
  h.as(token)(`/tasks/${encodeURIComponent(key)}/complete`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ completion }) });
const staff = (agency: string) => h.tokens[`${provinceCode}-${agency}-staff`];
const openFor = (token: string) => tasksOf(h, token, { status: 'open' });
const enter = async (phase: Exclude<CasePhase, 'selfInspection'>, ...caseIds: string[]) => {
  for (const caseId of caseIds) await enterPhase(h, phaseEnds, caseId, phase);
};

test('a problem mine and a clean trader go through self-inspection, rectification and acceptance', async () => {
  const created = await h.as(h.tokens.miit)('/campaigns', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: 'c2014-test',
      name: '2014 专项行动 (test)',
      provinces: [province],
      calendar,
      enterprises: [theMine.enterprise.code, theTrader.enterprise.code],
    }),
  });
  expect(created.status).toBe(201);
  phaseEnds = ((await created.json()) as { phaseEnds: PhaseEnds }).phaseEnds;
  const mineCase = `case/c2014-test/${province}/${theMine.enterprise.code}`;
  const traderCase = `case/c2014-test/${province}/${theTrader.enterprise.code}`;

  // Self-inspection: the routing table decides who checks what.
  const selfInspection = await waitFor('self-inspection tasks', async () => {
    const all = await openFor(h.tokens.miit);
    return all.filter((t) => t.kind === 'verification').length === 8 ? all : undefined;
  });
  const agenciesOf = (caseId: string) => selfInspection.filter((t) => t.caseId === caseId).map((t) => t.agency).sort();
  expect(agenciesOf(mineCase)).toEqual(['environment', 'industry', 'landResources', 'tax', 'workSafety']);
  expect(agenciesOf(traderCase)).toEqual(['commerce', 'industry', 'tax']);

  for (const task of selfInspection) {
    const findings = task.caseId === mineCase && task.agency === 'landResources' ? [{ violation: 'illegalMining', amounts: { illegalGainsFen: 12_345_600 } }] : [];
    const res = await complete(staff(task.agency), task.key, { findings });
    expect({ status: res.status, body: await res.json() }).toMatchObject({ status: 200 });
  }

  // The problem mine gets a handling plan from the industry department; the clean trader none.
  const plan = await waitFor('the handling plan task', async () => (await openFor(staff('industry'))).find((t) => t.kind === 'handlingPlan'));
  expect(plan.caseId).toBe(mineCase);
  const planned = await complete(staff('industry'), plan.key, {
    annex2Verified: true,
    dispositions: [
      { disposition: 'closeIllegalSite', agencyKind: 'landResources', dueDate: '2015-01-15' },
      { disposition: 'fine', agencyKind: 'landResources', dueDate: '2015-01-15' },
    ],
    note: '取缔非法开采点并处罚款',
  });
  const plannedBody = await planned.json();
  expect({ status: planned.status, body: plannedBody }).toEqual({ status: 200, body: expect.objectContaining({ taskKey: plan.key }) });

  // Rectification: one task per disposition, for the agency responsible.
  await enter('rectification', mineCase, traderCase);
  const dispositionTasks = await waitFor('the disposition tasks', async () => {
    const open = (await openFor(staff('landResources'))).filter((t) => t.kind === 'disposition');
    return open.length === 2 ? open : undefined;
  });
  const closure = dispositionTasks.find((t) => t.key.endsWith('/closeIllegalSite'))!;
  const fine = dispositionTasks.find((t) => t.key.endsWith('/fine'))!;
  // Closing the site is proved by its document alone.
  expect((await complete(staff('landResources'), closure.key, { documentNo: '赣国土执〔2014〕1号' })).status).toBe(200);
  // A fine states how much: the task says so before, and the API refuses a completion without it.
  expect(((await (await h.as(staff('landResources'))(`/tasks/${encodeURIComponent(fine.key)}`)).json()) as { title: string }).title).toContain('罚款金额');
  const noSum = await complete(staff('landResources'), fine.key, { documentNo: '赣国土罚〔2014〕2号' });
  expect({ status: noSum.status, body: await noSum.json() }).toEqual({
    status: 422,
    body: { error: 'invalid completion', details: [{ path: 'amounts.fineFen', message: expect.stringMatching(/^予以处罚（罚款）：须写明罚款金额.* \/ Fine: the completion must state the fine .*\[amounts\.fineFen\]$/) }] },
  });
  expect((await complete(staff('landResources'), fine.key, { documentNo: '赣国土罚〔2014〕2号', amounts: { fineFen: 50_000_000 } })).status).toBe(200);

  // Acceptance: each disposition is verified.
  await enter('acceptance', mineCase, traderCase);
  const acceptances = await waitFor(
    'the acceptance tasks',
    async () => {
      const open = (await openFor(staff('industry'))).filter((t) => t.kind === 'acceptance');
      return open.length === 2 ? open : undefined;
    },
    30_000,
  );
  expect((await complete(staff('industry'), acceptances.find((t) => t.key.endsWith('-fine'))!.key, { accepted: true })).status).toBe(200);
  // Not accepted: the reason and a new completion date send the disposition back to its agency.
  const refused = await complete(staff('industry'), acceptances.find((t) => t.key.endsWith('-closeIllegalSite'))!.key, {
    accepted: false,
    reason: '矿点尚未复绿 site not yet restored',
    newCompletionDate: '2015-06-30',
  });
  expect(refused.status).toBe(200);
  const again = await waitFor('the disposition again', async () => (await openFor(staff('landResources'))).find((t) => t.kind === 'disposition'));
  expect(again.key).toContain('/round-1');
  expect((await complete(staff('landResources'), again.key, { documentNo: '赣国土执〔2015〕7号' })).status).toBe(200);
  const reacceptance = await waitFor('the second acceptance', async () => (await openFor(staff('industry'))).find((t) => t.kind === 'acceptance'));
  expect((await complete(staff('industry'), reacceptance.key, { accepted: true })).status).toBe(200);

  // Both cases close after the campaign's end.
  await enter('closed', mineCase, traderCase);
  for (const caseId of [mineCase, traderCase]) {
    const result = (await h.client.workflow.getHandle(caseId).result()) as CaseView;
    expect(result.phase).toBe('closed');
    expect(result.status).toBe('closed');
  }
  const mine = (await h.client.workflow.getHandle(mineCase).result()) as CaseView;
  const kinds = mine.timeline.map((e) => e.kind);
  expect(kinds.filter((k) => k === 'phaseChanged')).toHaveLength(3);
  expect(kinds).toEqual(expect.arrayContaining(['caseOpened', 'rulesChecked', 'taskCreated', 'taskCompleted', 'finding', 'disposition']));
  expect(mine.tasks.every((t) => t.status === 'completed')).toBe(true);

  const description = await h.client.workflow.getHandle(mineCase).describe();
  expect(description.typedSearchAttributes.get(searchAttributes.CasePhase)).toBe('closed');
  expect(description.typedSearchAttributes.get(searchAttributes.Province)).toBe(province);
  expect(description.typedSearchAttributes.get(searchAttributes.Violations)).toEqual(expect.arrayContaining(['illegalMining']));

  // Recorded histories (see tests/support/histories.ts).
  recordHistory('enterpriseCase-problemMine', mineCase);
  recordHistory('enterpriseCase-cleanTrader', traderCase);

  const findings = await h.prisma.caseFinding.findMany({ where: { caseId: mineCase } });
  expect(findings.map((f) => [f.violation, f.agencyKind, f.amounts])).toEqual([['illegalMining', 'landResources', { illegalGainsFen: 12_345_600 }]]);
  const dispositions = await h.prisma.caseDisposition.findMany({ where: { caseId: mineCase }, orderBy: { disposition: 'asc' } });
  expect(dispositions.map((d) => [d.disposition, d.agencyKind, d.status, d.unfinishedReason])).toEqual([
    ['closeIllegalSite', 'landResources', 'accepted', '矿点尚未复绿 site not yet restored'],
    ['fine', 'landResources', 'accepted', null],
  ]);
  expect(dispositions[1].result).toMatchObject({ amounts: { fineFen: 50_000_000 } });
}, 90_000);
