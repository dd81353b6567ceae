import { config } from '../platform/config';
import { embeddedDatabaseUrl } from '../platform/postgres';
import { createPrisma } from '../platform/prisma';
import { verifyAuditChain } from '../store/audit';

/**
 * `npm run audit -- verify`: walks the audit trail's hash chain and names the first row that was
 * altered, inserted or deleted (exit 1), or prints the row count and the head hash (exit 0): keep
 * the head somewhere outside the database to notice later that rows were removed from the end.
 * Beside `npm start` it finds the embedded PostgreSQL; otherwise DATABASE_URL.
 */
async function main(): Promise<number> {
  const cfg = config();
  const [command] = process.argv.slice(2);
  if (command !== 'verify') {
    console.error('usage: npm run audit -- verify');
    return 2;
  }
  const prisma = createPrisma(cfg.DATABASE_URL ?? embeddedDatabaseUrl(cfg.EMBEDDED_POSTGRES_PORT));
  try {
    const verdict = await verifyAuditChain(prisma, (rows) => console.error(`${rows} rows verified…`));
    if (!verdict.intact) {
      console.log(`audit chain broken at row ${verdict.row}: ${verdict.problem} (${verdict.rows} rows before it verified)`);
      return 1;
    }
    console.log(`audit chain intact: ${verdict.rows} rows, head ${verdict.head}`);
    console.log(`retention: every row is kept for its campaign and ${cfg.AUDIT_RETENTION_YEARS_AFTER_CAMPAIGN} years after (AUDIT_RETENTION_YEARS_AFTER_CAMPAIGN); nothing deletes one`);
    return 0;
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
