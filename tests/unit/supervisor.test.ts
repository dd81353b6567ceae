import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnManaged } from '../../platform/childProcess';
import { createLogger } from '../../platform/logger';
import { Supervisor } from '../../platform/supervisor';

/** The supervisor against real (tiny) processes: restarts, counting, giving up, bounded stops. */
const log = createLogger('test-supervisor', 'silent');
const node = (script: string) => () => Promise.resolve(spawnManaged(process.execPath, ['-e', script], { log }));

test('a process that dies is started again, and the restart is counted', async () => {
  const flag = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'supervisor-')), 'died-once');
  // Dies on its first run, stays up on the second.
  const script = `const fs = require('fs'); if (!fs.existsSync(${JSON.stringify(flag)})) { fs.writeFileSync(${JSON.stringify(flag)}, ''); process.exit(1); } setInterval(() => {}, 1000);`;
  const supervisor = new Supervisor({ log, initialBackoffMs: 10, onGiveUp: () => undefined });
  const first = await supervisor.add({ name: 'flaky', stopMs: 2_000, start: node(script) });
  await first.exited;
  while (supervisor.restartCounts().flaky === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(supervisor.restartCounts()).toEqual({ flaky: 1 });
  expect(supervisor.pid('flaky')).not.toBe(first.child.pid);
  await supervisor.stop([['flaky']], () => undefined);
  fs.rmSync(path.dirname(flag), { recursive: true, force: true });
});

test('a process that keeps dying is given up on, with its name and last output lines', async () => {
  const gaveUp = new Promise<{ name: string; lines: string[] }>((resolve) => {
    const supervisor = new Supervisor({ log, initialBackoffMs: 10, maxRestarts: 2, windowMs: 60_000, onGiveUp: (name, lines) => resolve({ name, lines }) });
    void supervisor.add({ name: 'doomed', stopMs: 1_000, start: node('console.log("cannot open the data folder"); process.exit(3)') });
  });
  expect(await gaveUp).toEqual({ name: 'doomed', lines: ['cannot open the data folder'] });
});

test('a frozen process does not hold the stop up: it is killed at its time limit', async () => {
  const supervisor = new Supervisor({ log, onGiveUp: () => undefined });
  // Ignores SIGTERM, as a frozen or wedged process would.
  const stuck = await supervisor.add({ name: 'stuck', stopMs: 300, start: node("process.on('SIGTERM', () => {}); console.log('up'); setInterval(() => {}, 1000);") });
  await new Promise((resolve) => stuck.child.stdout!.once('data', resolve));
  const stopped: string[] = [];
  await supervisor.stop([['stuck']], (name) => stopped.push(name));
  expect(stopped).toEqual(['stuck']);
  expect(await stuck.exited).toBe('SIGKILL');
});
