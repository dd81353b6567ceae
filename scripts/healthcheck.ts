import os from 'node:os';
import { Connection } from '@temporalio/client';
import { config } from '../platform/config';
import { livePollers } from '../platform/taskQueuePollers';

/**
 * The container health checks of docker-compose.yml, with the readiness logic of `/readyz`:
 * `api` asks the API's /readyz; `worker` asks Temporal whether this container's worker (its
 * identity ends in @<hostname>) is polling the task queue. Exit 0 when healthy, 1 with the reason.
 */
async function main(): Promise<void> {
  const cfg = config();
  const what = process.argv[2];
  if (what === 'api') {
    const res = await fetch(`http://127.0.0.1:${cfg.API_PORT}/readyz`, { signal: AbortSignal.timeout(4_000) });
    if (!res.ok) throw new Error(`/readyz answered ${res.status}: ${await res.text()}`);
    return;
  }
  if (what !== 'worker') throw new Error('usage: node dist/scripts/healthcheck.js api|worker');
  if (!cfg.TEMPORAL_ADDRESS) throw new Error('TEMPORAL_ADDRESS is not set');
  const connection = await Connection.connect({ address: cfg.TEMPORAL_ADDRESS, connectTimeout: 3_000 });
  try {
    const mine = (await connection.withDeadline(Date.now() + 3_000, () => livePollers(connection.workflowService, cfg.TEMPORAL_NAMESPACE, cfg.TEMPORAL_TASK_QUEUE))).filter((id) =>
      id.endsWith(`@${os.hostname()}`),
    );
    if (mine.length === 0) throw new Error(`no worker of ${os.hostname()} is polling task queue ${cfg.TEMPORAL_TASK_QUEUE}`);
  } finally {
    await connection.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
