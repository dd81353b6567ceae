/** The baseline workflow's activity: the cost of an activity round trip and nothing else. */
export function benchmarkActivities() {
  return {
    async benchmarkNoop(): Promise<void> {},
  };
}
