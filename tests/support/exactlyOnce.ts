import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../platform/projectRoot';
import type { StoredMail } from '../../platform/mailSink';
import { startAutopilot } from '../../scripts/lib/autopilot';
import type { CaseView } from '../../workflows/caseMessages';
import type { Harness } from './harness';
import { services } from './services';
import { waitFor } from './waitFor';

/**
 * What a campaign run through crashes must show: every case closed with its tasks completed, and
 * every task, finding and email on record exactly once. `held` are the late tasks the autopilot
 * held back until their escalation email was on record, so an escalation is certain.
 */
export async function expectEverythingOnce(h: Harness, campaignId: string, results: CaseView[], held: Set<string>): Promise<void> {
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
}

/**
 * Starts a campaign of `enterprises` in `province` on a fast clock with the autopilot completing its
 * tasks, a quarter of them late: a late task waits for its first escalation email, so the email is
 * certain whichever comes first to a restarted worker, the due time or a completion. The late
 * tasks' keys go into `held`. Returns the autopilot, to stop, and a wait for every case's result.
 */
export async function startCrashCampaign(
  h: Harness,
  options: { campaignId: string; name: string; province: { name: string; code: string }; enterprises: string[]; held: Set<string> },
): Promise<{ autopilot: { stop(): Promise<void> }; results(): Promise<CaseView[]> }> {
  const { campaignId, name, province, enterprises, held } = options;
  const started = await h.as(h.tokens.miit)('/campaigns', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: campaignId, name, provinces: [province.name], daysPerSecond: 6, enterprises }),
  });
  expect(started.status).toBe(201);
  const autopilot = startAutopilot({
    apiUrl: h.baseUrl,
    staffToken: (_province, agency) => h.tokens[`${province.code}-${agency}-staff`],
    overseerToken: h.tokens.miit,
    latePercent: 25,
    lateByMs: 0,
    lateUntil: async ({ key }) => {
      held.add(key);
      return (await h.prisma.outboundEmail.count({ where: { key: { startsWith: `${key}/` } } })) > 0;
    },
  });
  const caseIds = enterprises.map((code) => `case/${campaignId}/${province.name}/${code}`);
  const results = () =>
    Promise.all(
      caseIds.map(async (id) => {
        // The campaign starts the cases once a worker picks it up.
        await waitFor(`case ${id} to start`, () => h.client.workflow.getHandle(id).describe(), 60_000);
        return h.client.workflow.getHandle(id).result() as Promise<CaseView>;
      }),
    );
  return { autopilot, results };
}

/** A worker as its own process, on the harness's task queue, so a test can kill it outright. */
export function startWorkerProcess(h: Harness, temporalAddress: string): ChildProcess {
  return spawn(process.execPath, [path.join(projectRoot(), 'dist', 'worker', 'main.js')], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: h.databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      SMTP_URL: services().smtpUrl,
      TEMPORAL_TASK_QUEUE: h.taskQueue,
      REPORTS_DIR: h.reportsDir,
      LOG_LEVEL: 'error',
      WORKER_SHUTDOWN_GRACE_S: '1',
    },
    stdio: 'ignore',
  });
}
