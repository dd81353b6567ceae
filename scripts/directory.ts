import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { z } from 'zod';
import { signInSettingsOf } from '../api/app';
import { passwordLinkUrl } from '../api/signIn';
import { ProvinceName } from '../domain/provinces';
import { describeProblem, parseDirectoryFiles } from '../intake';
import { config } from '../platform/config';
import { embeddedDatabaseUrl } from '../platform/postgres';
import { UsageError, commandLine, runCommand } from './lib/commandLine';
import { readInputFiles } from './lib/inputFiles';
import { createPrisma } from '../platform/prisma';
import { agencyIds, writeDirectory } from '../store/directory';
import { ensureAdministrator } from '../store/firstAdministrator';
import { createPasswordLink } from '../store/localAccounts';

const usage = `usage: npm run directory -- import [--dry-run] [--actor <name>] <file> [<file> …]
       npm run directory -- create-admin --email <address> [--name <name>] [--province <full name of the province>]

Imports a directory file (the template from GET /templates/directory.xlsx, filled in; or one CSV
per sheet, or JSON): offices keyed by kind and province, people by email. Every problem is listed
and nothing is written unless there are none; importing the same file again writes nothing. Run on
the server, it acts for the whole directory. Connects to DATABASE_URL, or to the embedded
PostgreSQL of a running \`npm start\`.

create-admin makes the administrator of an empty installation (MIIT's, or with --province a
province's) and prints a one-time link that sets their password.`;

const counts = (c: { created: number; changed: number; unchanged: number }) => `created ${c.created}, changed ${c.changed}, unchanged ${c.unchanged}`;

/** Exit codes: 0 imported (or valid, with --dry-run), 1 the files have problems, 2 bad usage. */
async function importDirectory(argv: string[]): Promise<number> {
  const args = commandLine({ 'dry-run': { type: 'boolean', default: false }, actor: { type: 'string' } }, argv);
  if (args.positionals.length === 0) {
    console.error(usage);
    return 2;
  }
  const files = await readInputFiles(args.positionals);
  if (files === undefined) return 2;
  const cfg = config();
  const prisma = createPrisma(cfg.DATABASE_URL ?? embeddedDatabaseUrl(cfg.EMBEDDED_POSTGRES_PORT));
  try {
    const result = await parseDirectoryFiles(files, await agencyIds(prisma));
    if (!result.ok) {
      console.error(`${result.problems.length} problem(s); nothing was imported:`);
      for (const problem of result.problems) console.error(`  ${describeProblem(problem)}`);
      return 1;
    }
    for (const file of result.files) console.log(`${file.fileName}: read as ${file.format.toUpperCase()}${file.encoding ? ` in ${file.encoding}` : ''}`);
    const { agencies, staff } = result.directory;
    console.log(`${agencies.length} office(s), ${staff.length} person(s)`);
    if (args.values['dry-run']) {
      console.log('dry run: the files are valid; nothing was written');
      return 0;
    }
    const actor = args.values.actor ?? `cli:${os.userInfo().username}`;
    const source = `import:${files.map((f) => f.fileName).join('+')}`;
    const outcome = await writeDirectory(prisma, result.directory, {
      source,
      actor,
      audit: (o) => ({
        at: new Date(),
        actor: null,
        credential: null,
        clientAddress: null,
        requestId: randomUUID(),
        method: 'CLI',
        path: `npm run directory -- import (${actor})`,
        action: 'directory.import',
        objectType: 'directoryImport',
        objectId: source,
        province: null,
        outcome: 'done',
        status: 200,
        before: null,
        after: { agencies: o.agencies, staff: o.staff, tasksReturned: o.tasksReturned },
        updateId: null,
      }),
    });
    console.log(`offices: ${counts(outcome.agencies)}; people: ${counts(outcome.staff)}; open tasks handed back to their agency: ${outcome.tasksReturned}`);
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

/** Exit codes: 0 created (or already there: a new link), 1 the email is someone else's, 2 bad usage. */
async function createAdmin(argv: string[]): Promise<number> {
  const { values } = commandLine({ email: { type: 'string' }, name: { type: 'string' }, province: { type: 'string' } }, argv);
  const email = z.email().safeParse(values.email?.trim().toLowerCase());
  if (!email.success) throw new UsageError(`--email: ${values.email === undefined ? 'required' : 'not an email address'}`);
  if (values.province !== undefined && !ProvinceName.safeParse(values.province).success) {
    throw new UsageError(`--province: ${values.province} is not the full name of a province-level division, as GB/T 2260 writes it`);
  }
  const cfg = config();
  const settings = signInSettingsOf(cfg);
  const by = `cli:create-admin:${os.userInfo().username}`;
  const prisma = createPrisma(cfg.DATABASE_URL ?? embeddedDatabaseUrl(cfg.EMBEDDED_POSTGRES_PORT));
  try {
    const admin = await ensureAdministrator(prisma, { email: email.data, name: values.name?.trim() || email.data.split('@')[0], province: values.province, by });
    if (!admin) {
      console.error(`${email.data} is already in the directory, and not as an active administrator: nothing was changed`);
      return 1;
    }
    const { row, secret } = await createPasswordLink(prisma, { staffId: admin.staff.id, purpose: 'set', now: new Date(), lifetimeMs: settings.passwordLinkMs, createdBy: by });
    const where = values.province ? `${values.province} (provincial administrator)` : 'MIIT (national administrator)';
    console.log(`${admin.created ? 'created' : 'already there'}: ${admin.staff.name} <${admin.staff.email}>, administrator at ${where}, staff id ${admin.staff.id}`);
    console.log(`one-time link to set the password (works once, until ${row.expiresAt.toISOString()}):`);
    console.log(`  ${passwordLinkUrl(settings.publicUrl, secret)}`);
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'import') return importDirectory(rest);
  if (command === 'create-admin') return createAdmin(rest);
  if (command === '--help') {
    console.log(usage);
    return 0;
  }
  console.error(usage);
  return 2;
}

runCommand(main, { usage, failure: 'directory failed' });
