import { generateCampaign, provinces } from '../../demo/generator';
import { expectEverythingOnce, startCrashCampaign, startWorkerProcess as startWorker } from '../support/exactlyOnce';
import { useHarness } from '../support/harness';
import { services } from '../support/services';

/**
 * The worker is killed outright (SIGKILL: no graceful shutdown) again and again while a campaign
 * runs on a fast clock, in the middle of whatever it is doing — starting cases, creating tasks,
 * recording completions, sending escalation emails. The cases must still complete, with every
 * task, finding and email exactly once.
 */
const generated = generateCampaign({ seed: 55, enterprises: 150 });
const province = provinces.find((p) => p.name === '江西省')!;
const chosen = generated.dataset.dossiers
  .filter((d) => d.enterprise.province === province.name)
  .sort((a, b) => Number(generated.manifest.has(b.enterprise.code)) - Number(generated.manifest.has(a.enterprise.code)))
  .slice(0, 4);

const h = useHarness('crash', { dossiers: generated.dataset.dossiers, inProcessWorker: false });

const startWorkerProcess = () => startWorker(h, services().temporalAddress);

test('a campaign survives its worker being killed repeatedly: nothing lost, nothing twice', async () => {
  const campaignId = 'c-crash';
  expect(chosen.some((d) => generated.manifest.has(d.enterprise.code))).toBe(true);

  const held = new Set<string>();
  let worker = startWorkerProcess();
  let kills = 0;
  let chaos = true;
  // Six kills, each once the restarted worker has done some work (a task, a completion or an email
  // on record since it started), then a varying moment more: a slow machine slows the kills with
  // the work, rather than killing a worker that never got going.
  const progress = async () =>
    (await h.prisma.caseTask.count({ where: { campaignId } })) +
    (await h.prisma.caseTask.count({ where: { campaignId, status: 'completed' } })) +
    (await h.prisma.outboundEmail.count({ where: { key: { startsWith: `case/${campaignId}/` } } }));
  const chaosLoop = (async () => {
    while (chaos && kills < 6) {
      const before = await progress();
      while (chaos && (await progress()) === before) await new Promise((resolve) => setTimeout(resolve, 200));
      await new Promise((resolve) => setTimeout(resolve, 200 + (kills % 3) * 300));
      if (!chaos) break;
      worker.kill('SIGKILL');
      kills++;
      await new Promise((resolve) => worker.once('exit', resolve));
      worker = startWorkerProcess();
    }
  })();

  const { autopilot, results: caseResults } = await startCrashCampaign(h, { campaignId, name: 'crash test', province, enterprises: chosen.map((d) => d.enterprise.code), held });

  try {
    const results = await caseResults();
    expect(kills).toBe(6);
    await expectEverythingOnce(h, campaignId, results, held);
  } finally {
    await autopilot.stop();
    chaos = false;
    await chaosLoop;
    worker.kill('SIGKILL');
  }
}, 180_000);
