import { generateCampaign, provinces } from '../../demo/generator';
import type { StoredMail } from '../../platform/mailSink';
import { agencyLabels, bilingual } from '../../domain/labels';
import { phaseChangedSignal, type CaseView } from '../../workflows/caseMessages';
import { cleanTrader } from '../support/enterprises';
import { useHarness } from '../support/harness';
import { recordHistory } from '../support/histories';
import { services } from '../support/services';
import { waitFor } from '../support/waitFor';

/**
 * A coordinator withdraws a task issued in error. At 4 campaign days a second a task is due in 5 s
 * and reminds 0.75 s before: the cancelled task's ladder must stay silent, while the case moves on
 * as if the task were done. The test closes the case itself: a case closes only once every ladder
 * has ended, so a ladder still running would send its emails before the result arrives.
 */
const generated = generateCampaign({ seed: 91, enterprises: 120 });
const [trader] = generated.dataset.dossiers.filter(cleanTrader(generated));
const province = provinces.find((p) => p.name === trader.enterprise.province)!;
const elsewhere = provinces.find((p) => p !== province)!;
const campaignId = 'c-cancel';
const caseId = `case/${campaignId}/${province.name}/${trader.enterprise.code}`;

const h = useHarness('cancellation', { dossiers: generated.dataset.dossiers });

const json = { 'content-type': 'application/json' };
const token = (agency: string, role: string, p = province) => h.tokens[`${p.code}-${agency}-${role}`];
const post = (as: string, path: string, body: unknown) => h.as(as)(path, { method: 'POST', headers: json, body: JSON.stringify(body) });
const answer = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> });
/** Escalation emails name the enterprise and the agency responsible: the commerce task's must not come. */
const mailAboutTheCommerceTask = async () =>
  ((await (await fetch(`${services().mailboxUrl}/messages`)).json()) as StoredMail[]).filter(
    (m) => m.text.includes(trader.enterprise.code) && m.text.includes(`承办部门 Responsible agency: ${bilingual(agencyLabels.commerce)}`),
  );

test('a cancelled task takes no completion, escalates no further, and does not hold the case up', async () => {
  const start = await post(h.tokens.miit, '/campaigns', { id: campaignId, name: 'cancellation test', provinces: [province.name], daysPerSecond: 4, enterprises: [trader.enterprise.code] });
  expect(start.status).toBe(201);
  const tasks = await waitFor('three self-inspection tasks', async () => {
    const page = (await (await h.as(h.tokens.miit)('/tasks?status=open')).json()) as { items: { key: string; agency: string }[] };
    return page.items.length === 3 ? page.items : undefined;
  });
  const commerce = tasks.find((t) => t.agency === 'commerce')!;
  const cancelPath = `/tasks/${encodeURIComponent(commerce.key)}/cancel`;

  expect((await post(token('commerce', 'staff'), cancelPath, { reason: 'x' })).status).toBe(403);
  const missing = await answer(await post(token('industry', 'provincialCoordinator', elsewhere), `/tasks/${encodeURIComponent(`${commerce.key}-none`)}/cancel`, { reason: 'x' }));
  expect(await answer(await post(token('industry', 'provincialCoordinator', elsewhere), cancelPath, { reason: 'x' }))).toEqual(missing);
  expect((await post(token('industry', 'provincialCoordinator'), cancelPath, { reason: '  ' })).status).toBe(400);

  const cancelled = await answer(await post(token('industry', 'provincialCoordinator'), cancelPath, { reason: '该企业不从事商贸流通 not a commerce matter' }));
  expect(cancelled).toMatchObject({ status: 200, body: { taskKey: commerce.key, cancelledBy: expect.stringContaining('@') } });
  expect((await h.prisma.caseTask.findUniqueOrThrow({ where: { key: commerce.key } })).status).toBe('cancelled');

  const late = await answer(await post(token('commerce', 'staff'), `/tasks/${encodeURIComponent(commerce.key)}/complete`, { completion: { findings: [] } }));
  expect(late).toEqual({ status: 409, body: { error: `task ${commerce.key} is cancelled` } });
  expect((await post(token('industry', 'provincialCoordinator'), cancelPath, { reason: 'again' })).status).toBe(409);

  for (const other of tasks.filter((t) => t !== commerce)) {
    const done = await post(token(other.agency, 'staff'), `/tasks/${encodeURIComponent(other.key)}/complete`, { completion: { findings: [] } });
    expect(done.status).toBe(200);
  }
  const handle = h.client.workflow.getHandle(caseId);
  for (const phase of ['rectification', 'acceptance', 'closed'] as const) await handle.signal(phaseChangedSignal, { phase });
  const view = (await handle.result()) as CaseView;
  expect(view.status).toBe('closed');
  expect(await mailAboutTheCommerceTask()).toEqual([]);

  expect(view.tasks.find((t) => t.key === commerce.key)?.status).toBe('cancelled');
  expect(view.timeline.filter((e) => e.kind === 'taskCancelled')).toEqual([
    expect.objectContaining({ taskKey: commerce.key, summary: expect.stringContaining('not a commerce matter') }),
  ]);
  // A clean trader with every check done or withdrawn needs no handling plan.
  expect(view.tasks.some((t) => t.kind === 'handlingPlan')).toBe(false);
  recordHistory('enterpriseCase-cancelled', caseId);
}, 60_000);
