import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { generateCampaign, provinces } from '../../demo/generator';
import type { StoredMail } from '../../platform/mailSink';
import { projectRoot } from '../../platform/projectRoot';
import { startAutopilot } from '../../scripts/lib/autopilot';
import type { CaseView } from '../../workflows/caseMessages';
import { useHarness } from '../support/harness';
import { services } from '../support/services';
import { waitFor } from '../support/waitFor';

/**
 * The worker is killed outright (SIGKILL: no graceful shutdown) again and again while a campaign
 * runs on a fast clock, in the middle of whatever it is doing — starting cases, creating tasks,
 * recording completions, sending escalation emails. The cases must still complete, with every
 * task, finding and email exactly once.
 */
const generated = generateCampaign({ seed: 55, enterprises: 150 });
const province = provinces.find((p) => p.name === '江西省')!;
const chosen = generated.dataset.dossiers
  .filter((d) => d.enterprise.province === province.name)
  .sort((a, b) => Number(generated.manifest.has(b.enterprise.code)) - Number(generated.manifest.has(a.enterprise.code)))
  .slice(0, 4);

const h = useHarness('crash', { dossiers: generated.dataset.dossiers, inProcessWorker: false });

function startWorkerProcess(): ChildProcess {
  return spawn(process.execPath, [path.join(projectRoot(), 'dist', 'worker', 'main.js')], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: h.databaseUrl,
      TEMPORAL_ADDRESS: services().temporalAddress,
      SMTP_URL: services().smtpUrl,
      TEMPORAL_TASK_QUEUE: h.taskQueue,
      REPORTS_DIR: h.reportsDir,
      LOG_LEVEL: 'error',
      WORKER_SHUTDOWN_GRACE_S: '1',
    },
    stdio: 'ignore',
  });
}

test('a campaign survives its worker being killed repeatedly: nothing lost, nothing twice', async () => {
  const campaignId = 'c-crash';
  const caseIds = chosen.map((d) => `case/${campaignId}/${province.name}/${d.enterprise.code}`);
  expect(chosen.some((d) => generated.manifest.has(d.enterprise.code))).toBe(true);

  const held = new Set<string>();
  let worker = startWorkerProcess();
  let kills = 0;
  let chaos = true;
  // Six kills, each once the restarted worker has done some work (a task, a completion or an email
  // on record since it started), then a varying moment more: a slow machine slows the kills with
  // the work, rather than killing a worker that never got going.
  const progress = async () =>
    (await h.prisma.caseTask.count({ where: { campaignId } })) +
    (await h.prisma.caseTask.count({ where: { campaignId, status: 'completed' } })) +
    (await h.prisma.outboundEmail.count({ where: { key: { startsWith: `case/${campaignId}/` } } }));
  const chaosLoop = (async () => {
    while (chaos && kills < 6) {
      const before = await progress();
      while (chaos && (await progress()) === before) await new Promise((resolve) => setTimeout(resolve, 200));
      await new Promise((resolve) => setTimeout(resolve, 200 + (kills % 3) * 300));
      if (!chaos) break;
      worker.kill('SIGKILL');
      kills++;
      await new Promise((resolve) => worker.once('exit', resolve));
      worker = startWorkerProcess();
    }
  })();

  const started = await h.as(h.tokens.miit)('/campaigns', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: campaignId, name: 'crash test', provinces: [province.name], daysPerSecond: 6, enterprises: chosen.map((d) => d.enterprise.code) }),
  });
  expect(started.status).toBe(201);
  const autopilot = startAutopilot({
    apiUrl: h.baseUrl,
    staffToken: (_province, agency) => h.tokens[`${province.code}-${agency}-staff`],
    overseerToken: h.tokens.miit,
    latePercent: 25,
    lateByMs: 0,
    // A late task waits for its first escalation email: the email is certain, whichever comes first
    // to a restarted worker, the due time or a completion.
    lateUntil: async ({ key }) => {
      held.add(key);
      return (await h.prisma.outboundEmail.count({ where: { key: { startsWith: `${key}/` } } })) > 0;
    },
  });

  try {
    const results = await Promise.all(
      caseIds.map(async (id) => {
        // The campaign starts the cases once a worker picks it up.
        await waitFor(`case ${id} to start`, () => h.client.workflow.getHandle(id).describe(), 60_000);
        return h.client.workflow.getHandle(id).result() as Promise<CaseView>;
      }),
    );
    expect(kills).toBe(6);
    for (const view of results) {
      expect(view.status).toBe('closed');
      expect(view.tasks.every((t) => t.status === 'completed')).toBe(true);
    }

    // Every task the workflows know is one row, completed once.
    const workflowTasks = results.flatMap((v) => v.tasks.map((t) => t.key)).sort();
    const rows = await h.prisma.caseTask.findMany({ where: { campaignId }, orderBy: { key: 'asc' } });
    expect(rows.map((r) => r.key)).toEqual(workflowTasks);
    expect(rows.every((r) => r.status === 'completed')).toBe(true);

    // Findings: exactly those the completions carried.
    const recorded = await h.prisma.caseFinding.findMany({ where: { campaignId } });
    const carried = results.flatMap((v) => v.timeline.filter((e) => e.kind === 'finding'));
    expect(recorded).toHaveLength(carried.length);

    // Emails: every row sent, delivered exactly once (the sink keeps repeats, so none were sent
    // twice). A worker killed in the instant between the body going out and the outbox update
    // leaves a row of unknown delivery, held rather than resent: at most one delivery for those.
    const outbox = await h.prisma.outboundEmail.findMany({ where: { key: { startsWith: `case/${campaignId}/` } } });
    expect(held.size).toBeGreaterThan(0);
    for (const key of held) expect([key, outbox.some((m) => m.key.startsWith(`${key}/`))]).toEqual([key, true]);
    expect(outbox.filter((m) => m.status !== 'sent' && m.status !== 'unknown')).toEqual([]);
    const mails = (await (await fetch(`${services().mailboxUrl}/messages`)).json()) as StoredMail[];
    const deliveries = (messageId: string) => mails.filter((m) => m.messageId === messageId).length;
    expect(outbox.filter((m) => (m.status === 'sent' ? deliveries(m.messageId) !== 1 : deliveries(m.messageId) > 1)).map((m) => m.key)).toEqual([]);
    const escalations = results.flatMap((v) => v.timeline.filter((e) => e.kind === 'escalation'));
    expect(escalations).toHaveLength(outbox.length);
  } finally {
    await autopilot.stop();
    chaos = false;
    await chaosLoop;
    worker.kill('SIGKILL');
  }
}, 180_000);
