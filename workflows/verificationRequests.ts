import { getExternalWorkflowHandle } from '@temporalio/workflow';
import { requestVerificationSignal, type VerificationRequest } from './coordinationMessages';
import { refusal } from './refusals';

/**
 * Asks a case for one more verification; the key of the task it opens. The campaign lists a case as
 * it begins to start it, so the API can find one whose workflow is not running yet, or one that has
 * just ended: the server then fails the signal, and the caller's update is refused, having changed
 * nothing, for the client to try again.
 */
export async function requestVerification(caseId: string, request: VerificationRequest): Promise<string> {
  try {
    await getExternalWorkflowHandle(caseId).signal(requestVerificationSignal, request);
  } catch {
    throw refusal('CaseNotRunning', `the case ${caseId} is not running (still starting, or ended): try again in a moment`);
  }
  return `${caseId}/verification/${request.agencyKind}/${request.purpose}`;
}
