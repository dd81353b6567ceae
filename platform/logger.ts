import pino, { type Logger } from 'pino';
import { prettyFactory, type PrettyOptions } from 'pino-pretty';
import { logDefaults, type LogFormatSetting } from './config';

export type { Logger, LogFormatSetting };

/** `auto`: readable lines on a terminal, JSON lines for anything else (a pipe, a file, a collector). */
export function resolveLogFormat(setting: LogFormatSetting): 'pretty' | 'json' {
  if (setting !== 'auto') return setting;
  return process.stdout.isTTY ? 'pretty' : 'json';
}

// One coloured line per event: time, level, "process/component message", then any other fields.
const prettyOptions: PrettyOptions = {
  singleLine: true,
  translateTime: 'SYS:HH:MM:ss',
  ignore: 'pid,hostname,process,component',
  messageFormat: '{process}{if component}/{component}{end}  {msg}',
};

/**
 * Logs of one process, each event carrying the process's name: JSON lines, or (format `pretty`,
 * or `auto` on a terminal) one readable coloured line each.
 */
export function createLogger(processName: string, level: string = logDefaults.level, format: LogFormatSetting = logDefaults.format): Logger {
  const options = { level, base: { process: processName }, timestamp: pino.stdTimeFunctions.isoTime };
  if (resolveLogFormat(format) === 'json') return pino(options);
  const pretty = prettyFactory(prettyOptions);
  return pino(options, { write: (line: string) => process.stdout.write(pretty(line)) });
}

/**
 * Where the supervisor sends the JSON log lines of the processes it runs: through unchanged, or
 * rendered as its own lines are, so that the console reads as one log.
 */
export function logLineForwarder(format: LogFormatSetting): (line: string) => void {
  if (resolveLogFormat(format) === 'json') return (line) => process.stdout.write(`${line}\n`);
  const pretty = prettyFactory(prettyOptions);
  return (line) => process.stdout.write(line.startsWith('{') ? pretty(line) : `${line}\n`);
}
