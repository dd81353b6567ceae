import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import readline from 'node:readline';
import type { Logger } from './logger';

type OutputLevel = 'debug' | 'info' | 'warn' | 'error';

export interface ManagedProcess {
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<number | NodeJS.Signals>;
  /** `signal` (SIGTERM by default), then SIGKILL to its process group if it has not exited within `graceMs`. */
  stop(graceMs?: number, signal?: NodeJS.Signals): Promise<void>;
  /** SIGKILL to its whole process group, now (a frozen process too). */
  kill(): void;
  /** Its last output lines, for a message about why it keeps dying. */
  recentOutput(): string[];
}

const RECENT_LINES = 20;

/**
 * Spawns a child in its own process group, so a Ctrl-C in the terminal reaches only the
 * supervisor, which then stops children in order (API, worker, Temporal, PostgreSQL) instead of
 * all at once. Each output line is logged through `log`.
 */
export function spawnManaged(
  command: string,
  args: string[],
  options: SpawnOptions & { log: Logger; outputLevel?: OutputLevel | ((line: string) => OutputLevel); passthrough?: (line: string) => void },
): ManagedProcess {
  const { log, outputLevel = 'info', passthrough, ...spawnOptions } = options;
  const child = spawn(command, args, { ...spawnOptions, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const recent: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    readline.createInterface({ input: stream }).on('line', (line) => {
      recent.push(line);
      if (recent.length > RECENT_LINES) recent.shift();
      // Our own node processes already write pino JSON lines: hand them on as they are.
      if (passthrough) passthrough(line);
      else log[typeof outputLevel === 'function' ? outputLevel(line) : outputLevel]({ output: line }, 'child output');
    });
  }
  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 0));
    child.once('error', (error) => {
      log.error({ err: error }, 'child process failed to start');
      resolve(1);
    });
  });
  const gone = () => child.exitCode !== null || child.signalCode !== null || child.pid === undefined;
  const kill = () => {
    if (gone()) return;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  };
  return {
    child,
    exited,
    kill,
    recentOutput: () => [...recent],
    async stop(graceMs = 10_000, signal: NodeJS.Signals = 'SIGTERM') {
      if (gone()) return;
      child.kill(signal);
      const timer = setTimeout(kill, graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
