import fs from 'node:fs';
import path from 'node:path';
import { styleText } from 'node:util';
import { isColorSupported } from 'pino-pretty';

/** What a person needs to use the running stack; `npm start` writes it to DATA_DIR for `npm run status`. */
export interface StackInfo {
  pid: number;
  startedAt: string;
  urls: { api: string; docs: string; openapi: string; temporalUi: string; mailbox: string };
  /** Demo bearer tokens, when the demo data is loaded. */
  tokens: string[];
  /** One-time links setting the password of demo people who have none yet (scripts/lib/demoSignIn.ts). */
  signInLinks?: { email: string; url: string }[];
  dataDir: string;
  /** The embedded PostgreSQL's data folder and URL; absent with DATABASE_URL set. */
  postgres?: { dataDir: string; url: string };
  demo?: { campaignId: string; daysPerSecond: number };
  /** Ready-made Web UI lists for the demo campaign (platform/webUiLinks.ts). */
  webUiLinks?: { label: string; url: string }[];
}

const URL_LABELS: Record<keyof StackInfo['urls'], string> = {
  api: 'API',
  docs: 'API docs',
  openapi: 'OpenAPI',
  temporalUi: 'Temporal Web UI',
  mailbox: 'Mailbox',
};

const bold = (text: string) => (isColorSupported ? styleText('bold', text) : text);
const cyan = (text: string) => (isColorSupported ? styleText('cyan', text) : text);

/** The block printed last in start-up and by `npm run status`. */
export function bannerText(info: StackInfo, heading: string): string {
  const lines = [
    '',
    `  ${bold(heading)}`,
    ...Object.entries(URL_LABELS).map(([key, label]) => `  ${label.padEnd(16)} ${cyan(info.urls[key as keyof StackInfo['urls']])}`),
  ];
  if (info.tokens.length) {
    lines.push('', `  Sign in: send the header ${bold('Authorization: Bearer <token>')} with a demo token (demo-<province>-<agency>-<role>):`);
    lines.push(...info.tokens.map((t) => `    ${t}`));
  }
  if (info.signInLinks?.length) {
    lines.push('', `  Web inbox: open a person's one-time link to set their password, then sign in at ${cyan(`${info.urls.api}/ui/sign-in`)} with their email:`);
    lines.push(...info.signInLinks.map((l) => `    ${l.email}  ${cyan(l.url)}`));
  }
  if (info.webUiLinks?.length) {
    lines.push('', '  Web UI lists for coordinators:');
    lines.push(...info.webUiLinks.map((l) => `    ${l.label}\n      ${cyan(l.url)}`));
  }
  lines.push('', `  Data             ${info.dataDir}${info.postgres ? `  (PostgreSQL data: ${info.postgres.dataDir})` : ''}`);
  lines.push(`  ${bold('npm run status')} shows this again; LOG_LEVEL=debug also shows the demo autopilot's requests.`, '');
  return `${lines.join('\n')}\n`;
}

/** The reminder repeated every minute: where everything is, in one line. */
export function bannerLine(info: StackInfo): string {
  const signIn = info.tokens.length ? ` · sign in: Bearer ${info.tokens[0]} (all tokens: npm run status)` : '';
  return `API ${info.urls.api} · docs ${info.urls.docs} · Web UI ${info.urls.temporalUi} · mailbox ${info.urls.mailbox}${signIn}`;
}

function stackInfoFile(dataDir: string): string {
  return path.join(dataDir, 'stack.json');
}

export function writeStackInfo(info: StackInfo): void {
  const file = stackInfoFile(info.dataDir);
  // Written whole, then renamed: `npm run status` never reads half a file.
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(info, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

export function readStackInfo(dataDir: string): StackInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(stackInfoFile(dataDir), 'utf8')) as StackInfo;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
