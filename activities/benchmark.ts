/**
 * The baseline workflow's activity: the cost of an activity round trip and nothing else. Registered
 * by the benchmark's own worker (scripts/bench-cases.ts), never by the production worker.
 */
export function benchmarkActivities() {
  return {
    async benchmarkNoop(): Promise<void> {},
  };
}

export type BenchmarkActivities = ReturnType<typeof benchmarkActivities>;
