import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import type { Logger } from './logger';

const levels: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/** Routes the Temporal SDK's own log lines (worker, core) through our pino logger. */
export function installTemporalLogging(log: Logger): void {
  Runtime.install({
    // Core (Rust) logs too: by default it prints them to stderr in a format of its own.
    telemetryOptions: { logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} } },
    // pino serialises an Error only under `err`; nested in the SDK's meta it would print as {}.
    logger: new DefaultLogger('INFO', ({ level, message, meta }) => {
      const { error, ...rest } = (meta ?? {}) as { error?: unknown; sdkComponent?: string };
      // The SDK's own progress notes (worker state, pollers) are detail; workflows' and activities' logs are ours.
      const own = rest.sdkComponent === 'workflow' || rest.sdkComponent === 'activity';
      // The update writes' worker polls for activities only, by design, and the SDK warns so on every start.
      const byDesign = message.startsWith('No workflows registered');
      log[(level === 'INFO' && !own) || byDesign ? 'debug' : levels[level]]({ temporal: rest, ...(error === undefined ? {} : { err: error }) }, message);
    }),
  });
}
