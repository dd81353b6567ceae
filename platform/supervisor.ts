import type { ManagedProcess } from './childProcess';
import type { Logger } from './logger';

/** A process the supervisor keeps running: `start` resolves once it is up (and rejects if it cannot come up). */
export interface SupervisedSpec {
  name: string;
  start(): Promise<ManagedProcess>;
  /** How long a stop may take before the process group is killed. */
  stopMs: number;
  /** Stops it gracefully; the default sends SIGTERM. */
  stop?(process: ManagedProcess): Promise<void>;
}

export interface SupervisorOptions {
  log: Logger;
  /** First restart after this long, doubling up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** More than `maxRestarts` restarts of one process within `windowMs` and the supervisor gives up. */
  maxRestarts?: number;
  windowMs?: number;
  /** Called once, when a process keeps dying: the stack should stop. */
  onGiveUp(name: string, lastLines: string[]): void;
}

interface Entry {
  spec: SupervisedSpec;
  current?: ManagedProcess;
  /** A restart under way: a stop waits for it (within its time limit) so nothing is left behind. */
  starting?: Promise<ManagedProcess>;
  restarts: number[];
  total: number;
}

/**
 * Keeps the processes of `npm start` running: one that exits while the stack is not stopping is
 * started again (same command, same data) after a backoff, and every restart is logged and
 * counted. A process that keeps dying (more than `maxRestarts` within `windowMs`) is not
 * restarted for ever: `onGiveUp` gets its name and last output lines. Stopping goes in groups, in
 * the order given, each process within its own time limit, so a dead or frozen part cannot hold
 * the stop up.
 */
export class Supervisor {
  private readonly entries = new Map<string, Entry>();
  private stopping = false;
  private gaveUp = false;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly maxRestarts: number;
  private readonly windowMs: number;

  constructor(private readonly options: SupervisorOptions) {
    this.initialBackoffMs = options.initialBackoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
    this.maxRestarts = options.maxRestarts ?? 8;
    this.windowMs = options.windowMs ?? 120_000;
  }

  /** Starts a process (its first start failing is the caller's error) and supervises it from then on. */
  async add(spec: SupervisedSpec): Promise<ManagedProcess> {
    const entry: Entry = { spec, restarts: [], total: 0 };
    this.entries.set(spec.name, entry);
    const process = await spec.start();
    // Interrupted while it came up: it is not left running behind the supervisor's back.
    if (this.stopping) process.kill();
    else this.watch(entry, process);
    return process;
  }

  /** Restarts so far, by process. */
  restartCounts(): Record<string, number> {
    return Object.fromEntries([...this.entries].map(([name, e]) => [name, e.total]));
  }

  pid(name: string): number | undefined {
    return this.entries.get(name)?.current?.child.pid;
  }

  private watch(entry: Entry, process: ManagedProcess): void {
    entry.current = process;
    void process.exited.then((code) => {
      if (this.stopping || entry.current !== process) return;
      this.options.log.error({ component: entry.spec.name, code, pid: process.child.pid }, 'exited unexpectedly: restarting it');
      void this.restart(entry, process.recentOutput());
    });
  }

  private async restart(entry: Entry, lastLines: string[]): Promise<void> {
    const { log } = this.options;
    const name = entry.spec.name;
    for (;;) {
      const now = Date.now();
      entry.restarts = entry.restarts.filter((t) => now - t < this.windowMs);
      if (entry.restarts.length >= this.maxRestarts) {
        if (!this.gaveUp && !this.stopping) {
          this.gaveUp = true;
          log.fatal({ component: name, restarts: entry.restarts.length, windowS: this.windowMs / 1000, lastLines }, `${name} keeps failing: giving up`);
          this.options.onGiveUp(name, lastLines);
        }
        return;
      }
      entry.restarts.push(now);
      const backoffMs = Math.min(this.maxBackoffMs, this.initialBackoffMs * 2 ** (entry.restarts.length - 1));
      await new Promise((resolve) => setTimeout(resolve, backoffMs));
      if (this.stopping) return;
      try {
        entry.starting = entry.spec.start();
        const process = await entry.starting.finally(() => (entry.starting = undefined));
        entry.current = process;
        entry.total++;
        if (this.stopping) {
          await this.stopOne(entry);
          return;
        }
        log.warn({ component: name, pid: process.child.pid, restarts: entry.total, backoffMs }, 'restarted');
        this.watch(entry, process);
        return;
      } catch (error) {
        log.error({ component: name, err: error instanceof Error ? error.message : String(error) }, 'restart failed');
        lastLines = [error instanceof Error ? error.message : String(error)];
      }
    }
  }

  private async stopOne(entry: Entry): Promise<void> {
    if (entry.starting) {
      let wait: NodeJS.Timeout | undefined;
      await Promise.race([entry.starting.catch(() => undefined), new Promise((resolve) => (wait = setTimeout(resolve, entry.spec.stopMs)))]);
      clearTimeout(wait);
    }
    const process = entry.current;
    if (!process) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        (entry.spec.stop ?? ((p) => p.stop(entry.spec.stopMs)))(process),
        new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            this.options.log.warn({ component: entry.spec.name, afterMs: entry.spec.stopMs }, 'did not stop in time: killed');
            process.kill();
            resolve();
          }, entry.spec.stopMs + 500);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stops no more restarts from happening, then stops the named processes group by group. */
  async stop(groups: string[][], onStopped: (name: string) => void): Promise<void> {
    this.stopping = true;
    for (const group of groups) {
      await Promise.all(
        group.map(async (name) => {
          const entry = this.entries.get(name);
          if (!entry) return;
          await this.stopOne(entry);
          onStopped(name);
        }),
      );
    }
  }

  /** Kills every process group now: the second Ctrl-C. */
  killAll(): void {
    this.stopping = true;
    for (const entry of this.entries.values()) entry.current?.kill();
  }
}
