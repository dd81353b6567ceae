import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runStack, type RunningStack, type StackLogLine } from '../../scripts/lib/runStack';
import { alive, stackEnvironment } from '../support/stackEnvironment';
import { retriedWhileUnavailable } from '../support/retryUnavailable';
import { waitFor } from '../support/waitFor';

/**
 * `npm start` heals itself: a worker killed outright is started again and the stack goes on
 * working; and Ctrl-C right after a worker died still stops everything, promptly, with nothing
 * left running.
 */
const MIIT = { authorization: 'Bearer demo-national-miit-miitCoordinator' };
let dataDir: string;
let stack: RunningStack;

const lineOf = (lines: StackLogLine[], msg: string, component: string) => lines.filter((l) => l.msg === msg && l.component === component).at(-1);

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rare-earth-supervision-'));
  fs.chmodSync(dataDir, 0o755);
  // The demo campaign and its autopilot run: the stop must not wait on their requests either.
  stack = runStack({ ...(await stackEnvironment(dataDir)), DEMO_ENTERPRISES: '20' });
  await stack.ready;
});
afterAll(async () => {
  if (stack.child.exitCode === null) await stack.interrupt();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a killed worker is restarted, and the stack does new work with it', async () => {
  const apiUrl = (await stack.ready).urls!.api;
  const worker = lineOf(stack.lines, 'started', 'worker')!.pid!;
  process.kill(worker, 'SIGKILL');
  const restarted = await waitFor('the worker to be restarted', async () => lineOf(stack.lines, 'restarted', 'worker'), 60_000);
  expect(restarted.pid).not.toBe(worker);
  expect(alive(restarted.pid!)).toBe(true);

  // The restarted worker may still be loading when this asks.
  const submit = () =>
    fetch(`${apiUrl}/tips`, {
      method: 'POST',
      headers: { ...MIIT, 'content-type': 'application/json', 'idempotency-key': 'after-restart' },
      body: JSON.stringify({ source: 'letter', text: '越界开采 cross-boundary mining', receivedAt: '2014-11-02T08:00:00Z' }),
    });
  const submitted = await retriedWhileUnavailable(submit, 'the tip accepted');
  expect(submitted.status).toBe(201);
  const { id } = (await submitted.json()) as { id: string };
  // Only a running worker records the tip.
  await waitFor('the restarted worker to record the tip', async () => ((await fetch(`${apiUrl}/tips/${id}`, { headers: MIIT })).status === 200 ? true : undefined), 60_000);
});

test('Ctrl-C right after the worker died stops the whole stack within 15 s, nothing left running', async () => {
  const pids = stack.lines.filter((l) => l.pid !== undefined && l.process === 'start').map((l) => l.pid!);
  const worker = (lineOf(stack.lines, 'restarted', 'worker') ?? lineOf(stack.lines, 'started', 'worker'))!.pid!;
  process.kill(worker, 'SIGKILL');
  await waitFor('the supervisor to see the worker die', async () => (stack.lines.some((l) => l.msg.startsWith('exited unexpectedly') && l.pid === worker) ? true : undefined));
  let bound: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    stack.interrupt().then((code) => ({ code })),
    new Promise<'still running'>((resolve) => (bound = setTimeout(() => resolve('still running'), 15_000))),
  ]);
  clearTimeout(bound);
  expect(outcome).toEqual({ code: 0 });
  expect(pids.filter(alive)).toEqual([]);
});
