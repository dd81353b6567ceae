import pg from 'pg';
import { createLogger } from '../../platform/logger';
import { applyMigrations } from '../../platform/migrations';
import { migrationsDir } from '../../platform/migrationsDir';
import { createPrisma, type PrismaClient } from '../../platform/prisma';
import { services } from './services';

let counter = 0;

/**
 * A database of its own on the shared test PostgreSQL, for tests whose data would collide with
 * another file's (generated enterprises share codes across seeds). Dropped by `drop()`.
 */
export async function freshDatabase(options: { migrate?: boolean } = { migrate: true }): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: services().databaseUrl });
  await admin.connect();
  const name = `test_${process.pid}_${Date.now()}_${++counter}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(services().databaseUrl);
  url.pathname = `/${name}`;
  if (options.migrate !== false) await applyMigrations(url.toString(), migrationsDir(), createLogger('test-db', 'silent'));
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: services().databaseUrl });
      await client.connect();
      await client.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A fresh, migrated database and a Prisma client on it for the test file, dropped afterwards. */
export function useFreshDatabase(): { readonly url: string; readonly prisma: PrismaClient } {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let prisma: PrismaClient;
  beforeAll(async () => {
    db = await freshDatabase();
    prisma = createPrisma(db.url);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });
  return {
    get url() {
      return db.url;
    },
    get prisma() {
      return prisma;
    },
  };
}
