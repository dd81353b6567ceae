import path from 'node:path';
import { config } from '../platform/config';
import { createLogger } from '../platform/logger';
import { startMailSink } from '../platform/mailSink';
import { onParentExit } from '../platform/parentWatch';

/**
 * The mail sink as a process of its own, so that `npm start` can restart it and a fault experiment
 * can freeze it (SIGSTOP) without freezing the supervisor.
 */
async function main(): Promise<void> {
  const cfg = config();
  const log = createLogger('mail-sink', cfg.LOG_LEVEL);
  const sink = await startMailSink({ dir: path.join(cfg.DATA_DIR, 'mail'), smtpPort: cfg.MAIL_SINK_SMTP_PORT, httpPort: cfg.MAIL_SINK_HTTP_PORT, log });
  const stop = () => void sink.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  onParentExit(stop);
}

main().catch((error: unknown) => {
  createLogger('mail-sink').fatal({ err: error }, 'mail sink failed');
  process.exit(1);
});
