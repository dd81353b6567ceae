import { NativeConnection, Worker } from '@temporalio/worker';
import type { Activities } from '../activities';
import { workflowBundleSources } from './bundlePath';

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: Activities;
  /** A prebuilt bundle (scripts/build-workflow-bundle.ts); without one the workflows are bundled now. */
  workflowBundlePath?: string;
  shutdownGraceSeconds: number;
  /** At most this many activities at once: the size of the worker's database pool. */
  activityConcurrency: number;
  /** Workflow tasks at once, and workflows kept in memory between their tasks. */
  workflowTaskConcurrency: number;
  maxCachedWorkflows: number;
}

function bundleOptions() {
  const { workflowsPath, workflowInterceptorModules } = workflowBundleSources();
  return { workflowsPath, interceptors: { workflowModules: workflowInterceptorModules } };
}

export function createWorker(options: WorkerOptions): Promise<Worker> {
  const { connection, namespace, taskQueue, activities, workflowBundlePath, shutdownGraceSeconds, activityConcurrency, workflowTaskConcurrency, maxCachedWorkflows } = options;
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    activities,
    ...(workflowBundlePath ? { workflowBundle: { codePath: workflowBundlePath } } : bundleOptions()),
    // On SIGINT/SIGTERM the worker stops polling and gives running activities this long to finish.
    shutdownGraceTime: `${shutdownGraceSeconds}s`,
    maxConcurrentActivityTaskExecutions: activityConcurrency,
    maxConcurrentWorkflowTaskExecutions: workflowTaskConcurrency,
    maxCachedWorkflows,
  });
}
