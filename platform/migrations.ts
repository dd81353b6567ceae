import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from './logger';

/**
 * Applies prisma/migrations with `prisma migrate deploy` semantics, in process. It writes the
 * same `_prisma_migrations` bookkeeping as Prisma (so `prisma migrate status` agrees with it), and
 * serialises concurrent starters on a PostgreSQL advisory lock. The Prisma CLI itself is not used
 * at start-up: on these machines its WebAssembly engine keeps the process alive ten seconds after
 * it has finished.
 */
const LOCK_KEY = 72_707_369; // arbitrary, fixed: every process of this app takes the same lock

export async function applyMigrations(databaseUrl: string, migrationsDir: string, log: Logger): Promise<string[]> {
  const names = (await fs.readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const done = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const applied = new Map(done.rows.map((row) => [row.migration_name, row]));
    const newlyApplied: string[] = [];
    for (const name of names) {
      const sql = await fs.readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const previous = applied.get(name);
      if (previous) {
        if (!previous.finished_at) throw new Error(`migration ${name} failed earlier and must be resolved by hand (prisma migrate resolve)`);
        if (previous.checksum !== checksum) log.warn({ migration: name }, 'migration was edited after it was applied');
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES (gen_random_uuid(), $1, $2, now(), now(), 1)`,
          [checksum, name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${name} failed: ${String(error)}`);
      }
      newlyApplied.push(name);
      log.info({ migration: name }, 'migration applied');
    }
    return newlyApplied;
  } finally {
    await client.end();
  }
}
