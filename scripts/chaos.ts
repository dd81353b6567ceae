import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { CaseView } from '../workflows/caseMessages';
import { parseChaosConfig } from '../platform/config';
import { freePort } from '../platform/freePort';
import { embeddedDatabaseUrl } from '../platform/postgres';
import { createPrisma } from '../platform/prisma';
import { spawnMailSink, type MailSinkProcess } from './lib/mailSinkProcess';
import { runStack, type RunningStack, type StackLogLine } from './lib/runStack';
import { DEMO_CAMPAIGN_ID } from './lib/demoCampaign';

/**
 * `npm run chaos`: fault experiments against a fresh `npm start` with the demo campaign running.
 * Each one is steady state → fault → steady state, where steady state means /readyz answers 200
 * and a tip submitted through the API is recorded by the worker (API, PostgreSQL, Temporal and
 * worker all working). After each, the tasks, findings, dispositions and outbox rows in
 * PostgreSQL are compared with the case workflows' own view, and deliveries are counted at a mail
 * sink that keeps repeated Message-IDs. The SMTP relay is a sink this script runs itself, so it
 * can freeze it or take it away. Durations (seconds) come from CHAOS_* variables so short runs
 * are possible; CHAOS_ONLY=name,name runs a subset. Last line: one JSON object.
 */
const chaos = parseChaosConfig(process.env);
const settings = {
  pgFreezeMs: chaos.CHAOS_PG_FREEZE_S * 1000,
  smtpFreezeMs: chaos.CHAOS_SMTP_FREEZE_S * 1000,
  smtpRefuseMs: chaos.CHAOS_SMTP_REFUSE_S * 1000,
  steadyMs: chaos.CHAOS_STEADY_S * 1000,
  recoveryLimitMs: chaos.CHAOS_RECOVERY_LIMIT_S * 1000,
  only: chaos.CHAOS_ONLY,
};
const MIIT = { authorization: 'Bearer demo-national-miit-miitCoordinator' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const say = (text: string) => process.stderr.write(`[chaos ${new Date().toISOString().slice(11, 19)}] ${text}\n`);

interface Ports {
  api: number;
  temporal: number;
  ui: number;
  postgres: number;
  smtp: number;
  mailbox: number;
}

async function ports(): Promise<Ports> {
  const pick = async (port: number | undefined) => port ?? (await freePort());
  return {
    api: await pick(chaos.API_PORT),
    temporal: await pick(chaos.TEMPORAL_PORT),
    ui: await pick(chaos.TEMPORAL_UI_PORT),
    postgres: await pick(chaos.EMBEDDED_POSTGRES_PORT),
    smtp: await pick(chaos.MAIL_SINK_SMTP_PORT),
    mailbox: await pick(chaos.MAIL_SINK_HTTP_PORT),
  };
}

class Lab {
  stack!: RunningStack;
  sink!: MailSinkProcess;
  readonly prisma;
  readonly client;
  private probes = 0;

  constructor(
    readonly dataDir: string,
    readonly port: Ports,
    connection: Connection,
  ) {
    this.prisma = createPrisma(embeddedDatabaseUrl(port.postgres), { timeouts: { connectMs: 3_000, statementMs: 10_000 } });
    this.client = new Client({ connection });
  }

  get apiUrl() {
    return `http://127.0.0.1:${this.port.api}`;
  }

  env(): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: this.dataDir,
      API_PORT: String(this.port.api),
      TEMPORAL_PORT: String(this.port.temporal),
      TEMPORAL_UI_PORT: String(this.port.ui),
      EMBEDDED_POSTGRES_PORT: String(this.port.postgres),
      SMTP_URL: this.sink.smtpUrl,
      DEMO_ENTERPRISES: String(chaos.CHAOS_ENTERPRISES),
      DEMO_DAYS_PER_SECOND: String(chaos.CHAOS_DAYS_PER_SECOND),
      ...(chaos.TEMPORAL_CLI ? { TEMPORAL_CLI: chaos.TEMPORAL_CLI } : {}),
    };
  }

  async startSink() {
    this.sink = await spawnMailSink({ dataDir: path.join(this.dataDir, 'relay'), smtpPort: this.port.smtp, httpPort: this.port.mailbox });
  }

  async startStack() {
    this.stack = runStack(this.env());
    await this.stack.ready;
  }

  /** The newest pid the supervisor reported for a component. */
  pidOf(component: string): number {
    const line = this.stack.lines.filter((l: StackLogLine) => l.component === component && l.pid !== undefined && ['started', 'restarted', 'Temporal dev server ready', 'embedded PostgreSQL ready'].includes(l.msg)).at(-1);
    if (!line) throw new Error(`no pid known for ${component}`);
    return line.pid!;
  }

  /** Steady state: ready, and a tip goes through API, PostgreSQL, Temporal and the worker. */
  async steady(limitMs = settings.recoveryLimitMs): Promise<void> {
    const deadline = Date.now() + limitMs;
    const key = `chaos-probe-${process.pid}-${++this.probes}`;
    let last = '';
    let tipId: string | undefined;
    while (Date.now() < deadline) {
      try {
        const ready = await fetch(`${this.apiUrl}/readyz`, { signal: AbortSignal.timeout(5_000) });
        if (!ready.ok) throw new Error(`readyz ${ready.status}`);
        if (!tipId) {
          const res = await fetch(`${this.apiUrl}/tips`, {
            method: 'POST',
            headers: { ...MIIT, 'content-type': 'application/json', 'idempotency-key': key },
            body: JSON.stringify({ source: 'chaos probe', text: '稳态探测 steady-state probe', receivedAt: '2014-11-02T08:00:00Z' }),
            signal: AbortSignal.timeout(15_000),
          });
          if (res.status !== 201 && res.status !== 200) throw new Error(`POST /tips ${res.status} ${await res.text()}`);
          tipId = ((await res.json()) as { id: string }).id;
        }
        const tip = await fetch(`${this.apiUrl}/tips/${tipId}`, { headers: MIIT, signal: AbortSignal.timeout(5_000) });
        if (tip.status === 200) return;
        last = `tip ${tip.status}`;
      } catch (error) {
        last = error instanceof Error ? error.message : String(error);
      }
      await sleep(500);
    }
    throw new Error(`no steady state within ${limitMs / 1000} s: ${last}`);
  }

  /** After an SMTP fault: every email due before the fault ended has gone out (or is held as unknown). */
  async drained(before: number, limitMs = settings.recoveryLimitMs): Promise<void> {
    const deadline = Date.now() + limitMs;
    while (Date.now() < deadline) {
      const waiting = await this.prisma.outboundEmail.count({ where: { status: 'pending', createdAt: { lt: new Date(before) } } });
      if (waiting === 0) return;
      await sleep(500);
    }
    throw new Error(`emails due before the SMTP fault ended still wait after ${limitMs / 1000} s`);
  }

  /** One API answer while the fault lasts: what a client sees (status and how long it took). */
  async duringFault(): Promise<{ status: number | string; ms: number }> {
    const started = Date.now();
    try {
      const res = await fetch(`${this.apiUrl}/tasks?pageSize=1`, { headers: MIIT, signal: AbortSignal.timeout(60_000) });
      return { status: res.status, ms: Date.now() - started };
    } catch (error) {
      return { status: error instanceof Error ? error.name : 'error', ms: Date.now() - started };
    }
  }

  /** What the workflows say happened against what PostgreSQL and the sink hold. */
  async compare(): Promise<{ lost: number; duplicates: number; unknown: number; pending: number; detail: Record<string, number> }> {
    const views: CaseView[] = [];
    for await (const wf of this.client.workflow.list({ query: `WorkflowType = 'enterpriseCaseWorkflow' AND CampaignId = '${DEMO_CAMPAIGN_ID}'` })) {
      views.push(await this.client.workflow.getHandle(wf.workflowId).query<CaseView>('caseView'));
    }
    const [tasks, findings, dispositions, outbox, mails] = await Promise.all([
      this.prisma.caseTask.findMany({ where: { campaignId: DEMO_CAMPAIGN_ID }, select: { key: true } }),
      this.prisma.caseFinding.findMany({ where: { campaignId: DEMO_CAMPAIGN_ID }, select: { caseId: true, taskKey: true, violation: true } }),
      this.prisma.caseDisposition.findMany({ where: { campaignId: DEMO_CAMPAIGN_ID }, select: { caseId: true, disposition: true } }),
      this.prisma.outboundEmail.findMany({ select: { key: true, messageId: true, status: true } }),
      this.sink.messages(),
    ]);
    const caseIdOf = (v: CaseView) => `case/${v.campaignId}/${v.province}/${v.enterprise.code}`;
    const taskKeys = new Set(tasks.map((t) => t.key));
    const findingKeys = new Set(findings.map((f) => `${f.caseId}|${f.taskKey}|${f.violation}`));
    const dispositionKeys = new Set(dispositions.map((d) => `${d.caseId}|${d.disposition}`));
    const outboxByKey = new Map(outbox.map((o) => [o.key, o]));
    const delivered = new Map<string, number>();
    for (const m of mails) if (m.messageId) delivered.set(m.messageId, (delivered.get(m.messageId) ?? 0) + 1);

    const lostTasks = views.flatMap((v) => v.tasks.filter((t) => !taskKeys.has(t.key))).length;
    const lostFindings = views.flatMap((v) => v.timeline.filter((e) => e.kind === 'finding' && !findingKeys.has(`${caseIdOf(v)}|${e.taskKey}|${e.summary}`))).length;
    const lostDispositions = views.flatMap((v) => v.timeline.filter((e) => e.kind === 'disposition' && !dispositionKeys.has(`${caseIdOf(v)}|${e.summary.split(':')[0]}`))).length;
    const lostOutbox = views.flatMap((v) => v.timeline.filter((e) => e.kind === 'escalation' && !outboxByKey.has(`${e.taskKey}/${e.summary.split(':')[0]}`))).length;
    const sentUndelivered = outbox.filter((o) => o.status === 'sent' && !delivered.get(o.messageId)).length;
    const duplicates = outbox.reduce((n, o) => n + Math.max(0, (delivered.get(o.messageId) ?? 0) - 1), 0);
    const detail = {
      cases: views.length,
      tasks: tasks.length,
      findings: findings.length,
      dispositions: dispositions.length,
      outbox: outbox.length,
      deliveries: mails.length,
      lostTasks,
      lostFindings,
      lostDispositions,
      lostOutbox,
      sentUndelivered,
    };
    return {
      lost: lostTasks + lostFindings + lostDispositions + lostOutbox + sentUndelivered,
      duplicates,
      unknown: outbox.filter((o) => o.status === 'unknown').length,
      pending: outbox.filter((o) => o.status === 'pending').length,
      detail,
    };
  }

  /** Compares until nothing is missing (work in flight lands) or the limit passes. */
  async settledComparison(limitMs = 90_000) {
    const deadline = Date.now() + limitMs;
    for (;;) {
      const result = await this.compare();
      if ((result.lost === 0 && result.pending === 0) || Date.now() > deadline) return result;
      await sleep(3_000);
    }
  }
}

type Experiment = { name: string; run(lab: Lab): Promise<{ faultEndedAt: number; during?: unknown; stopS?: number; smtp?: true }> };

const killProcess = (component: string, signal: NodeJS.Signals = 'SIGKILL'): Experiment['run'] => async (lab) => {
  process.kill(lab.pidOf(component), signal);
  return { faultEndedAt: Date.now(), during: await lab.duringFault() };
};

/** A process and everything it forked (PostgreSQL's backends are session leaders of their own). */
function processTree(pid: number): number[] {
  const children = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);
  return [pid, ...children.flatMap(processTree)];
}

const freezeTree = (component: string, ms: () => number): Experiment['run'] => async (lab) => {
  const frozen = processTree(lab.pidOf(component));
  for (const pid of frozen) process.kill(pid, 'SIGSTOP');
  const during = lab.duringFault();
  await sleep(ms());
  for (const pid of frozen) process.kill(pid, 'SIGCONT');
  return { faultEndedAt: Date.now(), during: await during };
};

const experiments: Experiment[] = [
  { name: 'worker SIGKILL', run: killProcess('worker') },
  { name: 'worker SIGKILL again', run: killProcess('worker') },
  { name: 'API SIGKILL', run: killProcess('api') },
  { name: 'Temporal dev server SIGKILL', run: killProcess('temporal') },
  { name: 'PostgreSQL SIGSTOP', run: freezeTree('postgres', () => settings.pgFreezeMs) },
  { name: 'PostgreSQL SIGKILL', run: killProcess('postgres') },
  {
    name: 'SMTP server SIGSTOP',
    async run(lab) {
      lab.sink.freeze();
      await sleep(settings.smtpFreezeMs);
      lab.sink.thaw();
      return { faultEndedAt: Date.now(), smtp: true };
    },
  },
  {
    name: 'SMTP server refusing connections',
    async run(lab) {
      await lab.sink.stop();
      await sleep(settings.smtpRefuseMs);
      await lab.startSink();
      return { faultEndedAt: Date.now(), smtp: true };
    },
  },
  {
    name: 'Ctrl-C under load and restart',
    async run(lab) {
      const started = Date.now();
      const code = await lab.stack.interrupt();
      const stopS = (Date.now() - started) / 1000;
      if (code !== 0) throw new Error(`the stack exited ${code} on Ctrl-C`);
      const restartAt = Date.now();
      await lab.startStack();
      return { faultEndedAt: restartAt, stopS };
    },
  },
];

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rare-earth-chaos-'));
  fs.chmodSync(root, 0o755);
  const port = await ports();
  const connection = Connection.lazy({ address: `127.0.0.1:${port.temporal}` });
  const lab = new Lab(root, port, connection);
  const results: { name: string; recovery_s: number; stop_s?: number; during?: unknown; lost: number; duplicate_deliveries: number; unknown: number; detail: unknown }[] = [];
  let maxStopS = 0;
  try {
    await lab.startSink();
    say(`fresh stack in ${root}`);
    await lab.startStack();
    await lab.steady();
    await sleep(settings.steadyMs);
    for (const experiment of experiments.filter((e) => !settings.only || settings.only.some((o) => e.name.toLowerCase().includes(o.toLowerCase())))) {
      await lab.steady();
      say(`${experiment.name}: fault`);
      const outcome = await experiment.run(lab);
      await lab.steady();
      // Recovered from an SMTP fault means the mail that queued up meanwhile has gone out.
      if (outcome.smtp) await lab.drained(outcome.faultEndedAt);
      const recoveryS = (Date.now() - outcome.faultEndedAt) / 1000;
      if (outcome.stopS !== undefined) maxStopS = Math.max(maxStopS, outcome.stopS);
      await sleep(settings.steadyMs);
      const comparison = await lab.settledComparison();
      const result = {
        name: experiment.name,
        recovery_s: Math.round(recoveryS * 10) / 10,
        ...(outcome.stopS !== undefined ? { stop_s: Math.round(outcome.stopS * 10) / 10 } : {}),
        ...(outcome.during ? { during: outcome.during } : {}),
        lost: comparison.lost,
        duplicate_deliveries: comparison.duplicates,
        unknown: comparison.unknown,
        detail: comparison.detail,
      };
      results.push(result);
      say(`${experiment.name}: recovered in ${result.recovery_s} s, lost ${result.lost}, duplicate deliveries ${result.duplicate_deliveries}`);
      console.log(JSON.stringify(result));
    }
    const restarts = lab.stack.lines.filter((l) => l.msg === 'restarted').map((l) => l.component);
    say(`restarts by the supervisor since the last start: ${JSON.stringify(restarts)}`);
  } finally {
    if (lab.stack?.child.exitCode === null) {
      const started = Date.now();
      await lab.stack.interrupt();
      maxStopS = Math.max(maxStopS, (Date.now() - started) / 1000);
    }
    await lab.sink?.stop();
    await lab.prisma.$disconnect();
    await connection.close().catch(() => undefined);
  }
  const last = results.at(-1);
  console.log(
    JSON.stringify({
      experiments: results.length,
      lost: last ? Math.max(...results.map((r) => r.lost)) : 0,
      duplicate_deliveries: last?.duplicate_deliveries ?? 0,
      unknown_outcomes: last?.unknown ?? 0,
      max_recovery_s: Math.max(0, ...results.map((r) => r.recovery_s)),
      max_stop_s: Math.round(maxStopS * 10) / 10,
    }),
  );
  fs.rmSync(root, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    say(`failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
