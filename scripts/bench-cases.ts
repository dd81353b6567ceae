import type { Client } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';
import { z } from 'zod';
import { NativeConnection, Worker } from '@temporalio/worker';
import { benchmarkActivities } from '../activities/benchmark';
import { flattenDossiers } from '../domain/campaign';
import { phaseEnds } from '../domain/campaignClock';
import { generateCampaign, provinces } from '../demo/generator';
import { config } from '../platform/config';
import { createLogger } from '../platform/logger';
import { installTemporalLogging } from '../platform/temporalLogging';
import { seedDemoDirectory } from '../store/directory';
import { saveCampaignRecords } from '../store/saveCampaignRecords';
import { workflowBundleSources } from '../worker/bundlePath';
import { baselineStepUpdate, type BaselineInput } from '../workflows/benchmarkBaseline';
import { startAutopilot } from './lib/autopilot';
import { count, percentile, round } from './lib/benchFigures';
import { BenchServer, startBenchStack } from './lib/benchStack';
import { commandLine, optionValues } from './lib/commandLine';

/**
 * `npm run bench:cases [-- --cases N] [-- --days-per-second D] [-- --server dev|cluster]`: N cases (default 1,000) through
 * all three phases with the autopilot, then, on the same server and worker, N baseline workflows
 * with the same calendar and the same average number of activities, timers and updates. Prints
 * progress, and as its last line one JSON object of the figures. The cases run on the production
 * worker; the baseline, which production does not have, on a worker of this script's with the
 * same interceptors and activity concurrency. The task timeouts and failed activity attempts are
 * counted from the server's histories of the campaign's workflows.
 */


const seconds = (since: number) => (Date.now() - since) / 1000;

async function waitUntilCompleted(client: Client, query: string, expected: number, label: string): Promise<void> {
  let last = -1;
  for (;;) {
    const { count } = await client.workflow.count(`${query} AND ExecutionStatus = 'Completed'`);
    if (count !== last) console.log(`${label}: ${count}/${expected} completed`);
    last = count;
    if (count >= expected) break;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

async function main(): Promise<void> {
  const { values } = commandLine({ cases: { type: 'string' }, 'days-per-second': { type: 'string' }, server: { type: 'string' } });
  const {
    cases,
    'days-per-second': daysPerSecond,
    server,
  } = optionValues(z.object({ cases: count(1_000), 'days-per-second': z.coerce.number().positive().default(2), server: BenchServer.default('dev') }), values);
  const log = createLogger('bench-cases', 'warn');
  installTemporalLogging(log);
  const stack = await startBenchStack('bench-cases', log, server);
  const { temporal, prisma, client } = stack;
  const apiUrl = await stack.listen({ caseSettings: { scale: { kind: 'scaled', daysPerSecond }, taskDueDays: 20, reminderBeforeDays: 3, graceDays: 7 } });
  let baselineWorker: { worker: Worker; running: Promise<void>; connection: NativeConnection } | undefined;

  try {
    const generated = generateCampaign({ seed: 2014, enterprises: cases });
    await saveCampaignRecords(prisma, flattenDossiers(generated.dataset.dossiers), { source: 'bench', actor: 'bench' });
    await seedDemoDirectory(prisma, provinces);
    console.log(`${cases} enterprises on file; campaign clock ${daysPerSecond} days/s`);

    const miit = 'demo-national-miit-miitCoordinator';
    const codeOf = new Map(provinces.map((p) => [p.name, p.code]));
    let started = Date.now();
    const res = await fetch(`${apiUrl}/campaigns`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${miit}` },
      body: JSON.stringify({ id: 'bench', name: 'bench', provinces: provinces.map((p) => p.name), daysPerSecond }),
    });
    if (!res.ok) throw new Error(`campaign: ${res.status} ${await res.text()}`);
    let autopilotErrors = 0;
    const completionMs: number[] = [];
    const autopilot = startAutopilot({
      apiUrl,
      staffToken: (province, agency) => `demo-${codeOf.get(province)}-${agency}-staff`,
      overseerToken: miit,
      latePercent: 10,
      lateByMs: (10 * 1000) / daysPerSecond,
      onError: () => autopilotErrors++,
      onCompleted: (ms) => completionMs.push(ms),
    });
    await waitUntilCompleted(client, `WorkflowType = 'enterpriseCaseWorkflow'`, cases, 'cases');
    const caseS = seconds(started);
    await autopilot.stop();
    console.log(`autopilot: ${autopilot.completed()} completions, ${autopilotErrors} requests refused or failed (503s included)`);

    console.log('counting activities, timers and updates in the case histories, and task timeouts and failed activities in every history');
    let activities = 0;
    let timers = 0;
    // How long a person's completion waited on the server (update accepted to completed), and an
    // activity in the queue (scheduled to started), in ms.
    const updateMs: number[] = [];
    const activityWaitMs: number[] = [];
    let updates = 0;
    let events = 0;
    let workflowTaskTimeouts = 0;
    let stickyTimeouts = 0;
    let activityFailures = 0;
    // Every workflow the run made (campaign, provinces, cases), as the server recorded them.
    for await (const wf of client.workflow.list()) {
      const history = await client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
      const isCase = wf.type === 'enterpriseCaseWorkflow';
      const at = new Map<string, number>();
      const ms = (t: { seconds?: unknown; nanos?: number | null } | null | undefined) => Number(t?.seconds ?? 0) * 1000 + (t?.nanos ?? 0) / 1e6;
      for (const e of history.events ?? []) {
        at.set(String(e.eventId), ms(e.eventTime));
        if (e.workflowTaskTimedOutEventAttributes) {
          workflowTaskTimeouts++;
          // Schedule-to-start: the task waited on the worker's sticky queue past its timeout, and went to the shared queue.
          if (e.workflowTaskTimedOutEventAttributes.timeoutType === proto.api.enums.v1.TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START) stickyTimeouts++;
        }
        // A retried attempt leaves no event of its own: the next attempt's start counts it.
        if (e.activityTaskStartedEventAttributes) activityFailures += Math.max(0, (e.activityTaskStartedEventAttributes.attempt ?? 1) - 1);
        if (e.activityTaskFailedEventAttributes || e.activityTaskTimedOutEventAttributes) activityFailures++;
        if (!isCase) continue;
        events++;
        if (e.activityTaskScheduledEventAttributes) activities++;
        if (e.activityTaskStartedEventAttributes) activityWaitMs.push(ms(e.eventTime) - (at.get(String(e.activityTaskStartedEventAttributes.scheduledEventId)) ?? NaN));
        if (e.workflowExecutionUpdateCompletedEventAttributes) updateMs.push(ms(e.eventTime) - (at.get(String(e.workflowExecutionUpdateCompletedEventAttributes.acceptedEventId)) ?? NaN));
        if (e.timerStartedEventAttributes) timers++;
        if (e.workflowExecutionUpdateAcceptedEventAttributes) updates++;
      }
    }
    const per = (n: number) => Math.round(n / cases);
    const baseline: Omit<BaselineInput, 'phaseEnds'> = { activities: per(activities), extraTimers: Math.max(0, per(timers) - 3), updates: per(updates) };
    console.log(`per case: ${baseline.activities} activities, ${per(timers)} timers, ${baseline.updates} updates; ${events} events in all`);
    const spread = (label: string, figures: number[]) => {
      const sorted = figures.filter(Number.isFinite).sort((a, b) => a - b);
      if (sorted.length) console.log(`${label}: p50 ${round(percentile(sorted, 50))} ms, p99 ${round(percentile(sorted, 99))} ms, max ${round(sorted[sorted.length - 1])} ms over ${sorted.length}`);
    };
    console.log(`workflow task timeouts: ${stickyTimeouts} waiting on a sticky queue, ${workflowTaskTimeouts - stickyTimeouts} running`);
    spread('completions through the API, as staff waited', completionMs);
    spread('completion updates on the server, accepted to answered', updateMs);
    spread('activities, scheduled to started', activityWaitMs);

    // Bundled before the clock starts: webpack's seconds are no part of the baseline's time.
    const baselineQueue = 'bench-baseline';
    const baselineConnection = await NativeConnection.connect({ address: temporal.address });
    const created = await Worker.create({
      connection: baselineConnection,
      taskQueue: baselineQueue,
      workflowsPath: require.resolve('../workflows/benchmarkBaseline'),
      interceptors: { workflowModules: workflowBundleSources().workflowInterceptorModules },
      activities: benchmarkActivities(),
      maxConcurrentActivityTaskExecutions: config().WORKER_ACTIVITY_CONCURRENCY,
    });
    baselineWorker = { worker: created, running: created.run(), connection: baselineConnection };

    started = Date.now();
    const ends = phaseEnds(
      { selfInspection: { from: '2014-10-10', to: '2014-11-25' }, rectification: { from: '2014-11-26', to: '2015-01-31' }, acceptance: { from: '2015-02-01', to: '2015-03-31' }, reviewWindow: generated.window },
      started,
      { kind: 'scaled', daysPerSecond },
    );
    const handles = [];
    for (let i = 0; i < cases; i++) {
      handles.push(await client.workflow.start('benchmarkBaselineWorkflow', { workflowId: `baseline/${i}`, taskQueue: baselineQueue, args: [{ ...baseline, phaseEnds: ends }] }));
    }
    // The updates arrive spread over the phases, as the autopilot's completions do.
    const phaseStarts = [started, Date.parse(ends.selfInspection), Date.parse(ends.rectification)];
    for (let phase = 0; phase < 3; phase++) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, phaseStarts[phase] - Date.now())));
      const share = Math.floor(baseline.updates / 3) + (phase < baseline.updates % 3 ? 1 : 0);
      for (let u = 0; u < share; u++) {
        for (let i = 0; i < handles.length; i += 50) await Promise.all(handles.slice(i, i + 50).map((h) => h.executeUpdate(baselineStepUpdate)));
      }
    }
    await waitUntilCompleted(client, `WorkflowType = 'benchmarkBaselineWorkflow'`, cases, 'baseline');
    const bareS = seconds(started);

    console.log(
      JSON.stringify({
        server,
        cases,
        case_s: round(caseS),
        bare_s: round(bareS),
        ratio: round(caseS / bareS),
        transitions_per_s: Math.round(events / caseS),
        worker_peak_rss_mb: stack.workerPeakRssMb(),
        workflow_task_timeouts: workflowTaskTimeouts,
        activity_failures: activityFailures,
      }),
    );
  } finally {
    if (baselineWorker) {
      baselineWorker.worker.shutdown();
      await baselineWorker.running;
      await baselineWorker.connection.close();
    }
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
