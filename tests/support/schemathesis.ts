import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '../../platform/logger';

const run = promisify(execFile);

/** Pinned: the test's expectations (checks, config keys) are those of this version. */
export const SCHEMATHESIS_VERSION = '4.32';
const PACKAGES = [`schemathesis==${SCHEMATHESIS_VERSION}.*`, 'openapi-spec-validator==0.7.*'];

/** The virtualenv's python, with Schemathesis and openapi-spec-validator in it. */
export function schemathesisPython(toolsDir: string): string {
  return path.join(toolsDir, `venv-schemathesis-${SCHEMATHESIS_VERSION}`, 'bin', 'python');
}

/**
 * Creates the ignored virtualenv once (seconds, from PyPI). It is built beside its final name and
 * renamed into place, so a run interrupted, or two test runs at once, never leave a half-made one.
 */
export async function findOrInstallSchemathesis(options: { toolsDir: string; log: Logger }): Promise<string> {
  const python = schemathesisPython(options.toolsDir);
  if (fs.existsSync(python)) return python;
  const venv = path.dirname(path.dirname(python));
  const partial = `${venv}.partial-${process.pid}`;
  options.log.info({ venv, packages: PACKAGES }, 'installing Schemathesis into a virtualenv (first time only)');
  fs.rmSync(partial, { recursive: true, force: true });
  await run('python3', ['-m', 'venv', partial], { timeout: 120_000 });
  await run(path.join(partial, 'bin', 'python'), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', ...PACKAGES], { timeout: 10 * 60_000, maxBuffer: 16 * 1024 * 1024 });
  try {
    fs.renameSync(partial, venv);
  } catch (error) {
    // Another run finished first: theirs is as good.
    fs.rmSync(partial, { recursive: true, force: true });
    if (!fs.existsSync(python)) throw error;
  }
  return python;
}
