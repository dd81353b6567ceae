import pino, { type Logger } from 'pino';

export type { Logger };

/** One JSON line per event, each carrying the name of the process that wrote it. */
export function createLogger(processName: string, level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { process: processName }, timestamp: pino.stdTimeFunctions.isoTime });
}
