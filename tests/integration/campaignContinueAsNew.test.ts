import { flattenDossiers } from '../../domain/campaign';
import { calendar2014, phaseEnds } from '../../domain/campaignClock';
import { generateCampaign } from '../../domain/generator';
import { saveCampaignRecords } from '../../store/saveCampaignRecords';
import type { campaignWorkflow } from '../../workflows';
import type { CaseView } from '../../workflows/caseMessages';
import { freshDatabase } from '../support/freshDatabase';
import { startHarness, type Harness } from '../support/harness';

let db: Awaited<ReturnType<typeof freshDatabase>>;
let h: Harness;
const generated = generateCampaign({ seed: 66, enterprises: 60 });
const province = generated.dataset.dossiers[0].enterprise.province;
const listed = generated.dataset.dossiers.filter((d) => d.enterprise.province === province).slice(0, 3);

beforeAll(async () => {
  db = await freshDatabase();
  h = await startHarness('can', { databaseUrl: db.url });
  await saveCampaignRecords(h.prisma, flattenDossiers(generated.dataset.dossiers), { source: 'test', actor: 'test' });
  // What POST /campaigns records before it starts the workflows: the phase reports read it.
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  await h.prisma.campaign.create({
    data: {
      id: 'can-test',
      name: 'continue-as-new',
      selfInspectionStart: day(calendar2014.selfInspection.from),
      rectificationStart: day(calendar2014.rectification.from),
      acceptanceStart: day(calendar2014.acceptance.from),
      endsOn: day(calendar2014.acceptance.to),
      reviewWindowStart: day(calendar2014.reviewWindow.from),
      reviewWindowEnd: day(calendar2014.reviewWindow.to),
      updatedBy: 'test',
    },
  });
});
afterAll(async () => {
  await h.stop();
  await db.drop();
});

test('a campaign whose history grows past its limit continues as new and still carries every case to the end', async () => {
  const handle = await h.client.workflow.start<typeof campaignWorkflow>('campaignWorkflow', {
    workflowId: `campaign/can-test/${province}`,
    taskQueue: h.taskQueue,
    args: [
      {
        campaignId: 'can-test',
        province,
        phaseEnds: phaseEnds(calendar2014, Date.now(), { kind: 'scaled', daysPerSecond: 40 }),
        reviewWindow: calendar2014.reviewWindow,
        // Tasks are due long after the campaign: nobody completes them here, and no email is due.
        timing: { taskDueMs: 3_600_000, reminderBeforeMs: 0, graceAfterDueMs: 3_600_000 },
        enterprises: listed.map((d) => ({ code: d.enterprise.code, name: d.enterprise.name, types: d.enterprise.types })),
        historyLimit: 12,
      },
    ],
  });
  const progress = await handle.result();
  expect(progress.phase).toBe('closed');
  expect(progress.cases).toHaveLength(3);
  expect(progress.events.filter((e) => e.kind === 'phaseChanged').map((e) => e.summary)).toHaveLength(3);

  const runs = [];
  for await (const wf of h.client.workflow.list({ query: `WorkflowId = 'campaign/can-test/${province}'` })) runs.push(wf.runId);
  expect(runs.length).toBeGreaterThan(1);

  // Every case heard every boundary, whichever run sent it.
  for (const caseId of progress.cases) {
    const view = await h.client.workflow.getHandle(caseId).query<CaseView>('caseView');
    expect(view.phase).toBe('closed');
    expect(view.timeline.filter((e) => e.kind === 'phaseChanged')).toHaveLength(3);
  }
});
