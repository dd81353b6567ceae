import { allHandlersFinished, condition, getExternalWorkflowHandle, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { bilingual, referralLabels } from '../domain/labels';
import type { ReferralResult } from '../domain/referral';
import { caseActivities as activities, updateWrites } from './caseActivities';
import { refusal } from './refusals';
import { escalateStep, openStep } from './coordinationLadder';
import type { ReferralState } from '../domain/referral';
import type { TraceNotice } from '../domain/case/traceTasks';
import { traceNoticeSignal } from './caseMessages';
import {
  acceptReferralUpdate,
  referralViewQuery,
  referredTraceSignal,
  routeReferralUpdate,
  type CoordinationStep,
  type ReferralInput,
  type ReferralView,
} from './coordinationMessages';
import { requestVerification } from './verificationRequests';


/**
 * A cross-province referral (一.(三), 稀有金属部际协调机制): reported to MIIT, whose coordination
 * task routes it to the province concerned or closes it; then the receiving province's coordinator
 * accepts it into the counterpart's case (a verification task) or the province's campaign. Each
 * step escalates like any task when late. A link of an export trace (source `trace`) carries the
 * trace's notice: the case it is accepted into is told of the trace and opens the link's measures.
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
  let trace = report.evidence.traceNotice as TraceNotice | undefined;
  let accepting = false;
  const tellCase = async () => {
    // A case that ended in the instant since the API found it open takes no signal: the acceptance stands.
    if (trace && state.result)
      await getExternalWorkflowHandle(state.result.caseId)
        .signal(traceNoticeSignal, trace)
        .catch(() => undefined);
  };
  setHandler(referredTraceSignal, async (notice) => {
    trace = notice;
    await tellCase();
  });
  setHandler(
    routeReferralUpdate,
    async ({ routing, by }) => {
      // The API records the report before the workflow starts, so MIIT may route it while the
      // workflow's own record of it is still running, before the routing step is open.
      await condition(() => steps.length > 0);
      const at = new Date().toISOString();
      steps[0].done = true;
      if (routing.decision === 'close') {
        state.state = 'closed';
        state.closedReason = routing.reason;
        await updateWrites().closeReferral({ id: report.id, reason: routing.reason, by, at });
      } else {
        state.state = 'routed';
        state.toProvince = routing.toProvince;
        // Opened in the same activation as the state changes, so an acceptance always finds it.
        const acceptance = openStep(`${id}/acceptance`, routing.toProvince, `${bilingual(referralLabels.acceptanceTitle)}: ${report.counterpart.name}`, timing);
        steps.push(acceptance);
        ladders.push(escalateStep(acceptance, timing, clock));
        await updateWrites().routeReferral({ id: report.id, toProvince: routing.toProvince, by, at });
      }
      return view();
    },
    { validator: (request) => void (request && inState('reported')) },
  );
  setHandler(
    acceptReferralUpdate,
    async ({ acceptance, by }) => {
      // Referrals started before this closed the acceptance step before asking the case: a case that
      // was not running then failed the update with the step closed and the referral still routed.
      const verifiesFirst = patched('acceptance-verifies-first');
      if (!verifiesFirst) steps[1].done = true;
      const result: ReferralResult = { action: acceptance.action, enterpriseCode: acceptance.enterpriseCode, caseId: acceptance.caseId };
      if (acceptance.action === 'verifyInCase') {
        // While the case is asked, a second acceptance is refused as if this one had been made.
        accepting = true;
        result.taskKey = await requestVerification(acceptance.caseId, {
          agencyKind: acceptance.agencyKind,
          purpose: `referral/${report.id}`,
          title: `${bilingual(referralLabels.verificationTitle)}: ${report.counterpart.name}`,
          evidence: { referralId: report.id, fromProvince: report.fromProvince, facts: report.facts, ...report.evidence },
        }).finally(() => (accepting = false));
      }
      steps[1].done = true;
      state.state = 'accepted';
      state.result = result;
      await updateWrites().acceptReferral({ id: report.id, result, by, at: new Date().toISOString() });
      await tellCase();
      return view();
    },
    {
      validator: (_request) => {
        if (accepting) throw refusal('ReferralNotInState', 'the referral is being accepted');
        inState('routed');
      },
    },
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
