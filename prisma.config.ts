import path from 'node:path';
import { defineConfig } from 'prisma/config';
// Migrations go through the v7 adapter: the 6.19 adapter cannot read PostgreSQL's `name`
// type that the migration engine queries (prisma/orm issue 27403).
import { PrismaPg } from '@prisma/adapter-pg-v7';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error('DATABASE_URL must be set for Prisma migrations');
    // A short idle timeout lets the CLI exit as soon as it is done instead of waiting out
    // the pool's default ten seconds.
    return new PrismaPg({ connectionString, idleTimeoutMillis: 50 });
  },
});
