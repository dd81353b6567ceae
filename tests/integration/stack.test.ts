import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection, Client } from '@temporalio/client';
import { tipWorkflowId } from '../../domain/tip';
import { projectRoot } from '../../platform/projectRoot';
import { readStackInfo } from '../../scripts/lib/banner';
import { runStack, type StackLogLine } from '../../scripts/lib/runStack';
import { alive, stackEnvironment } from '../support/stackEnvironment';
import { waitFor } from '../support/waitFor';

/**
 * `npm start` as a user runs it: the compiled supervisor with its embedded defaults (its own
 * Temporal dev server, PostgreSQL and mail sink), on free ports, stopped the way a terminal's
 * Ctrl-C does it.
 */
const MIIT_DEMO_TOKEN = 'demo-national-miit-miitCoordinator';
const miit = { headers: { authorization: `Bearer ${MIIT_DEMO_TOKEN}` } };

function pidsOf(lines: StackLogLine[]): number[] {
  return lines.filter((l) => l.pid !== undefined && l.process === 'start').map((l) => l.pid!);
}

describe('npm start', () => {
  let dataDir: string;

  const environment = () => stackEnvironment(dataDir);

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rare-earth-stack-'));
    fs.chmodSync(dataDir, 0o755);
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('comes up, prints its URLs, stops on Ctrl-C without orphans, and resumes from its data', async () => {
    const first = runStack(await environment());
    const ready = await first.ready;
    const urls = ready.urls!;
    expect(Object.keys(urls).sort()).toEqual(['api', 'docs', 'mailbox', 'openapi', 'temporalUi']);

    expect((await fetch(`${urls.api}/readyz`)).status).toBe(200);
    expect((await fetch(urls.openapi)).status).toBe(200);
    expect((await fetch(urls.temporalUi)).status).toBe(200);
    expect((await fetch(urls.mailbox)).status).toBe(200);

    const submitted = await fetch(`${urls.api}/tips`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'stack-test-tip-1', authorization: `Bearer ${MIIT_DEMO_TOKEN}` },
      body: JSON.stringify({ source: 'letter', text: '越界开采 cross-boundary mining', receivedAt: '2014-11-02T08:00:00Z' }),
    });
    expect(submitted.status).toBe(201);
    const tipId = ((await submitted.json()) as { id: string }).id;

    // The empty database got the fictional demo data, and the demo campaign runs on it.
    const register = (await (await fetch(`${urls.api}/enterprises?pageSize=1`, miit)).json()) as { total: number };
    expect(register.total).toBe(40);
    const tasks = await waitFor('the demo campaign\'s first tasks', async () => {
      const page = (await (await fetch(`${urls.api}/tasks?pageSize=1`, miit)).json()) as { total: number };
      return page.total > 0 ? page.total : undefined;
    });
    expect(tasks).toBeGreaterThan(0);

    // The console's links set a demo person's password, who then signs in to the web inbox.
    const links = readStackInfo(dataDir)!.signInLinks!;
    expect(links.length).toBeGreaterThan(0);
    const [person] = links;
    const password = 'a long enough demo password';
    const json = { 'content-type': 'application/json' };
    const set = await fetch(`${urls.api}/auth/password`, { method: 'POST', headers: json, body: JSON.stringify({ token: new URL(person.url).searchParams.get('token'), password, passwordAgain: password }) });
    expect(set.status).toBeLessThan(400);
    expect((await fetch(`${urls.api}/auth/sign-in`, { method: 'POST', headers: json, body: JSON.stringify({ email: person.email, password }) })).status).toBe(200);

    const firstPids = pidsOf(first.lines);
    expect(firstPids).toHaveLength(5); // Temporal, PostgreSQL, mail sink, worker, API
    expect(firstPids.every(alive)).toBe(true);

    expect(await first.interrupt()).toBe(0);
    expect(firstPids.filter(alive)).toEqual([]);
    const stopped = first.lines.filter((l) => l.msg === 'stopped').map((l) => l.component);
    expect(stopped).toEqual(['console', 'autopilot', 'api', 'worker', 'mail sink', ...stopped.slice(5)]);
    expect(stopped.slice(5).sort()).toEqual(['postgres', 'temporal']);

    const env = await environment();
    const second = runStack(env);
    const again = await second.ready;
    try {
      const tip = await fetch(`${again.urls!.api}/tips/${tipId}`, miit);
      expect(tip.status).toBe(200);
      // The demo data is loaded once, not again on the second start.
      const register = (await (await fetch(`${again.urls!.api}/enterprises?pageSize=1`, miit)).json()) as { total: number };
      expect(register.total).toBe(40);
      expect(second.lines.some((l) => l.msg.startsWith('empty database'))).toBe(false);
      expect(second.lines.some((l) => l.msg === 'demo campaign already exists: resuming')).toBe(true);
      // Who has set a password gets no new link; the others get fresh ones.
      const relisted = readStackInfo(dataDir)!.signInLinks!.map((l) => l.email);
      expect(relisted).not.toContain(person.email);
      expect(relisted).toEqual(links.slice(1).map((l) => l.email));
      const connection = await Connection.connect({ address: `127.0.0.1:${env.TEMPORAL_PORT}` });
      try {
        const description = await new Client({ connection }).workflow.getHandle(tipWorkflowId(tipId)).describe();
        expect(description.status.name).toBe('COMPLETED');
      } finally {
        await connection.close();
      }
    } finally {
      expect(await second.interrupt()).toBe(0);
    }
    expect(pidsOf(second.lines).filter(alive)).toEqual([]);
  });
});

test('a bad setting stops start-up with a message naming the variable', async () => {
  const script = path.join(projectRoot(), 'dist', 'scripts', 'start.js');
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH, API_PORT: 'three thousand', SMTP_URL: 'http://mail' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  expect(code).toBe(2);
  expect(stderr).toContain('API_PORT="three thousand"');
  expect(stderr).toContain('SMTP_URL="http://mail": must start with smtp:// or smtps://');
});
