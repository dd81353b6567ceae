import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBenchStartupConfig } from '../platform/config';
import { freePort } from '../platform/freePort';
import { projectRoot } from '../platform/projectRoot';
import { round, seconds } from './lib/benchFigures';
import { runStack, type StackLogLine } from './lib/runStack';

/**
 * `npm run bench:startup`: seconds from launching `npm start`'s supervisor to 'stack ready' (the
 * API answers /readyz and the worker polls), in a fresh clone of the built project:
 * - cold: no `.tools/` (the Temporal CLI is installed, from the pinned PyPI wheel), pip's and Go's
 *   caches empty, an empty DATA_DIR (initdb, a new Temporal database, every migration, demo data);
 * - warm: the same clone started again.
 * The clone is this project's dist/, node_modules/, prisma/ and package.json hard-linked into a
 * temporary folder, i.e. a clone after `npm ci && npm run build`; this project's own `.tools/` and
 * caches are never touched. Runs BENCH_RUNS times (default 3) and reports medians.
 * Last line: one JSON object of the figures.
 */

interface Run {
  ready_s: number;
  cli_s?: number;
}

async function timedStart(label: string, root: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const startedMs = Date.now();
  const started = process.hrtime.bigint();
  let cli: number | undefined;
  let ready = false;
  const progress = (line: StackLogLine) => {
    const at = line.time ? (Date.parse(line.time) - startedMs) / 1000 : seconds(started);
    if (line.msg === 'using Temporal CLI') cli = at;
    // The supervisor's own milestones, up to 'stack ready' (not the shutdown after it).
    if (!ready && line.process === 'start' && line.msg !== 'child output' && (line.level ?? 30) >= 30) console.log(`  ${label} +${at.toFixed(1)} s  ${line.component ? `${line.component}: ` : ''}${line.msg}`);
  };
  const stack = runStack(env, root, progress);
  try {
    await stack.ready;
    ready = true;
    return { ready_s: seconds(started), cli_s: cli };
  } finally {
    await stack.interrupt();
  }
}

/** A fresh clone of the built project, with nothing installed into `.tools/` yet. */
function freshClone(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-startup-'));
  fs.chmodSync(dir, 0o755);
  const root = projectRoot();
  execFileSync('cp', ['-al', ...['dist', 'node_modules', 'prisma', 'package.json'].map((f) => path.join(root, f)), dir]);
  return dir;
}

async function main(): Promise<void> {
  const runs = parseBenchStartupConfig(process.env).BENCH_RUNS;
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'info', LOG_FORMAT: 'json' };
  for (const name of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'SMTP_URL', 'TEMPORAL_CLI', 'DATA_DIR']) delete baseEnv[name];
  // A `temporal` on PATH would skip the install being measured.
  baseEnv.PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => !fs.existsSync(path.join(dir, 'temporal')))
    .join(path.delimiter);

  const cold: Run[] = [];
  const warm: Run[] = [];
  for (let i = 1; i <= runs; i++) {
    const clone = freshClone();
    const caches = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-startup-caches-'));
    const ports = await Promise.all(Array.from({ length: 6 }, freePort));
    const env: NodeJS.ProcessEnv = {
      ...baseEnv,
      DATA_DIR: path.join(clone, 'data'),
      // Empty caches: pip downloads the wheel again, and a `go install` fallback would build from nothing.
      PIP_NO_CACHE_DIR: '1',
      GOCACHE: path.join(caches, 'go-build'),
      GOMODCACHE: path.join(caches, 'go-mod'),
      GOPATH: path.join(caches, 'go'),
      API_PORT: String(ports[0]),
      TEMPORAL_PORT: String(ports[1]),
      TEMPORAL_UI_PORT: String(ports[2]),
      EMBEDDED_POSTGRES_PORT: String(ports[3]),
      MAIL_SINK_SMTP_PORT: String(ports[4]),
      MAIL_SINK_HTTP_PORT: String(ports[5]),
    };
    console.log(`run ${i}/${runs}: fresh clone ${clone}, no .tools/, empty pip and Go caches, empty DATA_DIR`);
    try {
      cold.push(await timedStart('cold', clone, env));
      warm.push(await timedStart('warm', clone, env));
    } finally {
      fs.rmSync(clone, { recursive: true, force: true });
      fs.rmSync(caches, { recursive: true, force: true });
    }
    const c = cold.at(-1)!;
    console.log(`run ${i}/${runs}: cold ${c.ready_s.toFixed(2)} s (Temporal CLI installed after ${c.cli_s?.toFixed(2) ?? '?'} s), warm ${warm.at(-1)!.ready_s.toFixed(2)} s`);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const cliInstall = cold.map((r) => r.cli_s).filter((s): s is number => s !== undefined);
  console.log(
    JSON.stringify({
      cold_ready_s: round(median(cold.map((r) => r.ready_s))),
      warm_ready_s: round(median(warm.map((r) => r.ready_s))),
      cli_install_s: cliInstall.length ? round(median(cliInstall)) : null,
      runs,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
