import { ParentClosePolicy, patched, proxyActivities, startChild, workflowInfo } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Activities } from '../activities';
import { quickActivity } from './activityOptions';
import type { Tip } from '../domain/tip';
import type { CaseTiming } from './caseMessages';
import { tipTriageWorkflow } from './tipTriage';

const { recordTip } = proxyActivities<Activities>(quickActivity);

/** Records a tip-off (举报线索) so that it enters the campaign's archive exactly once. */
export async function tipIntakeWorkflow(tip: Tip, timing?: CaseTiming): Promise<{ tipId: string }> {
  await recordTip(tip);
  // Tips recorded before triage existed stay recorded only; the submission returns once the tip
  // is recorded, and the triage runs on as a workflow of its own.
  if (timing && patched('tip-triage')) {
    // A retried submission after the first run closed runs the intake again; its triage is
    // already under way, and that one stands.
    await startChild(tipTriageWorkflow, { workflowId: `${workflowInfo().workflowId}/triage`, args: [{ tip, timing }], parentClosePolicy: ParentClosePolicy.ABANDON }).catch((error: unknown) => {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    });
  }
  return { tipId: tip.id };
}
