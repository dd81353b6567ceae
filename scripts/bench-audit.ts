import { z } from 'zod';
import { flattenDossiers, type EnterpriseDossier } from '../domain/campaign';
import { generateCampaign, provinces } from '../demo/generator';
import { createLogger } from '../platform/logger';
import { seedDemoDirectory } from '../store/directory';
import { saveCampaignRecords } from '../store/saveCampaignRecords';
import { count, round, seconds } from './lib/benchFigures';
import { startBenchStack } from './lib/benchStack';
import { commandLine, optionValues } from './lib/commandLine';

/**
 * `npm run bench:audit [-- --completions N]`: task completions per second through the API with the
 * audit trail and without it, on one stack (Temporal dev server, PostgreSQL, worker). Two API
 * instances share the stack's clients: one as in production, one built with `auditTrail: false`
 * (the option exists for this benchmark only), so the second measures the same path with the audit
 * write skipped. The tasks are the open verification tasks of clean traders on a campaign's slow
 * clock; after an uncounted warm-up through both, they are completed in rounds ordered audited,
 * plain, plain, audited, … by 8 clients at once, so drift in the machine's load and a growing
 * history weigh on both alike. Prints progress, and as its last
 * line one JSON object of the figures.
 */
const CONCURRENCY = 8;
const ROUNDS = 8;
const WARM_UP = 16;

async function main(): Promise<void> {
  const { completions } = optionValues(z.object({ completions: count(600) }), commandLine({ completions: { type: 'string' } }).values);
  const log = createLogger('bench-audit', 'warn');
  const stack = await startBenchStack('bench-audit', log);
  const { prisma } = stack;
  const caseSettings = { scale: { kind: 'realtime' }, taskDueDays: 20, reminderBeforeDays: 3, graceDays: 7 } as const;
  const [audited, plain] = await Promise.all([stack.listen({ caseSettings, auditTrail: true }), stack.listen({ caseSettings, auditTrail: false })]);

  try {
    // A clean trader's case opens exactly three verification tasks (commerce, industry, tax).
    const cases = Math.ceil((completions + 2 * WARM_UP) / 3);
    const generated = generateCampaign({ seed: 2014, enterprises: cases * 12 });
    const isCleanTrader = (d: EnterpriseDossier) => d.enterprise.types.join() === 'trading' && !generated.manifest.has(d.enterprise.code);
    const traders = generated.dataset.dossiers.filter(isCleanTrader).slice(0, cases);
    if (traders.length < cases) throw new Error(`only ${traders.length} clean traders generated, ${cases} needed`);
    await saveCampaignRecords(prisma, flattenDossiers(generated.dataset.dossiers), { source: 'bench', actor: 'bench' });
    await seedDemoDirectory(prisma, provinces);
    const inCampaign = [...new Set(traders.map((d) => d.enterprise.province))];
    const started = await fetch(`${audited}/campaigns`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-national-miit-miitCoordinator' },
      // A slow clock keeps every case in self-inspection, its tasks open, for the whole run.
      body: JSON.stringify({ id: 'bench-audit', name: 'bench-audit', provinces: inCampaign, daysPerSecond: 0.001, enterprises: traders.map((d) => d.enterprise.code) }),
    });
    if (!started.ok) throw new Error(`campaign: ${started.status} ${await started.text()}`);
    let open = 0;
    while (open < cases * 3) {
      const now = await prisma.caseTask.count({ where: { campaignId: 'bench-audit', status: 'open' } });
      if (now !== open) console.log(`tasks opened: ${now}/${cases * 3}`);
      open = now;
      if (open < cases * 3) await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const codeOf = new Map(provinces.map((p) => [p.name, p.code]));
    const openTasks = await prisma.caseTask.findMany({ where: { campaignId: 'bench-audit', status: 'open' }, orderBy: { key: 'asc' } });
    const warmUp = openTasks.slice(0, 2 * WARM_UP);
    const tasks = openTasks.slice(2 * WARM_UP, 2 * WARM_UP + completions);

    const complete = async (url: string, task: (typeof tasks)[number]) => {
      const res = await fetch(`${url}/tasks/${encodeURIComponent(task.key)}/complete`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer demo-${codeOf.get(task.provinceName)}-${task.agencyKind}-staff` },
        body: JSON.stringify({ completion: { findings: [] } }),
      });
      if (res.status !== 200) throw new Error(`completing ${task.key}: ${res.status} ${await res.text()}`);
    };
    const run = async (url: string, batch: typeof tasks) => {
      const queue = [...batch];
      const since = process.hrtime.bigint();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let task = queue.shift(); task; task = queue.shift()) await complete(url, task);
        }),
      );
      return seconds(since);
    };
    await run(audited, warmUp.slice(0, WARM_UP));
    await run(plain, warmUp.slice(WARM_UP));
    console.log(`warm-up: ${warmUp.length} completions, not counted`);
    const elapsed = { audited: 0, plain: 0 };
    const done = { audited: 0, plain: 0 };
    const perRound = Math.ceil(tasks.length / ROUNDS);
    for (let r = 0; r < ROUNDS; r++) {
      const mode = [0, 3].includes(r % 4) ? 'audited' : 'plain';
      const batch = tasks.slice(r * perRound, (r + 1) * perRound);
      const s = await run(mode === 'audited' ? audited : plain, batch);
      elapsed[mode] += s;
      done[mode] += batch.length;
      console.log(`round ${r + 1}/${ROUNDS} ${mode === 'audited' ? 'with' : 'without'} the audit trail: ${batch.length} completions in ${round(s)} s (${round(batch.length / s, 1)}/s)`);
    }
    const rows = await prisma.auditEvent.count({ where: { action: 'tasks.complete' } });
    if (rows !== done.audited + WARM_UP) throw new Error(`${rows} audit rows of completions for ${done.audited + WARM_UP} audited completions`);
    const withAudit = done.audited / elapsed.audited;
    const withoutAudit = done.plain / elapsed.plain;
    console.log(JSON.stringify({ completions: done.audited + done.plain, with_audit_per_s: round(withAudit, 1), without_audit_per_s: round(withoutAudit, 1), ratio: round(withAudit / withoutAudit) }));
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
