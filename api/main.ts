import { Client, Connection } from '@temporalio/client';
import { config, databaseTimeouts } from '../platform/config';
import { type PdfRenderer, libreOfficePdfRenderer } from '../platform/libreOffice';
import { createLogger } from '../platform/logger';
import { createMailer } from '../platform/mailer';
import { onParentExit } from '../platform/parentWatch';
import { createPrisma } from '../platform/prisma';
import { taskChangeFeed } from '../store/taskChanges';
import { createApp } from './app';

async function main(): Promise<void> {
  const cfg = config();
  const log = createLogger('api', cfg.LOG_LEVEL, cfg.LOG_FORMAT);
  if (!cfg.DATABASE_URL || !cfg.TEMPORAL_ADDRESS) {
    throw new Error('the API needs DATABASE_URL and TEMPORAL_ADDRESS (npm start sets both)');
  }
  const prisma = createPrisma(cfg.DATABASE_URL, { timeouts: databaseTimeouts(cfg) });
  // Lazy: the API starts, and /readyz says 503, while Temporal is still coming up or is down.
  const connection = Connection.lazy({ address: cfg.TEMPORAL_ADDRESS });
  const temporal = new Client({ connection, namespace: cfg.TEMPORAL_NAMESPACE });
  // Found (or installed) in the background: the API answers meanwhile, a draft waits for it.
  const engine = libreOfficePdfRenderer(log, { configuredPath: cfg.LIBREOFFICE_BIN });
  const pdf: PdfRenderer = async (xlsx, name) => (await engine)?.(xlsx, name);
  const app = createApp({
    prisma,
    temporal,
    namespace: cfg.TEMPORAL_NAMESPACE,
    ...(cfg.TEMPORAL_UI_URL ? { temporalUiUrl: cfg.TEMPORAL_UI_URL } : {}),
    taskQueue: cfg.TEMPORAL_TASK_QUEUE,
    log,
    reportsDir: cfg.REPORTS_DIR,
    pdf,
    taskChanges: taskChangeFeed(cfg.DATABASE_URL, (error) => log.warn({ err: error }, 'task change feed lost its connection')),
    ...(cfg.SMTP_URL ? { mailer: createMailer(cfg.SMTP_URL) } : {}),
    caseSettings: {
      scale: cfg.TIME_SCALE_DAYS_PER_SECOND > 0 ? { kind: 'scaled', daysPerSecond: cfg.TIME_SCALE_DAYS_PER_SECOND } : { kind: 'realtime' },
      taskDueDays: cfg.TASK_DUE_DAYS,
      reminderBeforeDays: cfg.REMINDER_BEFORE_DAYS,
      graceDays: cfg.ESCALATION_GRACE_DAYS,
    },
  });
  const server = app.listen(cfg.API_PORT, cfg.API_HOST, () => log.info({ port: cfg.API_PORT, host: cfg.API_HOST }, 'API listening'));
  server.on('error', (error) => {
    log.fatal({ err: error }, 'API could not listen');
    process.exit(1);
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    log.info('API stopping');
    server.close(() => {
      void Promise.allSettled([connection.close(), prisma.$disconnect()]).then(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  onParentExit(stop);
}

main().catch((error: unknown) => {
  createLogger('api').fatal({ err: error }, 'API failed');
  process.exit(1);
});
