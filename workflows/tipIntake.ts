import { ParentClosePolicy, patched, proxyActivities, startChild, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { Tip } from '../domain/tip';
import type { CaseTiming } from './caseMessages';
import { tipTriageWorkflow } from './tipTriage';

const { recordTip } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Records a tip-off (举报线索) so that it enters the campaign's archive exactly once. */
export async function tipIntakeWorkflow(tip: Tip, timing?: CaseTiming): Promise<{ tipId: string }> {
  await recordTip(tip);
  // Tips recorded before triage existed stay recorded only; the submission returns once the tip
  // is recorded, and the triage runs on as a workflow of its own.
  if (timing && patched('tip-triage')) {
    await startChild(tipTriageWorkflow, { workflowId: `${workflowInfo().workflowId}/triage`, args: [{ tip, timing }], parentClosePolicy: ParentClosePolicy.ABANDON });
  }
  return { tipId: tip.id };
}
