import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../platform/freePort';
import { runStack } from './lib/runStack';

/**
 * `npm run bench:startup`: seconds from launching `npm start`'s supervisor to the API answering
 * /readyz 200, cold (empty data folder: initdb, a new Temporal database, all migrations) and warm
 * (the same folder again). The Temporal CLI is found or built before timing starts.
 * Last line: one JSON object of the figures.
 */

async function timeToReady(env: NodeJS.ProcessEnv): Promise<number> {
  const started = process.hrtime.bigint();
  const stack = runStack(env);
  try {
    await stack.ready;
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    await stack.interrupt();
  }
}

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const ports = await Promise.all(Array.from({ length: 6 }, freePort));
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    // The supervisor's 'stack ready' line is an info line: it is what the timing waits for.
    LOG_LEVEL: 'info',
    API_PORT: String(ports[0]),
    TEMPORAL_PORT: String(ports[1]),
    TEMPORAL_UI_PORT: String(ports[2]),
    EMBEDDED_POSTGRES_PORT: String(ports[3]),
    MAIL_SINK_SMTP_PORT: String(ports[4]),
    MAIL_SINK_HTTP_PORT: String(ports[5]),
  };
  delete baseEnv.DATABASE_URL;
  delete baseEnv.TEMPORAL_ADDRESS;
  delete baseEnv.SMTP_URL;

  // A throw-away run makes sure the Temporal CLI is installed before anything is timed.
  const warmup = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-startup-'));
  fs.chmodSync(warmup, 0o755);
  console.log('preparing: finding or installing the Temporal CLI');
  await timeToReady({ ...baseEnv, DATA_DIR: warmup });
  fs.rmSync(warmup, { recursive: true, force: true });

  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-startup-'));
    fs.chmodSync(dataDir, 0o755);
    const env = { ...baseEnv, DATA_DIR: dataDir };
    cold.push(await timeToReady(env));
    warm.push(await timeToReady(env));
    console.log(`run ${i}/${runs}: cold ${cold.at(-1)!.toFixed(2)} s, warm ${warm.at(-1)!.toFixed(2)} s`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const round = (x: number) => Math.round(x * 100) / 100;
  console.log(JSON.stringify({ cold_ready_s: round(median(cold)), warm_ready_s: round(median(warm)), runs }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
