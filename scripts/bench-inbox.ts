import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { PrismaClient } from '@prisma/client';
import { z } from 'zod';
import { webBuildDir } from '../api/webApp';
import { flattenDossiers } from '../domain/campaign';
import { generateCampaign, provinces } from '../demo/generator';
import { launchChromium } from '../platform/chromium';
import { ensureCommands } from '../platform/debianPackages';
import { createLogger } from '../platform/logger';
import { hashPassword } from '../platform/passwordHash';
import { seedDemoDirectory } from '../store/directory';
import { saveCampaignRecords } from '../store/saveCampaignRecords';
import { createTask } from '../store/tasks';
import { count, percentile, round } from './lib/benchFigures';
import { startBenchStack } from './lib/benchStack';
import { commandLine, optionValues } from './lib/commandLine';

/**
 * `npm run bench:inbox [-- --tasks N --requests N]`: the inbox's task list (GET /tasks, with its
 * quick-filter counts) with N open tasks in one province (江西省), as its tax staff (their agency's
 * share) and as its provincial coordinator (all of them), each asking `requests` times in turn for
 * the open tasks, the overdue ones, and a free-text search. Tasks are written by the same store
 * function the workers' activity uses, spread over the province's enterprises and agencies.
 * Then the page: the median time, over 20 loads in Chromium, from navigating to /ui/tasks as the tax
 * staff (signed in with a password) to a task table with rows; and the JavaScript the first page
 * loads (index.html's module script and its preloads, gzipped), from the web build.
 * Prints progress, and as its last line one JSON object of the figures.
 */
const AGENCIES = ['tax', 'industry', 'environment', 'landResources'] as const;
const HOUR = 3_600_000;


const PAGE_LOADS = 20;
const STAFF = { id: '36-tax-staff', email: '36-tax-staff@campaign.example', password: 'bench-inbox password, long enough' };

/** Median ms from navigation to a task table with rows, the browser signed in as the tax staff. */
async function pageReadyMs(prisma: PrismaClient, url: string): Promise<number> {
  await ensureCommands({ chromium: 'chromium' });
  await prisma.localPassword.create({ data: { staffId: STAFF.id, hash: await hashPassword(STAFF.password), setAt: new Date() } });
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${url}/ui/sign-in`);
    await page.locator('#email').fill(STAFF.email);
    await page.locator('#password').fill(STAFF.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL('**/ui/tasks');
    const ms: number[] = [];
    for (let i = 0; i < PAGE_LOADS; i++) {
      const since = performance.now();
      await page.goto(`${url}/ui/tasks`);
      await page.locator('a[href^="/ui/tasks/"]').first().waitFor();
      ms.push(performance.now() - since);
    }
    return percentile([...ms].sort((a, b) => a - b), 50);
  } finally {
    await browser.close();
  }
}

/** What the first page loads before it runs: the module script and the modules it preloads. */
function initialJsGzipKb(): number {
  const dir = webBuildDir();
  const index = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const files = [...index.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]);
  if (files.length === 0) throw new Error(`no script in ${path.join(dir, 'index.html')}: run npm run build`);
  return files.reduce((kb, file) => kb + gzipSync(fs.readFileSync(path.join(dir, file.replace(/^\/ui\//, '')))).length / 1024, 0);
}

async function main(): Promise<void> {
  const { tasks, requests } = optionValues(z.object({ tasks: count(10_000), requests: count(500) }), commandLine({ tasks: { type: 'string' }, requests: { type: 'string' } }).values);
  const log = createLogger('bench-inbox', 'warn');
  const stack = await startBenchStack('bench-inbox', log);
  const { prisma } = stack;
  try {
    const url = await stack.listen({ caseSettings: { scale: { kind: 'realtime' }, taskDueDays: 20, reminderBeforeDays: 3, graceDays: 7 } });
    const generated = generateCampaign({ seed: 2014, enterprises: 600 });
    await saveCampaignRecords(prisma, flattenDossiers(generated.dataset.dossiers), { source: 'bench', actor: 'bench' });
    await seedDemoDirectory(prisma, provinces);
    const enterprises = generated.dataset.dossiers.map((d) => d.enterprise).filter((e) => e.province === '江西省');
    const now = Date.now();
    for (let i = 0; i < tasks; i += 200) {
      await Promise.all(
        Array.from({ length: Math.min(200, tasks - i) }, (_, j) => {
          const n = i + j;
          const e = enterprises[n % enterprises.length];
          const agencyKind = AGENCIES[n % AGENCIES.length];
          const caseId = `case/bench-inbox/${e.province}/${e.code}`;
          // Due from two days ago to two months ahead: some overdue, most not.
          return createTask(prisma, {
            key: `${caseId}/verification/${agencyKind}/bench-${n}`,
            caseId,
            campaignId: 'bench-inbox',
            province: e.province,
            enterpriseCode: e.code,
            kind: 'verification',
            agencyKind,
            phase: 'selfInspection',
            title: `bench ${n}`,
            evidence: { findings: [] },
            dueAt: new Date(now + ((n * 7919) % 1_500) * HOUR - 48 * HOUR).toISOString(),
          });
        }),
      );
      if ((i + 200) % 2_000 === 0) console.log(`open tasks written: ${i + 200}/${tasks}`);
    }
    const search = encodeURIComponent(enterprises[0].name.slice(2, 5));
    const queries = ['status=open', 'status=open&overdue=true', `status=open&q=${search}`, 'status=open&assignee=unassigned&page=3'];
    const timed = async (token: string) => {
      const ms: number[] = [];
      for (let i = 0; i < requests; i++) {
        const since = process.hrtime.bigint();
        const res = await fetch(`${url}/tasks?${queries[i % queries.length]}`, { headers: { authorization: `Bearer ${token}` } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`GET /tasks: ${res.status}`);
        ms.push(Number(process.hrtime.bigint() - since) / 1e6);
      }
      return ms;
    };
    const tokens = { staff: 'demo-36-tax-staff', coordinator: 'demo-36-industry-provincialCoordinator' };
    // Uncounted warm-up, as each of them: their statements prepared, plans cached, pool connections open.
    for (const token of Object.values(tokens)) await timed(token);
    const staff = await timed(tokens.staff);
    const coordinator = await timed(tokens.coordinator);
    const sortedOf = (ms: number[]) => [...ms].sort((a, b) => a - b);
    for (const [who, ms] of [['staff', staff], ['coordinator', coordinator]] as const) {
      const sorted = sortedOf(ms);
      const byQuery = queries.map((q, k) => `${q.replace(/=[^&]*%[^&]*/, '=…')} p99 ${round(percentile(sortedOf(ms.filter((_, i) => i % queries.length === k)), 99))}`);
      console.log(`${who}: ${requests} requests, p50 ${round(percentile(sorted, 50))} ms, p99 ${round(percentile(sorted, 99))} ms (${byQuery.join('; ')} ms)`);
    }
    const all = sortedOf([...staff, ...coordinator]);
    const pageReady = await pageReadyMs(prisma, url);
    const initialJs = initialJsGzipKb();
    console.log(`page ready: median ${round(pageReady)} ms over ${PAGE_LOADS} loads; initial JavaScript ${round(initialJs)} KiB gzipped`);
    console.log(JSON.stringify({ open_tasks: tasks, list_p50_ms: round(percentile(all, 50)), list_p99_ms: round(percentile(all, 99)), page_ready_ms: round(pageReady), initial_js_gzip_kb: round(initialJs) }));
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
