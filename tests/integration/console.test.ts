import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { projectRoot } from '../../platform/projectRoot';
import { stackEnvironment } from '../support/stackEnvironment';
import { waitFor } from '../support/waitFor';

/**
 * What a person sees on a terminal after `npm start`: the real command under a pseudo-terminal
 * (util-linux `script`), 50 rows high, read from the moment the banner appears for a fixed
 * observation window, and stopped with a Ctrl-C typed into that terminal.
 */
const run = promisify(execFile);
const ROWS = 50;
const WINDOW_MS = 20_000;
const MIIT = 'demo-national-miit-miitCoordinator';

describe('the console of npm start', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rare-earth-console-'));
    fs.chmodSync(dataDir, 0o755);
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('shows the URLs and sign-in last and keeps them on screen; the demo autopilot’s requests are not shown', async () => {
    const env: NodeJS.ProcessEnv = { ...(await stackEnvironment(dataDir)), TERM: 'xterm-256color' };
    const [api, ui, mailbox] = [env.API_PORT, env.TEMPORAL_UI_PORT, env.MAIL_SINK_HTTP_PORT];
    // --ignore-scripts skips only the prestart build (the test run has built dist/ already).
    const terminal = spawn('script', ['-qfec', `stty rows ${ROWS} cols 200; exec npm start --ignore-scripts`, '/dev/null'], {
      cwd: projectRoot(),
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    terminal.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    terminal.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => terminal.once('exit', resolve));

    try {
      const bannerAt = await waitFor('the banner', async () => {
        if (terminal.exitCode !== null) throw new Error(`npm start exited: ${stripVTControlCharacters(output).slice(-3_000)}`);
        const at = output.indexOf('campaign stack is up');
        return at >= 0 ? at : undefined;
      }, 300_000);
      await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
      const lines = stripVTControlCharacters(output).replace(/\r/g, '').split('\n');
      const start = stripVTControlCharacters(output.slice(0, bannerAt)).replace(/\r/g, '').split('\n').length - 1;
      const screen = lines.slice(-ROWS).join('\n');
      const seen = lines.slice(start).join('\n');

      // Last in start-up, and still on the screen (not scrolled away) when the window ends.
      expect(screen).toContain('Rare-earth campaign stack is up');
      for (const url of [`http://127.0.0.1:${api}`, `http://127.0.0.1:${api}/docs`, `http://127.0.0.1:${ui}`, `http://127.0.0.1:${mailbox}`]) {
        expect(screen).toContain(url);
      }
      expect(screen).toContain('Authorization: Bearer');
      expect(screen).toContain(MIIT);
      // The demo campaign's status line comes every few seconds.
      expect(seen).toMatch(/demo-2014 \d{4}-\d{2}-\d{2} day \d+\/\d+ /);
      // The autopilot worked in the window (so its requests were made) yet none was shown.
      const completed = await fetch(`http://127.0.0.1:${api}/tasks?status=completed&pageSize=1`, { headers: { authorization: `Bearer ${MIIT}` } });
      expect(((await completed.json()) as { total: number }).total).toBeGreaterThan(0);
      expect(seen.split('\n').filter((l) => /\bapi\s+request\b/.test(l))).toEqual([]);

      // `npm run status` says the same from the file the stack keeps.
      const status = await run('npm', ['run', '--silent', 'status'], { cwd: projectRoot(), env });
      expect(status.stdout).toContain('running since');
      expect(status.stdout).toContain(`http://127.0.0.1:${api}/docs`);
      expect(status.stdout).toContain(MIIT);
      expect(status.stdout).toMatch(/Demo campaign +demo-2014 \d{4}-\d{2}-\d{2}/);
    } finally {
      terminal.stdin.write('\x03');
      const timer = setTimeout(() => terminal.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(timer);
    }
    const after = await run('npm', ['run', '--silent', 'status'], { cwd: projectRoot(), env }).catch((error: { code: number; stdout: string }) => error);
    expect('code' in after ? after.code : 0).toBe(3);
    expect(after.stdout).toContain('not running');
  }, 420_000);
});
