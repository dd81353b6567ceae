import { config } from '../platform/config';
import { createLogger } from '../platform/logger';
import { applyMigrations } from '../platform/migrations';
import { migrationsDir } from '../platform/migrationsDir';

/** One-shot migration job for deployments (`npm run migrate`); `npm start` migrates by itself. */
async function main(): Promise<void> {
  const cfg = config();
  const log = createLogger('migrate', cfg.LOG_LEVEL, cfg.LOG_FORMAT);
  if (!cfg.DATABASE_URL) throw new Error('DATABASE_URL must be set');
  const applied = await applyMigrations(cfg.DATABASE_URL, migrationsDir(), log);
  log.info({ applied }, applied.length ? 'migrations applied' : 'database already up to date');
}

main().catch((error: unknown) => {
  createLogger('migrate').fatal({ err: error }, 'migration failed');
  process.exit(1);
});
