import { generateCampaign } from '../../demo/generator';
import type { CampaignInput } from '../../workflows/campaignMessages';
import type { CaseView } from '../../workflows/caseMessages';
import { startCampaign } from '../support/campaigns';
import { useHarness } from '../support/harness';
import { recordHistory } from '../support/histories';

const generated = generateCampaign({ seed: 66, enterprises: 60 });
const province = generated.dataset.dossiers[0].enterprise.province;
const listed = generated.dataset.dossiers.filter((d) => d.enterprise.province === province).slice(0, 3);

const h = useHarness('can', { dossiers: generated.dataset.dossiers });
/** A campaign of the listed enterprises whose history is "too long" past `historyLimit` events. */
const start = (campaignId: string, extra: Partial<CampaignInput>) => startCampaign(h, campaignId, province, listed, { historyLimit: 12, ...extra });
const runsOf = async (workflowId: string) => {
  const runs: string[] = [];
  for await (const wf of h.client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) runs.push(wf.runId);
  // Listed newest first.
  return runs.reverse();
};

test('a campaign whose history grows past its limit continues as new and still carries every case to the end', async () => {
  const handle = await start('can-test', {});
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
  const handle = await start('can-fanout', { batchSize: 1 });
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
