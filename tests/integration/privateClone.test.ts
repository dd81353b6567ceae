import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RELOCATED_POSTGRES_ROOT } from '../../platform/postgres';
import { projectRoot } from '../../platform/projectRoot';
import { runStack, type StackLogLine } from '../../scripts/lib/runStack';
import { retriedWhileUnavailable } from '../support/retryUnavailable';
import { stackEnvironment } from '../support/stackEnvironment';

/**
 * A clone under a mode-700 folder (as /root is), started as root: PostgreSQL runs as the
 * `postgres` user, who cannot enter the clone, so its binaries and data move to
 * RELOCATED_POSTGRES_ROOT, and the data is still there on the next start. The clone is the built
 * project hard-linked into such a folder (a fresh `npm ci` and build would only add minutes).
 */
const MIIT = { authorization: 'Bearer demo-national-miit-miitCoordinator' };
const asRoot = process.getuid?.() === 0 ? describe : describe.skip;

asRoot('npm start from a clone inside a mode-700 folder', () => {
  let home: string;
  let clone: string;
  let relocatedData: string | undefined;

  beforeAll(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'rare-earth-home-'));
    fs.chmodSync(home, 0o700);
    clone = path.join(home, 'rare-earth-campaign');
    fs.mkdirSync(clone);
    const root = projectRoot();
    execFileSync('cp', ['-al', path.join(root, 'dist'), path.join(root, 'node_modules'), path.join(root, 'prisma'), path.join(root, 'package.json'), clone]);
  });
  afterAll(() => {
    fs.rmSync(home, { recursive: true, force: true });
    if (relocatedData) {
      fs.rmSync(relocatedData, { recursive: true, force: true });
      fs.rmSync(`${relocatedData}.txt`, { force: true });
    }
  });

  test('runs PostgreSQL from a reachable copy, says where its data is, and keeps the data across restarts', async () => {
    const dataDir = path.join(clone, 'data');
    let tipId = '';
    const first = runStack(await stackEnvironment(dataDir), clone);
    try {
      await first.ready;
      const moved = first.lines.find((l) => l.msg.startsWith('the postgres user cannot reach DATA_DIR')) as (StackLogLine & { dataDir: string; link?: string }) | undefined;
      expect(moved).toBeDefined();
      relocatedData = moved!.dataDir;
      expect(path.dirname(relocatedData)).toBe(RELOCATED_POSTGRES_ROOT);
      expect(moved!.link).toBe(path.join(dataDir, 'postgres'));
      expect(fs.readlinkSync(path.join(dataDir, 'postgres'))).toBe(relocatedData);
      expect(first.lines.map((l) => l.msg)).toContain('the postgres user cannot reach node_modules: running PostgreSQL from a copy');
      expect(fs.statSync(path.join(relocatedData, 'PG_VERSION')).uid).not.toBe(0);

      // Sent while the demo's first rule checks keep the worker busy: retried on 503 as a client does.
      const api = (await first.ready).urls!.api;
      const tip = await retriedWhileUnavailable(
        () =>
          fetch(`${api}/tips`, {
            method: 'POST',
            headers: { ...MIIT, 'content-type': 'application/json', 'idempotency-key': 'private-clone-tip' },
            body: JSON.stringify({ source: 'letter', text: '私采稀土 illegal mining', receivedAt: '2014-11-02T08:00:00Z' }),
          }),
        'the tip accepted',
      );
      expect(tip.status).toBe(201);
      tipId = ((await tip.json()) as { id: string }).id;
    } finally {
      await first.interrupt();
    }

    const second = runStack(await stackEnvironment(dataDir), clone);
    try {
      const { urls } = await second.ready;
      expect((await fetch(`${urls!.api}/tips/${encodeURIComponent(tipId)}`, { headers: MIIT })).status).toBe(200);
    } finally {
      await second.interrupt();
    }
  }, 600_000);
});
