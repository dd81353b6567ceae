import path from 'node:path';
import { projectRoot } from '../platform/projectRoot';

/** Where `npm run build` leaves the prebuilt workflow bundle the worker loads. */
export function workflowBundlePath(): string {
  return path.join(projectRoot(), 'dist', 'workflow-bundle.js');
}

/**
 * What every workflow bundle is made of: the workflows and their interceptors (the Web UI's
 * summaries). A prebuilt bundle carries its interceptors, so every bundler call takes both from here.
 */
export function workflowBundleSources(): { workflowsPath: string; workflowInterceptorModules: string[] } {
  return { workflowsPath: require.resolve('../workflows'), workflowInterceptorModules: [require.resolve('../workflows/summaries')] };
}
