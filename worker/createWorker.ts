import { NativeConnection, Worker } from '@temporalio/worker';
import type { Activities } from '../activities';
import { updateWritesQueueOf } from '../domain/taskQueues';
import { workflowBundleSources } from './bundlePath';

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: Activities;
  /** A prebuilt bundle (scripts/build-workflow-bundle.ts); without one the workflows are bundled now. */
  workflowBundlePath?: string;
  shutdownGraceSeconds: number;
  /** At most this many activities at once from the shared queue, and from the update writes' queue:
   * together the size of the worker's database pool. */
  activityConcurrency: number;
  updateActivityConcurrency: number;
  /** Workflow tasks at once, and workflows kept in memory between their tasks. */
  workflowTaskConcurrency: number;
  maxCachedWorkflows: number;
}

/** The task queue's worker and the update writes' worker (domain/taskQueues.ts), run and stopped as one. */
export interface CaseWorker {
  /** Resolves once both have stopped; if either fails, the other is stopped too. */
  run(): Promise<void>;
  /** Stops polling; running activities get the shutdown grace time to finish. */
  shutdown(): void;
}

function bundleOptions() {
  const { workflowsPath, workflowInterceptorModules } = workflowBundleSources();
  return { workflowsPath, interceptors: { workflowModules: workflowInterceptorModules } };
}

export async function createWorker(options: WorkerOptions): Promise<CaseWorker> {
  const { connection, namespace, taskQueue, activities, workflowBundlePath, shutdownGraceSeconds, activityConcurrency, updateActivityConcurrency, workflowTaskConcurrency, maxCachedWorkflows } = options;
  // On SIGINT/SIGTERM a worker stops polling and gives running activities this long to finish.
  const shutdownGraceTime = `${shutdownGraceSeconds}s`;
  const main = await Worker.create({
    connection,
    namespace,
    taskQueue,
    activities,
    ...(workflowBundlePath ? { workflowBundle: { codePath: workflowBundlePath } } : bundleOptions()),
    shutdownGraceTime,
    maxConcurrentActivityTaskExecutions: activityConcurrency,
    maxConcurrentWorkflowTaskExecutions: workflowTaskConcurrency,
    maxCachedWorkflows,
  });
  const updateWrites = await Worker.create({
    connection,
    namespace,
    taskQueue: updateWritesQueueOf(taskQueue),
    activities,
    shutdownGraceTime,
    maxConcurrentActivityTaskExecutions: updateActivityConcurrency,
  });
  const workers = [main, updateWrites];
  const shutdown = () => {
    for (const worker of workers) if (worker.getState() === 'RUNNING') worker.shutdown();
  };
  return {
    async run() {
      const runs = workers.map((worker) => worker.run());
      try {
        await Promise.all(runs);
      } catch (error) {
        shutdown();
        await Promise.allSettled(runs);
        throw error;
      }
    },
    shutdown,
  };
}
