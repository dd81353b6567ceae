import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { assembleDossiers, buildDataset, flattenDossiers } from '../domain/campaign';
import { generateCampaign } from '../demo/generator';
import { checkAll } from '../domain/rules';
import { createLogger } from '../platform/logger';
import { applyMigrations } from '../platform/migrations';
import { migrationsDir } from '../platform/migrationsDir';
import { startEmbeddedPostgres } from '../platform/postgres';
import { createPrisma } from '../platform/prisma';
import { loadCampaignRecords } from '../store/loadCampaignRecords';
import { saveCampaignRecords } from '../store/saveCampaignRecords';
import { count, round, seconds } from './lib/benchFigures';
import { commandLine, optionValues } from './lib/commandLine';

/**
 * `npm run bench:data [-- --enterprises N]`: imports N generated enterprises (default 10,000) with
 * the full review window into a fresh embedded PostgreSQL, reads them back and runs the rules over
 * all of them. Last line: one JSON object of the figures.
 */

async function main(): Promise<void> {
  const { enterprises } = optionValues(z.object({ enterprises: count(10_000) }), commandLine({ enterprises: { type: 'string' } }).values);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-data-'));
  fs.chmodSync(dir, 0o755);
  const log = createLogger('bench-data', 'warn');
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: 55_000 + (process.pid % 1000), log });
  const prisma = createPrisma(postgres.url);
  try {
    await applyMigrations(postgres.url, migrationsDir(), log);

    let t = process.hrtime.bigint();
    const campaign = generateCampaign({ seed: 2014, enterprises });
    const records = flattenDossiers(campaign.dataset.dossiers);
    console.log(`generated ${enterprises} enterprises, ${records.ledger.length} ledger lines, ${records.trades.length} trades in ${seconds(t).toFixed(1)} s`);

    t = process.hrtime.bigint();
    const outcome = await saveCampaignRecords(prisma, records, { source: 'bench', actor: 'bench' });
    const importS = seconds(t);
    // The process's peak so far: generating the records and importing them, before reading back.
    const importPeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const rows = outcome.rowsWritten + outcome.created.length;
    console.log(`imported ${rows} rows in ${importS.toFixed(1)} s`);

    t = process.hrtime.bigint();
    const loaded = await loadCampaignRecords(prisma);
    const loadS = seconds(t);
    console.log(`read back in ${loadS.toFixed(1)} s`);

    t = process.hrtime.bigint();
    const results = checkAll(buildDataset(assembleDossiers(loaded)), campaign.window);
    const rulesS = seconds(t);
    const flagged = results.filter((r) => r.findings.length > 0).length;
    console.log(`rules over ${results.length} enterprises in ${rulesS.toFixed(1)} s (${flagged} with findings)`);

    console.log(
      JSON.stringify({
        enterprises,
        rows,
        import_s: round(importS),
        rows_per_s: Math.round(rows / importS),
        import_peak_rss_mb: importPeakRssMb,
        load_s: round(loadS),
        rules_s: round(rulesS),
        peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      }),
    );
  } finally {
    await prisma.$disconnect();
    await postgres.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
