import { generateCampaign } from '../../demo/generator';
import { caseWorkflowId } from '../../domain/caseIds';
import type { CaseView } from '../../workflows/caseMessages';
import { progressQuery } from '../../workflows/campaignMessages';
import { startCampaign } from '../support/campaigns';
import { useHarness } from '../support/harness';
import { recordHistory } from '../support/histories';
import { waitFor } from '../support/waitFor';

const generated = generateCampaign({ seed: 67, enterprises: 60 });
const province = generated.dataset.dossiers[0].enterprise.province;
const [ended, running] = generated.dataset.dossiers.filter((d) => d.enterprise.province === province);

const h = useHarness('ended-case', { dossiers: generated.dataset.dossiers });

/**
 * An operator may terminate a case (the Web UI, `temporal workflow terminate`); its campaign still
 * lists it. The phase changes that follow must reach the other cases, and the campaign must end:
 * the signal to the ended case fails, and used to fail the campaign's workflow task at every retry.
 */
test('a campaign carries its other cases through every phase after one of its cases was terminated', async () => {
  // Self-inspection long enough to terminate the case before it ends (a case starts within a
  // second or two); the later phases short.
  const now = Date.now();
  const at = (s: number) => new Date(now + s * 1_000).toISOString();
  const handle = await startCampaign(h, 'ended-case', province, [ended, running], { phaseEnds: { selfInspection: at(30), rectification: at(32), acceptance: at(34) } });
  const endedCase = h.client.workflow.getHandle(caseWorkflowId('ended-case', province, ended.enterprise.code));
  await waitFor('the case started', () => endedCase.describe().then(() => true).catch(() => undefined));
  await endedCase.terminate('an operator ends the case');
  // Still before the first boundary, else this test would prove nothing.
  expect((await handle.query(progressQuery)).phase).toBe('selfInspection');

  const progress = await waitFor('the campaign closed', () => handle.describe().then((d) => (d.status.name === 'COMPLETED' ? handle.result() : undefined)), 90_000);
  expect(progress.phase).toBe('closed');
  const view = await h.client.workflow.getHandle(caseWorkflowId('ended-case', province, running.enterprise.code)).query<CaseView>('caseView');
  expect(view.phase).toBe('closed');
  recordHistory('campaign-endedCase', handle.workflowId);
}, 120_000);
