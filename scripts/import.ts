import os from 'node:os';
import { defaultReviewWindow, type ReviewWindow } from '../domain/campaign';
import { provinceNames } from '../domain/provinces';
import { describeProblem, parseCampaignFiles } from '../intake';
import { config } from '../platform/config';
import { embeddedDatabaseUrl } from '../platform/postgres';
import { createPrisma } from '../platform/prisma';
import { campaignReviewWindow } from '../store/campaigns';
import { storeIntake } from '../store/storeIntake';
import { commandLine, runCommand } from './lib/commandLine';
import { readInputFiles } from './lib/inputFiles';

const usage = `usage: npm run import -- [--dry-run] [--campaign <id>] [--actor <name>] <file> [<file> …]

Imports filled-in annex 1 / annex 2 templates (.xlsx, .csv, .json). Several files make one
submission (one CSV per sheet). Every problem is listed and nothing is written unless there are
none. Connects to DATABASE_URL, or to the embedded PostgreSQL of a running \`npm start\`.`;

/** Exit codes: 0 imported (or valid, with --dry-run), 1 the files have problems, 2 bad usage. */
async function main(): Promise<number> {
  const args = commandLine({ 'dry-run': { type: 'boolean', default: false }, campaign: { type: 'string' }, actor: { type: 'string' }, help: { type: 'boolean', default: false } });
  if (args.values.help || args.positionals.length === 0) {
    console.log(usage);
    return args.values.help ? 0 : 2;
  }

  const files = await readInputFiles(args.positionals);
  if (files === undefined) return 2;

  const cfg = config();
  const prisma = createPrisma(cfg.DATABASE_URL ?? embeddedDatabaseUrl(cfg.EMBEDDED_POSTGRES_PORT));
  try {
    let reviewWindow: ReviewWindow = defaultReviewWindow;
    if (args.values.campaign !== undefined) {
      const window = await campaignReviewWindow(prisma, args.values.campaign);
      if (!window) {
        console.error(`no campaign ${args.values.campaign}`);
        return 2;
      }
      reviewWindow = window;
    }
    const result = await parseCampaignFiles(files, { reviewWindow, provinces: provinceNames });
    if (!result.ok) {
      console.error(`${result.problems.length} problem(s); nothing was imported:`);
      for (const problem of result.problems) console.error(`  ${describeProblem(problem)}`);
      return 1;
    }
    for (const file of result.summary.files) console.log(`${file.fileName}: read as ${file.format.toUpperCase()}${file.encoding ? ` in ${file.encoding}` : ''}`);
    const rows = Object.entries(result.summary.rows).map(([sheet, n]) => `${sheet} ${n}`).join(', ');
    console.log(`${result.summary.kind}: ${result.records.enterprises.length} enterprise(s); rows: ${rows}`);
    if (args.values['dry-run']) {
      console.log('dry run: the files are valid; nothing was written');
      return 0;
    }

    const actor = args.values.actor ?? `cli:${os.userInfo().username}`;
    const outcome = await storeIntake(prisma, result, { source: `import:${files.map((f) => f.fileName).join('+')}`, actor });
    console.log(`created ${outcome.created.length}, changed ${outcome.changed.length} (new version kept beside the old), unchanged ${outcome.unchanged.length}; ${outcome.rowsWritten} archive rows written`);
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

runCommand(main, { usage, failure: 'import failed' });
