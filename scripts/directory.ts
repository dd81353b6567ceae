import { parseArgs } from 'node:util';
import { z } from 'zod';
import { passwordLinkUrl } from '../api/signIn';
import { signInSettingsOf } from '../api/app';
import { provinceDivisions } from '../domain/provinces';
import { config } from '../platform/config';
import { createLogger } from '../platform/logger';
import { applyMigrations } from '../platform/migrations';
import { migrationsDir } from '../platform/migrationsDir';
import { embeddedDatabaseUrl } from '../platform/postgres';
import { createPrisma, type PrismaClient } from '../platform/prisma';
import { ensureAdministrator } from '../store/firstAdministrator';
import { createPasswordLink } from '../store/localAccounts';

const USAGE = `usage: npm run directory -- <command>
  create-admin --email <address> [--name <name>] [--province <省级行政区全称>]
      the administrator of an empty installation (MIIT's, or a province's), and a one-time link
      that sets their password: open it, choose a password, sign in`;

/**
 * `npm run directory -- <command>`: the directory from the command line. Beside `npm start` it
 * finds the embedded PostgreSQL; otherwise DATABASE_URL.
 */
const commands: Record<string, (prisma: PrismaClient, args: string[]) => Promise<number>> = {
  'create-admin': createAdmin,
};

async function createAdmin(prisma: PrismaClient, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' }, province: { type: 'string' } }, strict: true });
  const email = z.email().safeParse(values.email?.trim().toLowerCase());
  if (!email.success) {
    console.error(`--email: ${values.email === undefined ? 'required' : 'not an email address'}\n${USAGE}`);
    return 2;
  }
  const province = values.province === undefined ? undefined : provinceDivisions.find((p) => p.name === values.province);
  if (values.province !== undefined && !province) {
    console.error(`--province: ${values.province} is not the full name of a province-level division (e.g. 江西省)`);
    return 2;
  }
  const cfg = config();
  const settings = signInSettingsOf(cfg);
  const admin = await ensureAdministrator(prisma, { email: email.data, name: values.name?.trim() || email.data.split('@')[0], province, by: 'npm run directory -- create-admin' });
  if (!admin) {
    console.error(`${email.data} is already in the directory, and not as an active administrator: nothing was changed`);
    return 1;
  }
  const { row, secret } = await createPasswordLink(prisma, { staffId: admin.staff.id, purpose: 'set', now: new Date(), lifetimeMs: settings.passwordLinkMs, createdBy: 'npm run directory -- create-admin' });
  const where = province ? `${province.name} (provincial administrator)` : 'MIIT (national administrator)';
  console.log(`${admin.created ? 'created' : 'already there'}: ${admin.staff.name} <${admin.staff.email}>, administrator at ${where}, staff id ${admin.staff.id}`);
  console.log(`one-time link to set the password (works once, until ${row.expiresAt.toISOString()}):`);
  console.log(`  ${passwordLinkUrl(settings.publicUrl, secret)}`);
  return 0;
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  const run = command === undefined ? undefined : commands[command];
  if (!run) {
    console.error(USAGE);
    return 2;
  }
  const cfg = config();
  const url = cfg.DATABASE_URL ?? embeddedDatabaseUrl(cfg.EMBEDDED_POSTGRES_PORT);
  await applyMigrations(url, migrationsDir(), createLogger('directory', 'warn'));
  const prisma = createPrisma(url);
  try {
    return await run(prisma, args);
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
