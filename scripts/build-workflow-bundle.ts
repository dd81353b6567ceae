import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundlePath, workflowBundleSources } from '../worker/bundlePath';

/** Bundles workflows/ once at build time so the worker starts without webpack. */
async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode(workflowBundleSources());
  const out = workflowBundlePath();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, code);
  console.log(`workflow bundle written to ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
