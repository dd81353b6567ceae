import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { historiesDir } from '../support/histories';
import { services } from '../support/services';

/**
 * Replays every recorded history (tests/histories, re-recorded by `npm run histories:record`, and
 * tests/histories/frozen, recorded by earlier code) against the current workflow code. A change
 * that would break running workflows (a new command where an old run recorded another, a removed
 * activity, a patch taken away) fails here, naming the history.
 */
const files = [historiesDir, path.join(historiesDir, 'frozen')]
  .flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f)))
  .sort();

test('there are recorded histories', () => {
  expect(files.length).toBeGreaterThan(0);
});

test.each(files.map((file) => [path.relative(historiesDir, file), file]))('%s replays deterministically against the current workflows', async (_name, file) => {
  // Passed as parsed JSON: the worker converts it with its own protobuf instance.
  const history = JSON.parse(fs.readFileSync(file, 'utf8')) as { workflowId: string; history: unknown };
  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories({ workflowBundle: { codePath: services().workflowBundlePath } }, [history])) {
    if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
  }
  expect(failures).toEqual([]);
});
