import { calendar2014, phaseEnds } from '../../domain/campaignClock';
import { generateCampaign } from '../../demo/generator';
import type { campaignWorkflow } from '../../workflows';
import type { CampaignInput } from '../../workflows/campaignMessages';
import type { CaseView } from '../../workflows/caseMessages';
import { useHarness } from '../support/harness';
import { recordHistory } from '../support/histories';

const generated = generateCampaign({ seed: 66, enterprises: 60 });
const province = generated.dataset.dossiers[0].enterprise.province;
const listed = generated.dataset.dossiers.filter((d) => d.enterprise.province === province).slice(0, 3);

const h = useHarness('can', { dossiers: generated.dataset.dossiers });
beforeAll(async () => {
  // What POST /campaigns records before it starts the workflows: the phase reports read it.
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  for (const id of ['can-test', 'can-fanout']) {
    await h.prisma.campaign.create({
      data: {
        id,
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
  }
});

/** Starts a campaign of the listed enterprises whose history is "too long" past `historyLimit` events. */
const startCampaign = (campaignId: string, extra: Partial<CampaignInput>) =>
  h.client.workflow.start<typeof campaignWorkflow>('campaignWorkflow', {
    workflowId: `campaign/${campaignId}/${province}`,
    taskQueue: h.taskQueue,
    args: [
      {
        campaignId,
        province,
        // The phases only need to pass: what is checked is what the histories hold.
        phaseEnds: phaseEnds(calendar2014, Date.now(), { kind: 'scaled', daysPerSecond: 40 }),
        reviewWindow: calendar2014.reviewWindow,
        // Tasks are due long after the campaign: nobody completes them here, and no email is due.
        timing: { taskDueMs: 3_600_000, reminderBeforeMs: 0, graceAfterDueMs: 3_600_000 },
        enterprises: listed.map((d) => ({ code: d.enterprise.code, name: d.enterprise.name, types: d.enterprise.types })),
        historyLimit: 12,
        ...extra,
      },
    ],
  });
const runsOf = async (workflowId: string) => {
  const runs: string[] = [];
  for await (const wf of h.client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) runs.push(wf.runId);
  // Listed newest first.
  return runs.reverse();
};

test('a campaign whose history grows past its limit continues as new and still carries every case to the end', async () => {
  const handle = await startCampaign('can-test', {});
  const progress = await handle.result();
  expect(progress.phase).toBe('closed');
  expect(progress.cases).toHaveLength(3);
  expect(progress.events.filter((e) => e.kind === 'phaseChanged').map((e) => e.summary)).toHaveLength(3);

  const runs = await runsOf(handle.workflowId);
  expect(runs.length).toBeGreaterThan(1);
  recordHistory('campaign-continueAsNew', handle.workflowId, runs[0]);

  // Every case heard every boundary, whichever run sent it.
  for (const caseId of progress.cases) {
    const view = await h.client.workflow.getHandle(caseId).query<CaseView>('caseView');
    expect(view.phase).toBe('closed');
    expect(view.timeline.filter((e) => e.kind === 'phaseChanged')).toHaveLength(3);
  }
});

test('a phase change told case by case continues as new between batches, so no run signals far past its limit', async () => {
  // One case per batch: each phase change is three batches, and every boundary's run is over its
  // limit before it starts telling the cases.
  const handle = await startCampaign('can-fanout', { batchSize: 1 });
  const progress = await handle.result();
  expect(progress.phase).toBe('closed');
  for (const caseId of progress.cases) {
    const view = await h.client.workflow.getHandle(caseId).query<CaseView>('caseView');
    expect(view.timeline.filter((e) => e.kind === 'phaseChanged').map((e) => e.summary)).toHaveLength(3);
  }

  // Once a run's history has reached its limit, it sends at most the one batch under way.
  const runs = await runsOf(handle.workflowId);
  const histories = await Promise.all(runs.map(async (runId) => (await h.client.workflow.getHandle(handle.workflowId, runId).fetchHistory()).events ?? []));
  const signalsPastLimit = histories.map((events) => events.filter((e) => e.signalExternalWorkflowExecutionInitiatedEventAttributes && Number(e.eventId) > 12).length);
  expect(signalsPastLimit.every((n) => n <= 1)).toBe(true);
  // A run that starts by telling the rest of the cases a phase change the run before began.
  const inputOf = (events: (typeof histories)[number]) => Buffer.from(events[0].workflowExecutionStartedEventAttributes!.input!.payloads![0].data!).toString('utf8');
  const resumed = histories.findIndex((events) => inputOf(events).includes('"fanOut"'));
  expect(resumed).toBeGreaterThan(0);
  recordHistory('campaign-fanOutContinueAsNew', handle.workflowId, runs[resumed - 1]);
  recordHistory('campaign-fanOutResumed', handle.workflowId, runs[resumed]);
});
