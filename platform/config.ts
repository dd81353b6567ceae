import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting of every process, read from the environment once and validated here. Anything
 * unset falls back to the embedded default; a bad value stops start-up with a message that
 * names the variable.
 */
const port = z.coerce.number().int().min(1).max(65_535);
const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || protocols.some((p) => v.startsWith(`${p}://`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const seconds = (fallback: number) => z.coerce.number().min(0).max(86_400).default(fallback);

export const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
/** `pretty`: one coloured line per event; `json`: one JSON object per line; `auto`: pretty on a terminal. */
export const LogFormat = z.enum(['pretty', 'json', 'auto']);
export type LogFormatSetting = z.infer<typeof LogFormat>;
/** What a process logs with before (or without) its config: a logger of a failed start-up among them. */
export const logDefaults = { level: 'info', format: 'auto' } as const satisfies { level: z.infer<typeof LogLevel>; format: LogFormatSetting };

const ConfigSchema = z.object({
  DATA_DIR: z.string().trim().min(1).default('data'),
  LOG_LEVEL: LogLevel.default(logDefaults.level),
  LOG_FORMAT: LogFormat.default(logDefaults.format),
  /** Set to 1 by `npm start` for the processes it runs: they stop when it disappears. */
  SUPERVISED: z.enum(['0', '1']).default('0').transform((v) => v === '1'),

  /** The owner's connection (migrations); with npm start the API and worker use APP_DATABASE_URL. */
  DATABASE_URL: optionalUrl(['postgres', 'postgresql']),
  /** The application role's connection to the DATABASE_URL database (npm start passes it to the API and worker). */
  APP_DATABASE_URL: optionalUrl(['postgres', 'postgresql']),
  EMBEDDED_POSTGRES_PORT: port.default(54329),
  /** The API's and the worker's bounds on PostgreSQL: opening a connection, and one statement. */
  DATABASE_CONNECT_TIMEOUT_S: z.coerce.number().positive().max(600).default(3),
  DATABASE_STATEMENT_TIMEOUT_S: z.coerce.number().positive().max(3_600).default(8),

  TEMPORAL_ADDRESS: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || /^[^\s:/]+:\d{1,5}$/.test(v), { message: 'must be host:port' }),
  TEMPORAL_NAMESPACE: z.string().trim().min(1).default('default'),
  /** The Temporal Web UI coordinators open cases in (GET /cases links to it); npm start sets it to its dev server's. */
  TEMPORAL_UI_URL: optionalText.pipe(z.url().optional()),
  TEMPORAL_TASK_QUEUE: z.string().trim().min(1).default('rare-earth-campaign'),
  TEMPORAL_CLI: z.string().trim().optional(),
  /** Without TEMPORAL_ADDRESS, what npm start runs: `dev`, the CLI's dev server on SQLite; `server`,
   * the Temporal server on PostgreSQL with two workers, the topology of docker-compose.yml. */
  TEMPORAL_MODE: z.enum(['dev', 'server']).default('dev'),
  /** In `server` mode, the password of the `temporal` role that owns Temporal's databases (docker-compose.yml's too). */
  TEMPORAL_DB_PASSWORD: z.string().min(1).default('temporal'),
  /** The Temporal server's frontend (its other ports follow Temporal's layout from it), or the dev server's port. */
  TEMPORAL_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),

  API_PORT: port.default(3000),
  API_HOST: z.string().trim().min(1).default('127.0.0.1'),
  /** Where people reach the API (links in emails, the session cookie's Secure flag); http://API_HOST:API_PORT unless set. */
  PUBLIC_URL: optionalUrl(['http', 'https']),
  /**
   * The reverse proxies whose X-Forwarded-For the API believes (Express's `trust proxy`), so that
   * rate limits, lockouts and the audit trail see the client's address, not the proxy's: none by
   * default (the header is then ignored, as a client can write anything in it); a number of hops;
   * or addresses and subnets, comma-separated (`loopback`, `10.0.0.0/8`).
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || /^\d{1,2}$/.test(v) || v.split(',').every((p) => /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/.test(p.trim())), {
      message: 'must be empty, a number of hops, or comma-separated addresses and subnets (loopback, 10.0.0.0/8)',
    })
    .transform((v): false | number | string[] => (v === '' ? false : /^\d+$/.test(v) ? Number(v) : v.split(',').map((p) => p.trim()))),
  SESSION_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().max(24 * 60).default(60),
  /** Failed password sign-ins, per account, before it is locked for SIGN_IN_LOCK_MINUTES; a few fewer slow it first. */
  SIGN_IN_LOCK_AFTER: z.coerce.number().int().min(2).max(100).default(5),
  /** The same, per client address (one address may try several accounts). */
  SIGN_IN_ADDRESS_LOCK_AFTER: z.coerce.number().int().min(2).max(1_000).default(20),
  SIGN_IN_LOCK_MINUTES: z.coerce.number().positive().max(24 * 60).default(15),
  PASSWORD_LINK_HOURS: z.coerce.number().positive().max(24 * 14).default(24),
  /** Requests per minute to sign-in and password-link endpoints, per address; and to imports, per user and per address. */
  SIGN_IN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  IMPORT_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  /** OpenID Connect sign-in, offered only when the issuer, client id and secret are all set. */
  OIDC_ISSUER_URL: optionalUrl(['http', 'https']),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  /** The callback registered with the provider; PUBLIC_URL + /auth/oidc/callback unless set. */
  OIDC_REDIRECT_URL: optionalUrl(['http', 'https']),

  SMTP_URL: optionalUrl(['smtp', 'smtps']),
  MAIL_FROM: z.email().default('campaign@rare-earth-campaign.local'),
  /** Where phase reports are emailed (the ministry's campaign office). */
  MIIT_REPORT_EMAIL: z.email().default('miit-reports@rare-earth-campaign.local'),
  /** The report store: generated report files; `<DATA_DIR>/reports` unless set. */
  REPORTS_DIR: z.string().trim().optional(),
  /** The soffice that prints reports as PDF; unset, PATH and then apt-get are tried. */
  LIBREOFFICE_BIN: z.string().trim().min(1).optional(),
  MAIL_SINK_SMTP_PORT: port.default(1025),
  MAIL_SINK_HTTP_PORT: port.default(1080),

  WORKER_SHUTDOWN_GRACE_S: z.coerce.number().int().min(0).max(3_600).default(5),
  /** Activities a worker runs at once from the shared queue, and below from the queue of those a
   * person's update waits on (domain/taskQueues.ts): its database pool has a connection for each
   * of both, so that none waits for one (two workers and the API stay within PostgreSQL's default
   * 100 connections). */
  WORKER_ACTIVITY_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(30),
  WORKER_UPDATE_ACTIVITY_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(10),
  /** Workflow tasks a worker runs at once: they run on its two cores, so a few keep both busy. */
  WORKER_WORKFLOW_TASK_CONCURRENCY: z.coerce.number().int().min(2).max(1_000).default(10),
  /** Workflows a worker keeps in memory between their tasks; one evicted replays its history when
   * its next event comes. Cases are mostly idle, so memory follows this, not the number of cases. */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(500),
  /** The worker's V8 heap (node --max-old-space-size), in MB; room for the rule-check dataset of
   * a 10,000-enterprise archive, and two workers beside PostgreSQL and Temporal in 24 GB. */
  WORKER_HEAP_MB: z.coerce.number().int().min(256).max(65_536).default(2_048),

  /** Campaign days that pass each real second; 0 runs campaigns in real time. */
  TIME_SCALE_DAYS_PER_SECOND: z.coerce.number().min(0).max(100_000).default(0),
  /** Campaign days an agency has for a task, how long before it the reminder goes, and the grace
   * after it before discipline inspection is told. */
  TASK_DUE_DAYS: z.coerce.number().positive().max(365).default(20),
  REMINDER_BEFORE_DAYS: z.coerce.number().min(0).max(365).default(3),
  ESCALATION_GRACE_DAYS: z.coerce.number().min(0).max(365).default(7),

  /** Enterprises of fictional demo data put into an empty database at start-up; 0 turns it off. */
  DEMO_ENTERPRISES: z.coerce.number().int().min(0).max(100_000).default(300),
  /** The demo campaign's clock: 0.3 campaign days a second shows the 2014 campaign in about ten minutes. */
  DEMO_DAYS_PER_SECOND: z.coerce.number().positive().max(100_000).default(0.3),
  /** Simulated staff complete the demo campaign's tasks, leaving this percentage late. */
  DEMO_AUTOPILOT: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  DEMO_LATE_PERCENT: z.coerce.number().int().min(0).max(100).default(15),

  /** Years the audit trail is kept after a campaign ends; nothing deletes a row sooner. */
  AUDIT_RETENTION_YEARS_AFTER_CAMPAIGN: z.coerce.number().int().min(1).max(100).default(5),
}).superRefine((cfg, ctx) => {
  const oidc = ['OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
  const set = oidc.filter((name) => cfg[name] !== undefined);
  if (set.length === 0 || set.length === oidc.length) return;
  for (const name of oidc.filter((n) => cfg[n] === undefined)) {
    ctx.addIssue({ code: 'custom', path: [name], message: `must be set with ${set.join(' and ')}: OpenID Connect needs all three` });
  }
});

export type Config = Readonly<
  Omit<z.infer<typeof ConfigSchema>, 'DATA_DIR' | 'REPORTS_DIR'> & {
    DATA_DIR: string;
    REPORTS_DIR: string;
  }
>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Pure: parse an environment into a config, or throw ConfigError naming every bad variable. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const data = parsed(ConfigSchema, env);
  const dataDir = path.resolve(data.DATA_DIR);
  const reportsDir = data.REPORTS_DIR ? path.resolve(data.REPORTS_DIR) : path.join(dataDir, 'reports');
  return Object.freeze({ ...data, DATA_DIR: dataDir, REPORTS_DIR: reportsDir });
}

let loaded: Config | undefined;

/** The process's config, parsed from process.env on first use and never re-read. */
export function config(): Config {
  loaded ??= parseConfig(process.env);
  return loaded;
}

/**
 * The fault experiments' settings (`npm run chaos`): their durations, the demo they run against,
 * and the ports of the stack they start (unset: a free port each).
 */
const ChaosSchema = z.object({
  CHAOS_PG_FREEZE_S: seconds(60),
  CHAOS_SMTP_FREEZE_S: seconds(45),
  CHAOS_SMTP_REFUSE_S: seconds(60),
  /** How long to let the stack work between experiments. */
  CHAOS_STEADY_S: seconds(10),
  CHAOS_RECOVERY_LIMIT_S: seconds(180),
  CHAOS_ENTERPRISES: z.coerce.number().int().min(1).max(100_000).default(60),
  CHAOS_DAYS_PER_SECOND: z.coerce.number().positive().max(100_000).default(0.3),
  /** Experiments whose names contain one of these (comma-separated); unset: every one. */
  CHAOS_ONLY: z
    .string()
    .optional()
    .transform((v) => v?.split(',').filter(Boolean)),
  TEMPORAL_CLI: z.string().trim().optional(),
  API_PORT: port.optional(),
  TEMPORAL_PORT: port.optional(),
  TEMPORAL_UI_PORT: port.optional(),
  EMBEDDED_POSTGRES_PORT: port.optional(),
  MAIL_SINK_SMTP_PORT: port.optional(),
  MAIL_SINK_HTTP_PORT: port.optional(),
});

/** `npm run bench:startup`'s settings. */
const BenchStartupSchema = z.object({
  BENCH_RUNS: z.coerce.number().int().min(1).max(100).default(3),
});

/** Parses an environment with a schema, or throws ConfigError naming every bad variable. */
function parsed<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): Readonly<z.infer<T>> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        return `${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
      }),
    );
  }
  return Object.freeze(result.data);
}

export type ChaosConfig = Readonly<z.infer<typeof ChaosSchema>>;
export const parseChaosConfig = (env: NodeJS.ProcessEnv): ChaosConfig => parsed(ChaosSchema, env);
export const parseBenchStartupConfig = (env: NodeJS.ProcessEnv): Readonly<z.infer<typeof BenchStartupSchema>> => parsed(BenchStartupSchema, env);

/** The node options a worker process is started with (by npm start and the benchmarks). */
/** A worker's database connections: one for every activity it may run at once, on either queue. */
export function workerPoolSize(cfg: Config): number {
  return cfg.WORKER_ACTIVITY_CONCURRENCY + cfg.WORKER_UPDATE_ACTIVITY_CONCURRENCY;
}

export function workerNodeOptions(cfg: Config): string[] {
  return [`--max-old-space-size=${cfg.WORKER_HEAP_MB}`];
}

/** The database timeouts of the API and the worker. */
export function databaseTimeouts(cfg: Config): { connectMs: number; statementMs: number } {
  return { connectMs: cfg.DATABASE_CONNECT_TIMEOUT_S * 1000, statementMs: cfg.DATABASE_STATEMENT_TIMEOUT_S * 1000 };
}
