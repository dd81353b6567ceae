import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../platform/logger';
import { migrationsDir } from '../platform/migrationsDir';
import { startEmbeddedPostgres } from '../platform/postgres';
import { projectRoot } from '../platform/projectRoot';

/**
 * `npm run migration:new -- <name>`: writes the SQL that takes a database at the committed
 * migrations to prisma/schema.prisma, as a new migration folder (`prisma migrate dev` needs the
 * native engine, which these machines cannot fetch). Commit the schema change and its migration
 * together: the diff starts from the schema of the newest committed migration.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('usage: npm run migration:new -- <snake_case_name>');
  const log = createLogger('new-migration', 'warn');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'new-migration-'));
  fs.chmodSync(dir, 0o755);
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: 54_000 + (process.pid % 1000), log });
  try {
    // The adapter-based CLI can neither diff against a URL nor introspect this database, so the
    // schema as it stood when the newest migration was committed is diffed against today's. The
    // CLI still wants a reachable database, hence the throw-away one.
    const prisma = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(projectRoot(), 'scripts', 'prisma-offline.mjs'), ...args], {
        cwd: projectRoot(),
        env: { ...process.env, DATABASE_URL: postgres.url },
        encoding: 'utf8',
      });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: projectRoot(), encoding: 'utf8' });
    const lastMigrationCommit = git('log', '-1', '--format=%H', '--', 'prisma/migrations').trim();
    const current = path.join(dir, 'current.prisma');
    fs.writeFileSync(current, git('show', `${lastMigrationCommit}:prisma/schema.prisma`));
    const diff = prisma('migrate', 'diff', '--from-schema-datamodel', current, '--to-schema-datamodel', 'prisma/schema.prisma', '--script');
    if (diff.status !== 0) throw new Error(`prisma migrate diff failed:\n${diff.stderr}${diff.stdout}`);
    const sql = diff.stdout.slice(diff.stdout.indexOf('--'));
    if (!sql.trim() || sql.includes('This is an empty migration')) {
      console.log('schema.prisma matches the migrations: nothing to write');
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const folder = path.join(migrationsDir(), `${stamp}_${name}`);
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'migration.sql'), sql);
    console.log(`wrote ${path.relative(projectRoot(), folder)}/migration.sql`);
  } finally {
    await postgres.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
