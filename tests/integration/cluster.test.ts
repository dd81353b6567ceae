import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { flattenDossiers } from '../../domain/campaign';
import { generateCampaign, provinces } from '../../demo/generator';
import { createLogger } from '../../platform/logger';
import { toolsDir } from '../../platform/projectRoot';
import { findOrBuildTemporalCluster, freeClusterPorts, startTemporalCluster } from '../../platform/temporalCluster';
import type { RunningTemporal } from '../../platform/temporalServer';
import { saveCampaignRecords } from '../../store/saveCampaignRecords';
import { expectEverythingOnce, startCrashCampaign, startWorkerProcess as startWorker } from '../support/exactlyOnce';
import { freshDatabase } from '../support/freshDatabase';
import { startHarness, type Harness } from '../support/harness';
import { services } from '../support/services';

/**
 * The campaign on a real Temporal cluster: `temporal-server` on PostgreSQL (databases of its own
 * on the test run's server), two worker processes, the API. Mid-campaign one worker is killed
 * outright and stays dead, then the Temporal server is stopped and started again: the other worker
 * must take over, the server carry on from PostgreSQL, and every task, finding and email still be
 * there exactly once. The first run on a machine builds the server (go install, cached in .tools).
 */
const generated = generateCampaign({ seed: 56, enterprises: 150 });
const province = provinces.find((p) => p.name === '江西省')!;
const chosen = generated.dataset.dossiers
  .filter((d) => d.enterprise.province === province.name)
  .sort((a, b) => Number(generated.manifest.has(b.enterprise.code)) - Number(generated.manifest.has(a.enterprise.code)))
  .slice(0, 4);

const log = createLogger('test-cluster', process.env.TEST_LOG_LEVEL ?? 'warn');
const temporalDatabases = { database: `temporal_${process.pid}`, visibilityDatabase: `temporal_visibility_${process.pid}` };
let startCluster: () => Promise<RunningTemporal>;
let cluster: RunningTemporal;
let db: Awaited<ReturnType<typeof freshDatabase>>;
let h: Harness;
let dir: string;

beforeAll(async () => {
  const binaries = await findOrBuildTemporalCluster({ toolsDir: toolsDir(), log });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-test-'));
  const ports = await freeClusterPorts();
  startCluster = () => startTemporalCluster({ binaries, db: { adminUrl: services().databaseUrl, password: 'temporal', ...temporalDatabases }, dataDir: dir, ports, namespace: 'default', log });
  cluster = await startCluster();
  db = await freshDatabase();
  h = await startHarness('cluster', { databaseUrl: db.url, temporalAddress: cluster.address, inProcessWorker: false });
  await saveCampaignRecords(h.prisma, flattenDossiers(generated.dataset.dossiers), { source: 'test', actor: 'test' });
  // The first run builds the server: go install takes many minutes on a small machine.
}, 60 * 60_000);

afterAll(async () => {
  await h?.stop();
  await cluster?.stop();
  await db?.drop();
  const admin = new pg.Client({ connectionString: services().databaseUrl });
  await admin.connect();
  for (const name of Object.values(temporalDatabases)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const startWorkerProcess = () => startWorker(h, cluster.address);

test('a campaign on the cluster survives losing a worker and a server restart: nothing lost, nothing twice', async () => {
  const campaignId = 'c-cluster';
  const held = new Set<string>();
  const workers = [startWorkerProcess(), startWorkerProcess()];
  const progress = async () =>
    (await h.prisma.caseTask.count({ where: { campaignId } })) +
    (await h.prisma.caseTask.count({ where: { campaignId, status: 'completed' } })) +
    (await h.prisma.outboundEmail.count({ where: { key: { startsWith: `case/${campaignId}/` } } }));
  const afterMoreWork = async () => {
    const before = await progress();
    while ((await progress()) === before) await new Promise((resolve) => setTimeout(resolve, 200));
  };
  const faults: string[] = [];
  // Each fault once the campaign has done some work since the last, so neither lands before the
  // work has started or after it is over.
  const chaos = (async () => {
    await afterMoreWork();
    workers[0].kill('SIGKILL');
    await new Promise((resolve) => workers[0].once('exit', resolve));
    faults.push('worker killed');
    await afterMoreWork();
    await cluster.stop();
    cluster = await startCluster();
    faults.push('server restarted');
  })();

  const { autopilot, results: caseResults } = await startCrashCampaign(h, { campaignId, name: 'cluster test', province, enterprises: chosen.map((d) => d.enterprise.code), held });

  try {
    const results = await caseResults();
    await chaos;
    expect(faults).toEqual(['worker killed', 'server restarted']);
    await expectEverythingOnce(h, campaignId, results, held);
    // One execution per case, found through the custom search attribute in PostgreSQL visibility.
    const { count } = await h.client.workflow.count(`WorkflowType = 'enterpriseCaseWorkflow' AND CampaignId = '${campaignId}'`);
    expect(count).toBe(chosen.length);
  } finally {
    await autopilot.stop();
    for (const worker of workers) worker.kill('SIGKILL');
  }
}, 300_000);
