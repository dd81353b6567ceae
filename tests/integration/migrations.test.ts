import fs from 'node:fs';
import pg from 'pg';
import { createLogger } from '../../platform/logger';
import { applyMigrations } from '../../platform/migrations';
import { migrationsDir } from '../../platform/migrationsDir';
import { freshDatabase } from '../support/freshDatabase';

const log = createLogger('test-migrations', 'silent');

async function withFreshDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const db = await freshDatabase({ migrate: false });
  try {
    return await fn(db.url);
  } finally {
    await db.drop();
  }
}

describe('migrations at start-up', () => {
  const expected = fs
    .readdirSync(migrationsDir(), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

  test('two processes starting at once apply each migration exactly once', () =>
    withFreshDatabase(async (url) => {
      const [a, b] = await Promise.all([applyMigrations(url, migrationsDir(), log), applyMigrations(url, migrationsDir(), log)]);
      expect([...a, ...b].sort()).toEqual(expected);

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const rows = await client.query('SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name');
        expect(rows.rows.map((r: { migration_name: string }) => r.migration_name)).toEqual(expected);
        expect(rows.rows.every((r: { finished_at: Date | null }) => r.finished_at !== null)).toBe(true);
        const tables = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
        expect(tables.rows.map((r: { table_name: string }) => r.table_name)).toContain('Tip');
      } finally {
        await client.end();
      }
    }));

  test('running again changes nothing', () =>
    withFreshDatabase(async (url) => {
      await applyMigrations(url, migrationsDir(), log);
      await expect(applyMigrations(url, migrationsDir(), log)).resolves.toEqual([]);
    }));
});
