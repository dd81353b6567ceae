import { config } from '../platform/config';
import { createPrisma } from '../platform/prisma';
import { bannerText, readStackInfo } from './lib/banner';
import { campaignStatus, statusLineText } from './lib/statusLine';

/**
 * `npm run status`: what `npm start` printed last (URLs, sign-in), read from the file it keeps in
 * DATA_DIR, whether it is still up, and, with the demo, where the demo campaign stands now.
 * Exits 0 when the stack is up, 1 when none has started here, 3 when it is not running.
 */
async function main(): Promise<number> {
  const cfg = config();
  const info = readStackInfo(cfg.DATA_DIR);
  if (!info) {
    console.error(`No stack has started with DATA_DIR=${cfg.DATA_DIR} (npm start writes its status there; run status with the same DATA_DIR).`);
    return 1;
  }
  let alive = true;
  try {
    process.kill(info.pid, 0);
  } catch {
    alive = false;
  }
  const readiness = alive ? await fetch(`${info.urls.api}/readyz`).then((r) => (r.ok ? 'ready' : `not ready (${r.status})`), () => 'not answering') : '';
  const since = new Date(info.startedAt).toLocaleString();
  const heading = alive
    ? `Rare-earth campaign stack: running since ${since} (pid ${info.pid}), API ${readiness}`
    : `Rare-earth campaign stack: not running (last started ${since}, pid ${info.pid} is gone)`;
  process.stdout.write(bannerText(info, heading));

  const databaseUrl = cfg.DATABASE_URL ?? info.postgres?.url;
  if (alive && info.demo && databaseUrl) {
    const prisma = createPrisma(databaseUrl);
    try {
      const status = await campaignStatus(prisma, info.demo.campaignId, { kind: 'scaled', daysPerSecond: info.demo.daysPerSecond });
      console.log(status ? `  Demo campaign    ${statusLineText(status)}\n` : '  Demo campaign    not started yet\n');
    } finally {
      await prisma.$disconnect();
    }
  }
  return alive ? 0 : 3;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
