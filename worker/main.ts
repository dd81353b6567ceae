import fs from 'node:fs';
import { NativeConnection } from '@temporalio/worker';
import { createActivities } from '../activities';
import { config, databaseTimeouts, workerPoolSize } from '../platform/config';
import { type PdfRenderer, libreOfficePdfRenderer } from '../platform/libreOffice';
import { createLogger } from '../platform/logger';
import { createMailer } from '../platform/mailer';
import { onParentExit } from '../platform/parentWatch';
import { createPrisma } from '../platform/prisma';
import { installTemporalLogging } from '../platform/temporalLogging';
import { workflowBundlePath } from './bundlePath';
import { createWorker } from './createWorker';

async function main(): Promise<void> {
  const cfg = config();
  const log = createLogger('worker', cfg.LOG_LEVEL, cfg.LOG_FORMAT);
  if (!cfg.DATABASE_URL || !cfg.TEMPORAL_ADDRESS || !cfg.SMTP_URL) {
    throw new Error('the worker needs DATABASE_URL, TEMPORAL_ADDRESS and SMTP_URL (npm start sets all three)');
  }
  installTemporalLogging(log);
  const bundle = workflowBundlePath();
  if (!fs.existsSync(bundle)) throw new Error(`no workflow bundle at ${bundle}: run npm run build first`);

  // Found (or installed) in the background, as in the API: a restarted worker polls at once
  // (checking soffice takes seconds, which a crash recovery should not wait for); a boundary
  // report that comes first waits for it, heartbeating.
  const engine = libreOfficePdfRenderer(log, { configuredPath: cfg.LIBREOFFICE_BIN });
  const pdf: PdfRenderer = async (xlsx, name) => (await engine)?.(xlsx, name);
  // One connection per activity the worker may run: none waits for the pool (nor times out a transaction).
  const prisma = createPrisma(cfg.DATABASE_URL, { poolSize: workerPoolSize(cfg), timeouts: databaseTimeouts(cfg) });
  const connection = await NativeConnection.connect({ address: cfg.TEMPORAL_ADDRESS });
  const worker = await createWorker({
    connection,
    namespace: cfg.TEMPORAL_NAMESPACE,
    taskQueue: cfg.TEMPORAL_TASK_QUEUE,
    activities: createActivities({
      prisma,
      mailer: createMailer(cfg.SMTP_URL),
      mailFrom: cfg.MAIL_FROM,
      reportsDir: cfg.REPORTS_DIR,
      miitReportEmail: cfg.MIIT_REPORT_EMAIL,
      pdf,
    }),
    workflowBundlePath: bundle,
    shutdownGraceSeconds: cfg.WORKER_SHUTDOWN_GRACE_S,
    activityConcurrency: cfg.WORKER_ACTIVITY_CONCURRENCY,
    updateActivityConcurrency: cfg.WORKER_UPDATE_ACTIVITY_CONCURRENCY,
    workflowTaskConcurrency: cfg.WORKER_WORKFLOW_TASK_CONCURRENCY,
    maxCachedWorkflows: cfg.WORKER_MAX_CACHED_WORKFLOWS,
  });
  onParentExit(() => {
    log.warn('supervisor is gone: shutting down');
    worker.shutdown();
  });
  log.info({ taskQueue: cfg.TEMPORAL_TASK_QUEUE, namespace: cfg.TEMPORAL_NAMESPACE }, 'worker started');
  try {
    // Resolves after SIGINT/SIGTERM once in-flight activities have finished (or the grace ran out).
    await worker.run();
  } finally {
    await connection.close();
    await prisma.$disconnect();
    log.info('worker stopped');
  }
}

main().catch((error: unknown) => {
  createLogger('worker').fatal({ err: error }, 'worker failed');
  process.exit(1);
});
