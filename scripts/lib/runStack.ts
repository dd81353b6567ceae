import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { projectRoot } from '../../platform/projectRoot';

/** One JSON log line of the supervisor or a process it runs. */
export interface StackLogLine {
  level?: number;
  time?: string;
  msg: string;
  process: string;
  component?: string;
  pid?: number;
  urls?: Record<string, string>;
}

export interface RunningStack {
  child: ChildProcess;
  lines: StackLogLine[];
  /** The 'stack ready' line, with the URLs it printed. */
  ready: Promise<StackLogLine>;
  exited: Promise<number | null>;
  /** What a terminal's Ctrl-C does: SIGINT to the whole foreground process group. */
  interrupt(): Promise<number | null>;
}

/** Runs the compiled `npm start` supervisor of the project at `root` as a user would, in a process group of its own. */
export function runStack(env: NodeJS.ProcessEnv, root = projectRoot(), onLine?: (line: StackLogLine) => void): RunningStack {
  const script = path.join(root, 'dist', 'scripts', 'start.js');
  if (!fs.existsSync(script)) throw new Error(`${script} is missing: run npm run build first`);
  const child = spawn(process.execPath, [script], { env, cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: StackLogLine[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<StackLogLine>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (text) => {
      if (!text.startsWith('{')) return;
      const line = JSON.parse(text) as StackLogLine;
      lines.push(line);
      onLine?.(line);
      if (line.msg === 'stack ready') resolve(line);
    });
    void exited.then((code) => {
      // pino levels: 50 error, 60 fatal.
      const why = lines.filter((l) => (l.level ?? 0) >= 50);
      reject(new Error(`the stack exited (${code}) before it was ready: ${JSON.stringify(why).slice(0, 2_000)}`));
    });
  });
  ready.catch(() => undefined);
  child.stderr!.resume();
  return {
    child,
    lines,
    ready,
    exited,
    interrupt() {
      process.kill(-child.pid!, 'SIGINT');
      return exited;
    },
  };
}
