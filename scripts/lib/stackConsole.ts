import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { Logger } from '../../platform/logger';
import { createPrisma } from '../../platform/prisma';
import { bannerLine, bannerText, writeStackInfo, type StackInfo } from './banner';
import { campaignStatus, statusLineText } from './statusLine';

/**
 * What `npm start` shows once the stack is ready: the banner, last; then the banner as one line
 * every minute, and, while the demo runs, the demo campaign's status every few seconds when it
 * has changed. On a terminal these are plain lines; in JSON mode, log events with the same facts.
 */
export async function startStackConsole(options: {
  log: Logger;
  pretty: boolean;
  info: StackInfo;
  databaseUrl: string;
  /** The banner waits for the worker to poll this task queue, so it is not followed by the worker's start-up lines. */
  worker: { temporalAddress: string; namespace: string; taskQueue: string; startedAtMs: number };
  statusEveryMs?: number;
  bannerEveryMs?: number;
}): Promise<{ stop(): Promise<void> }> {
  const { log, pretty, info } = options;
  if (!(await workerPolling(options.worker))) log.warn({ taskQueue: options.worker.taskQueue }, 'no worker polls the task queue yet: workflows wait until one does');
  writeStackInfo(info);
  if (pretty) {
    log.info('stack ready');
    process.stdout.write(bannerText(info, 'Rare-earth campaign stack is up (Ctrl-C stops it)'));
  } else {
    log.info({ urls: info.urls, tokens: info.tokens }, 'stack ready');
  }

  const bannerTimer = setInterval(() => {
    if (pretty) log.info(bannerLine(info));
    else log.info({ urls: info.urls }, 'stack running');
  }, options.bannerEveryMs ?? 60_000);

  const { demo } = info;
  if (!demo) return { stop: async () => clearInterval(bannerTimer) };

  const demoLog = log.child({ component: 'demo' });
  const prisma = createPrisma(options.databaseUrl);
  const scale = { kind: 'scaled', daysPerSecond: demo.daysPerSecond } as const;
  let last = '';
  let busy = false;
  const statusTimer = setInterval(() => {
    if (busy) return;
    busy = true;
    void campaignStatus(prisma, demo.campaignId, scale)
      .then((status) => {
        if (!status) return;
        const text = statusLineText(status);
        if (text === last) return;
        last = text;
        if (pretty) demoLog.info(text);
        else demoLog.info({ campaign: status }, 'campaign status');
      })
      .catch((error: unknown) => demoLog.debug({ err: error instanceof Error ? error.message : String(error) }, 'campaign status not available'))
      .finally(() => (busy = false));
  }, options.statusEveryMs ?? 5_000);

  return {
    async stop() {
      clearInterval(bannerTimer);
      clearInterval(statusTimer);
      await prisma.$disconnect();
    },
  };
}

/** Whether a worker started after `startedAtMs` polls the task queue, asked of Temporal for up to `timeoutMs`. */
async function workerPolling(options: { temporalAddress: string; namespace: string; taskQueue: string; startedAtMs: number }, timeoutMs = 60_000): Promise<boolean> {
  const connection = await Connection.connect({ address: options.temporalAddress });
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { pollers } = await connection.workflowService.describeTaskQueue({
        namespace: options.namespace,
        taskQueue: { name: options.taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      });
      // Pollers of an earlier run stay listed for minutes: only this run's worker counts.
      if (pollers.some((p) => Number(p.lastAccessTime?.seconds ?? 0) * 1_000 >= options.startedAtMs)) return true;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return false;
  } finally {
    await connection.close();
  }
}
