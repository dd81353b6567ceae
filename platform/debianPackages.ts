import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { onPath } from './executables';
import type { Logger } from './logger';

const run = promisify(execFile);

function firstLines(error: unknown): string {
  return error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
}

/**
 * Installs Debian packages with apt-get, as root only. apt-get waits for a lock another install
 * holds (the machine may be installing something else already) rather than failing; if the
 * package lists are missing it refreshes them once.
 */
export async function aptInstall(packages: readonly string[], log?: Logger): Promise<void> {
  const apt = onPath('apt-get');
  if (!apt) throw new Error('apt-get is not on PATH');
  if (process.getuid?.() !== 0) throw new Error('not running as root, so packages cannot be installed');
  const options = { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 30 * 60_000, maxBuffer: 64 * 1024 * 1024 };
  const lock = ['-o', 'DPkg::Lock::Timeout=1800'];
  const install = () => run(apt, [...lock, 'install', '-y', '--no-install-recommends', ...packages], options);
  log?.info({ packages }, 'installing with apt-get (first time only)');
  try {
    await install();
  } catch (error) {
    log?.info({ error: firstLines(error) }, 'apt-get install failed; refreshing the package lists and trying again');
    await run(apt, [...lock, 'update'], options);
    await install();
  }
}

/**
 * Makes sure each command is on PATH, installing the Debian package that carries it where it is
 * not; fails with one message naming what is still missing.
 */
export async function ensureCommands(commands: Readonly<Record<string, string>>, log?: Logger): Promise<void> {
  const missing = Object.entries(commands).filter(([command]) => !onPath(command));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map(([, pkg]) => pkg))];
  try {
    await aptInstall(packages, log);
  } catch (error) {
    throw new Error(`missing ${missing.map(([c]) => c).join(', ')}; installing ${packages.join(' ')} failed: ${firstLines(error)}`);
  }
  const still = missing.filter(([command]) => !onPath(command));
  if (still.length) throw new Error(`still missing after apt-get install: ${still.map(([c]) => c).join(', ')}`);
}
