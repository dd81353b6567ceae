import { allHandlersFinished, condition, getExternalWorkflowHandle, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { bilingual, referralLabels } from '../domain/labels';
import type { ReferralResult } from '../domain/referral';
import { refusal } from './refusals';
import { escalateStep, openStep } from './coordinationLadder';
import {
  acceptReferralUpdate,
  referralViewQuery,
  requestVerificationSignal,
  routeReferralUpdate,
  type CoordinationStep,
  type ReferralInput,
  type ReferralState,
  type ReferralView,
} from './coordinationMessages';

const activities = proxyActivities<Activities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/**
 * A cross-province referral (一.(三), 稀有金属部际协调机制): reported to MIIT, whose coordination
 * task routes it to the province concerned or closes it; then the receiving province's coordinator
 * accepts it into the counterpart's case (a verification task) or the province's campaign. Each
 * step escalates like any task when late.
 */
export async function referralWorkflow({ report, timing, clock }: ReferralInput): Promise<ReferralView> {
  const id = workflowInfo().workflowId;
  const state = { state: 'reported' as ReferralState, toProvince: report.toProvince, closedReason: undefined as string | undefined, result: undefined as ReferralResult | undefined };
  const steps: CoordinationStep[] = [];
  const ladders: Promise<void>[] = [];
  const view = (): ReferralView => ({ id: report.id, state: state.state, fromProvince: report.fromProvince, toProvince: state.toProvince, closedReason: state.closedReason, result: state.result, steps });
  const inState = (expected: ReferralState) => {
    if (state.state !== expected) throw refusal('ReferralNotInState', `the referral is ${state.state}, not ${expected}`);
  };
  setHandler(referralViewQuery, view);
  setHandler(
    routeReferralUpdate,
    async ({ routing, by }) => {
      const at = new Date().toISOString();
      steps[0].done = true;
      if (routing.decision === 'close') {
        state.state = 'closed';
        state.closedReason = routing.reason;
        await activities.closeReferral({ id: report.id, reason: routing.reason, by, at });
      } else {
        state.state = 'routed';
        state.toProvince = routing.toProvince;
        // Opened in the same activation as the state changes, so an acceptance always finds it.
        const acceptance = openStep(`${id}/acceptance`, routing.toProvince, `${bilingual(referralLabels.acceptanceTitle)}: ${report.counterpart.name}`, timing);
        steps.push(acceptance);
        ladders.push(escalateStep(acceptance, timing, clock));
        await activities.routeReferral({ id: report.id, toProvince: routing.toProvince, by, at });
      }
      return view();
    },
    { validator: (request) => void (request && inState('reported')) },
  );
  setHandler(
    acceptReferralUpdate,
    async ({ acceptance, by }) => {
      steps[1].done = true;
      const result: ReferralResult = { action: acceptance.action, enterpriseCode: acceptance.enterpriseCode, caseId: acceptance.caseId };
      if (acceptance.action === 'verifyInCase') {
        const purpose = `referral/${report.id}`;
        await getExternalWorkflowHandle(acceptance.caseId).signal(requestVerificationSignal, {
          agencyKind: acceptance.agencyKind,
          purpose,
          title: `${bilingual(referralLabels.verificationTitle)}: ${report.counterpart.name}`,
          evidence: { referralId: report.id, fromProvince: report.fromProvince, facts: report.facts, ...report.evidence },
        });
        result.taskKey = `${acceptance.caseId}/verification/${acceptance.agencyKind}/${purpose}`;
      }
      state.state = 'accepted';
      state.result = result;
      await activities.acceptReferral({ id: report.id, result, by, at: new Date().toISOString() });
      return view();
    },
    { validator: (request) => void (request && inState('routed')) },
  );

  await activities.reportReferral(report);
  const routing = openStep(`${id}/routing`, null, `${bilingual(referralLabels.routingTitle)}: ${report.counterpart.name}`, timing);
  steps.push(routing);
  ladders.push(escalateStep(routing, timing, clock));
  await condition(() => state.state === 'closed' || state.state === 'accepted');
  await Promise.all(ladders);
  await condition(allHandlersFinished);
  return view();
}
