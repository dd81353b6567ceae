import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { describeProblem, parseDirectoryFiles } from '../intake';
import { config } from '../platform/config';
import { embeddedDatabaseUrl } from '../platform/postgres';
import { commandLine, runCommand } from './lib/commandLine';
import { readInputFiles } from './lib/inputFiles';
import { createPrisma } from '../platform/prisma';
import { agencyIds, writeDirectory } from '../store/directory';

const usage = `usage: npm run directory -- import [--dry-run] [--actor <name>] <file> [<file> …]

Imports a directory file (the template from GET /templates/directory.xlsx, filled in; or one CSV
per sheet, or JSON): offices keyed by kind and province, people by email. Every problem is listed
and nothing is written unless there are none; importing the same file again writes nothing. Run on
the server, it acts for the whole directory. Connects to DATABASE_URL, or to the embedded
PostgreSQL of a running \`npm start\`.`;

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

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'import') return importDirectory(rest);
  if (command === '--help') {
    console.log(usage);
    return 0;
  }
  console.error(usage);
  return 2;
}

runCommand(main, { usage, failure: 'directory failed' });
