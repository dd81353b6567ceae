import { WorkflowUpdateStage } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Activities } from '../../activities';
import { caseWorkflowId } from '../../domain/caseIds';
import { generateCampaign } from '../../demo/generator';
import { workflowBundleSources } from '../../worker/bundlePath';
import { addEnterpriseUpdate } from '../../workflows/campaignMessages';
import { startCampaign } from '../support/campaigns';
import { useHarness } from '../support/harness';
import { services } from '../support/services';
import { waitFor } from '../support/waitFor';
import { releaseCatchUpSignal } from '../support/workflows/holdCatchUpSignal';

/**
 * An enterprise added to a campaign as its last phase ends: the update's handler is still at work
 * (catching the new case up) when the campaign has told its cases it is over. The campaign must
 * wait for the handler before it ends, or the update never answers. The test holds both sides
 * itself: the acceptance boundary's reports wait for the test, and so does the handler's catch-up
 * signal (tests/support/workflows/holdCatchUpSignal.ts), so the order is fixed, not raced.
 */
const generated = generateCampaign({ seed: 66, enterprises: 60 });
const province = generated.dataset.dossiers[0].enterprise.province;
const [listed, added] = generated.dataset.dossiers.filter((d) => d.enterprise.province === province);
const campaignId = 'handlers-test';
const addedCase = caseWorkflowId(campaignId, province, added.enterprise.code);

const h = useHarness('handlers', { dossiers: generated.dataset.dossiers, inProcessWorker: false });

test('a campaign ends only once an update that arrived at its last boundary has finished', async () => {
  let reached!: () => void;
  const acceptanceReportsStarted = new Promise<void>((resolve) => (reached = resolve));
  let release!: () => void;
  const reportsReleased = new Promise<void>((resolve) => (release = resolve));
  const activities: Activities = {
    ...h.activities,
    async generatePhaseReports(request) {
      if (request.boundary === 'acceptance') {
        reached();
        await reportsReleased;
      }
      return h.activities.generatePhaseReports(request);
    },
  };
  const { workflowsPath, workflowInterceptorModules } = workflowBundleSources();
  const connection = await NativeConnection.connect({ address: services().temporalAddress });
  const worker = await Worker.create({
    connection,
    taskQueue: h.taskQueue,
    activities,
    workflowsPath,
    interceptors: { workflowModules: [...workflowInterceptorModules, require.resolve('../support/workflows/holdCatchUpSignal')] },
  });
  const running = worker.run();
  try {
    // The first two phases pass in seconds; the last one ends when the test lets its reports go.
    const campaign = await startCampaign(h, campaignId, province, [listed]);
    await acceptanceReportsStarted;

    // Still in acceptance, so the update is accepted; its case starts, its catch-up signal is held.
    const update = await campaign.startUpdate(addEnterpriseUpdate, {
      args: [{ code: added.enterprise.code, name: added.enterprise.name, types: added.enterprise.types, by: 'test' }],
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    await waitFor('the added case to start', () => h.client.workflow.getHandle(addedCase).describe());

    // The boundary goes on: reports, the phase change, and the signal to both cases that it is over.
    release();
    await waitFor('the campaign past its last phase signal', async () => {
      const events = (await campaign.fetchHistory()).events ?? [];
      const initiated = events.filter((e) => e.signalExternalWorkflowExecutionInitiatedEventAttributes).length;
      const answered = events.filter((e) => e.externalWorkflowExecutionSignaledEventAttributes).length;
      // Two boundaries told the listed case, the last one told it and the added one. A workflow task
      // that started after the last answer has run to its end: the campaign has ended or is waiting.
      const lastAnswer = events.map((e) => Boolean(e.externalWorkflowExecutionSignaledEventAttributes)).lastIndexOf(true);
      const taskAfter = events.findIndex((e, i) => i > lastAnswer && e.workflowTaskStartedEventAttributes);
      const ranToItsEnd = taskAfter > 0 && events.slice(taskAfter).some((e) => e.workflowTaskCompletedEventAttributes);
      return initiated === 4 && answered === 4 && ranToItsEnd ? true : undefined;
    });

    // A campaign that had not waited would be over now, its handler cut off and the update unanswered.
    expect((await campaign.describe()).status.name).toBe('RUNNING');
    await campaign.signal(releaseCatchUpSignal);
    expect(await update.result()).toEqual({ caseId: addedCase, added: true });
    const progress = await campaign.result();
    expect(progress.phase).toBe('closed');
    expect(progress.cases).toEqual([caseWorkflowId(campaignId, province, listed.enterprise.code), addedCase]);
    expect(progress.events.filter((e) => e.kind === 'enterpriseAdded')).toHaveLength(1);
  } finally {
    worker.shutdown();
    await running;
    await connection.close();
  }
});
