import { creditCodeCheckChar, flattenDossiers } from '../../domain/campaign';
import { generateCampaign } from '../../demo/generator';
import { saveCampaignRecords } from '../../store/saveCampaignRecords';
import { taskActivities, type TaskToCreate } from '../../activities/tasks';
import { createDatasetCache } from '../../store/datasetCache';
import { ruleCheckActivities } from '../../activities/ruleChecks';
import { useFreshDatabase } from '../support/freshDatabase';

const db = useFreshDatabase();

const campaign = generateCampaign({ seed: 5, enterprises: 30 });
const enterprise = campaign.dataset.dossiers[0].enterprise;

beforeAll(async () => {
  await saveCampaignRecords(db.prisma, flattenDossiers(campaign.dataset.dossiers), { source: 'test', actor: 'test' });
});

const task: TaskToCreate = {
  key: `case/c1/${enterprise.province}/${enterprise.code}/selfInspection/verification/tax`,
  caseId: `case/c1/${enterprise.province}/${enterprise.code}`,
  campaignId: 'c1',
  province: enterprise.province,
  enterpriseCode: enterprise.code,
  kind: 'verification',
  agencyKind: 'tax',
  title: '核查 tax check',
  evidence: { findings: [] },
  dueAt: '2014-11-25T00:00:00Z',
};

describe('task activities', () => {
  test('creating a task twice (a retried activity) leaves one task', async () => {
    const { createTask } = taskActivities(db.prisma);
    await createTask(task);
    await createTask({ ...task, title: 'retried' });
    const rows = await db.prisma.caseTask.findMany({ where: { caseId: task.caseId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ title: '核查 tax check', status: 'open' });
  });

  test('a completion is recorded once, with its findings and dispositions, even when retried', async () => {
    const { recordTaskCompletion } = taskActivities(db.prisma);
    const done = {
      taskKey: task.key,
      completion: { findings: [{ violation: 'unpaidVat' }] },
      actor: 'tax-staff@jiangxi',
      completedAt: '2014-11-01T02:00:00Z',
      findings: [{ violation: 'unpaidVat', agencyKind: 'tax' as const, amounts: { unpaidTaxFen: 1_234_500 }, note: '少缴增值税' }],
      dispositions: [{ id: `${task.key}/d1`, disposition: 'recoverVat', agencyKind: 'tax' as const, dueDate: '2015-01-31', status: 'planned' }],
    };
    await recordTaskCompletion(done);
    await recordTaskCompletion({ ...done, actor: 'someone-else' });
    expect(await db.prisma.caseTask.findUniqueOrThrow({ where: { key: task.key } })).toMatchObject({ status: 'completed', completedBy: 'tax-staff@jiangxi' });
    const findings = await db.prisma.caseFinding.findMany({ where: { taskKey: task.key } });
    expect(findings.map((f) => [f.violation, f.amounts, f.recordedBy])).toEqual([['unpaidVat', { unpaidTaxFen: 1_234_500 }, 'tax-staff@jiangxi']]);
    expect(await db.prisma.caseDisposition.count({ where: { caseId: task.caseId } })).toBe(1);
  });

  test('cancelling touches only open tasks', async () => {
    const { createTask, cancelTask } = taskActivities(db.prisma);
    await cancelTask(task.key);
    expect((await db.prisma.caseTask.findUniqueOrThrow({ where: { key: task.key } })).status).toBe('completed');
    const other = { ...task, key: `${task.key}-2` };
    await createTask(other);
    await cancelTask(other.key);
    expect((await db.prisma.caseTask.findUniqueOrThrow({ where: { key: other.key } })).status).toBe('cancelled');
  });

  test('rule checks run against the archive, and see a later import', async () => {
    const { runRuleChecks } = ruleCheckActivities(createDatasetCache(db.prisma));
    const flagged = [...campaign.manifest.keys()][0];
    const result = await runRuleChecks({ enterpriseCode: flagged, window: campaign.window });
    expect(new Set(result!.findings)).toEqual(campaign.manifest.get(flagged));
    expect(await runRuleChecks({ enterpriseCode: '91360000MA00000000', window: campaign.window })).toBeUndefined();

    // An enterprise a tip revealed, imported after the first checks ran.
    const code = `91360000MA${'7'.repeat(7)}`;
    const newcomer = { ...enterprise, code: code + creditCodeCheckChar(code), name: '虚构新发现稀土贸易有限公司（虚构 fictional）' };
    await saveCampaignRecords(db.prisma, { enterprises: [newcomer] }, { source: 'late', actor: 'test' });
    expect((await runRuleChecks({ enterpriseCode: newcomer.code, window: campaign.window }))?.enterpriseCode).toBe(newcomer.code);
  });
});
