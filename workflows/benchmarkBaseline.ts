import { condition, defineUpdate, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { BenchmarkActivities } from '../activities/benchmark';
import type { PhaseEnds } from '../domain/campaignClock';

/**
 * The yardstick of `npm run bench:cases`: a workflow with no domain logic that spends the same
 * calendar (one timer to each phase end) and does the same number of activities, extra timers and
 * updates as an average case. The ratio of the two runs is what the case logic costs. Not in the
 * production bundle (workflows/index.ts): the benchmark bundles and runs it in a worker of its own.
 */
export interface BaselineInput {
  phaseEnds: PhaseEnds;
  activities: number;
  extraTimers: number;
  updates: number;
}

export const baselineStepUpdate = defineUpdate<number, []>('baselineStep');

const { benchmarkNoop } = proxyActivities<BenchmarkActivities>({ startToCloseTimeout: '1 minute' });

export async function benchmarkBaselineWorkflow(input: BaselineInput): Promise<void> {
  let received = 0;
  setHandler(baselineStepUpdate, async () => {
    await benchmarkNoop();
    return ++received;
  });
  const phases = [input.phaseEnds.selfInspection, input.phaseEnds.rectification, input.phaseEnds.acceptance];
  const share = (total: number, i: number) => Math.floor(total / 3) + (i < total % 3 ? 1 : 0);
  let updatesSoFar = 0;
  for (let i = 0; i < 3; i++) {
    for (let a = 0; a < share(input.activities, i); a++) await benchmarkNoop();
    for (let t = 0; t < share(input.extraTimers, i); t++) await sleep(1);
    updatesSoFar += share(input.updates, i);
    await condition(() => received >= updatesSoFar);
    await sleep(Math.max(1, Date.parse(phases[i]) - new Date().getTime()));
  }
}
