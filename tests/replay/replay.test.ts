import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { historiesDir } from '../support/histories';
import { services } from '../support/services';

/**
 * Replays every recorded history against the current workflow code. A change that would break
 * running cases (a new command where an old run recorded another, a removed activity) fails here.
 */
const files = fs
  .readdirSync(historiesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

test('every recorded history replays deterministically against the current workflows', async () => {
  expect(files.length).toBeGreaterThan(0);
  // Passed as parsed JSON: the worker converts it with its own protobuf instance.
  const histories = files.map((file) => JSON.parse(fs.readFileSync(path.join(historiesDir, file), 'utf8')) as { workflowId: string; history: unknown });
  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories({ workflowBundle: { codePath: services().workflowBundlePath } }, histories)) {
    if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
  }
  expect(failures).toEqual([]);
});
