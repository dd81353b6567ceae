import { flattenDossiers } from '../../domain/campaign';
import { generateCampaign, provinces } from '../../domain/generator';
import type { StoredMail } from '../../platform/mailSink';
import { saveCampaignRecords } from '../../store/saveCampaignRecords';
import { freshDatabase } from '../support/freshDatabase';
import { startHarness, type Harness } from '../support/harness';
import { services } from '../support/services';
import { waitFor } from '../support/waitFor';

/**
 * The escalation ladder on a fast clock (10 campaign days a second): a task due in 20 campaign days
 * reminds its assignee 3 days before (1.7 s), tells the agency head at the due time (2 s) and
 * discipline inspection 7 days later (2.7 s).
 */
let db: Awaited<ReturnType<typeof freshDatabase>>;
let h: Harness;
const generated = generateCampaign({ seed: 33, enterprises: 120 });
const trader = generated.dataset.dossiers.find((d) => d.enterprise.types.join() === 'trading' && !generated.manifest.has(d.enterprise.code))!;
const province = provinces.find((p) => p.name === trader.enterprise.province)!;

beforeAll(async () => {
  db = await freshDatabase();
  h = await startHarness('escalation', { databaseUrl: db.url, caseSettings: { scale: { kind: 'realtime' }, taskDueDays: 20, reminderBeforeDays: 3, graceDays: 7 } });
  await saveCampaignRecords(h.prisma, flattenDossiers(generated.dataset.dossiers), { source: 'test', actor: 'test' });
});
afterAll(async () => {
  await h.stop();
  await db.drop();
});

const mailAbout = async (code: string) =>
  ((await (await fetch(`${services().mailboxUrl}/messages`)).json()) as StoredMail[]).filter((m) => m.text.includes(code));
const address = (agency: string, role: string) => `${province.code}-${agency}-${role}@campaign.example`;

test('a late task escalates to its assignee, the agency head and discipline inspection, once each, until it is done', async () => {
  const json = { 'content-type': 'application/json' };
  const campaignId = 'c-escalation';
  const start = await h.as(h.tokens.miit)('/campaigns', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ id: campaignId, name: 'escalation test', provinces: [province.name], daysPerSecond: 10, enterprises: [trader.enterprise.code] }),
  });
  expect(start.status).toBe(201);
  // 挂牌督办: MIIT is copied on every escalation of a supervised case.
  const supervise = await h.as(h.tokens.miit)(`/campaigns/${campaignId}/provinces/${encodeURIComponent(province.name)}/cases/${trader.enterprise.code}/supervise`, { method: 'POST' });
  expect(supervise.status).toBe(202);

  const tasks = await waitFor('three self-inspection tasks', async () => {
    const page = (await (await h.as(h.tokens.miit)('/tasks?status=open')).json()) as { items: { key: string; agency: string }[] };
    return page.items.length === 3 ? page.items : undefined;
  });
  const late = tasks.find((t) => t.agency === 'tax')!;
  for (const task of tasks.filter((t) => t !== late)) {
    const done = await h.as(h.tokens[`${province.code}-${task.agency}-staff`])(`/tasks/${encodeURIComponent(task.key)}/complete`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ completion: { findings: [] } }),
    });
    expect(done.status).toBe(200);
  }

  const ladder = await waitFor('three escalation emails', async () => {
    const mails = await mailAbout(trader.enterprise.code);
    return mails.length >= 3 ? mails : undefined;
  }, 20_000);
  const miit = 'national-miit-miitCoordinator@campaign.example';
  expect(ladder.map((m) => ({ to: m.to, cc: [...m.cc].sort() }))).toEqual([
    { to: [address('tax', 'staff')], cc: [miit] },
    { to: [address('tax', 'agencyHead')], cc: [address('tax', 'staff'), miit].sort() },
    { to: [address('disciplineInspection', 'disciplineInspection')], cc: [address('tax', 'agencyHead'), miit].sort() },
  ]);
  expect(ladder[0].subject).toContain('任务即将到期提醒');
  expect(ladder[1].subject).toContain('任务逾期');
  expect(ladder[2].subject).toContain('纪检监察');
  expect(ladder[2].text).toContain(trader.enterprise.name);
  expect(ladder[2].text).toContain('税务部门');
  expect(ladder[2].text).toContain('办理期限 Due');

  // The overdue task shows as such, to the staff and in the Web UI's search attributes.
  const overdue = (await (await h.as(h.tokens[`${province.code}-tax-staff`])('/tasks?overdue=true')).json()) as { items: { key: string }[] };
  expect(overdue.items.map((t) => t.key)).toEqual([late.key]);

  const done = await h.as(h.tokens[`${province.code}-tax-staff`])(`/tasks/${encodeURIComponent(late.key)}/complete`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ completion: { findings: [] } }),
  });
  expect(done.status).toBe(200);
  // Completing the task stops its ladder: nothing more arrives, however long we wait.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(await mailAbout(trader.enterprise.code)).toHaveLength(3);
  expect(await h.prisma.outboundEmail.count({ where: { key: { startsWith: late.key } } })).toBe(3);
}, 60_000);
