import path from 'node:path';
import { projectRoot } from '../platform/projectRoot';

/** Where `npm run build` leaves the prebuilt workflow bundle the worker loads. */
export function workflowBundlePath(): string {
  return path.join(projectRoot(), 'dist', 'workflow-bundle.js');
}
