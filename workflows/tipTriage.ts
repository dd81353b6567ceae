import { ParentClosePolicy, allHandlersFinished, condition, patched, setHandler, startChild, workflowInfo } from '@temporalio/workflow';
import { bilingual, referralLabels } from '../domain/labels';
import { referralWorkflowId } from '../domain/referral';
import type { TipOutcome } from '../domain/tip';
import { updateWrites } from './caseActivities';
import { refusal } from './refusals';
import { escalateStep, openStep } from './coordinationLadder';
import { tipTriageQuery, triageTipUpdate, type TipTriageInput, type TipTriageView } from './coordinationMessages';
import { referralWorkflow } from './referral';
import { requestVerification } from './verificationRequests';


/**
 * A tip's triage (举报线索): its province's coordinator (MIIT's for a tip with no province) links it
 * to a case (a verification task carrying the tip's text), adds an enterprise to the campaign,
 * refers it to another province, or closes it. The step escalates like any task when late.
 */
export async function tipTriageWorkflow({ tip, timing }: TipTriageInput): Promise<TipTriageView> {
  const id = workflowInfo().workflowId;
  const step = openStep(`${id}/triage`, tip.province ?? null, `${bilingual(referralLabels.tipTriageTitle)}: ${tip.source}`, timing);
  let outcome: TipOutcome | undefined;
  let deciding = false;
  const view = (): TipTriageView => ({ tipId: tip.id, outcome, step });
  setHandler(tipTriageQuery, view);
  setHandler(
    triageTipUpdate,
    async ({ outcome: asked, by }) => {
      const decided: TipOutcome = { ...asked, decidedBy: by, decidedAt: new Date().toISOString() };
      const decide = () => {
        step.done = true;
        outcome = decided;
      };
      // Triages started before this decided before asking the case: a case that was not running
      // then failed the update with the triage decided, and the tip stayed untriaged in the database.
      const verifiesFirst = patched('triage-verifies-first');
      if (!verifiesFirst) decide();
      if (asked.action === 'linkToCase') {
        // While the case is asked, a second triage is refused as if this one had decided.
        deciding = true;
        decided.taskKey = await requestVerification(asked.caseId!, {
          agencyKind: asked.agencyKind,
          purpose: `tip/${tip.id}`,
          title: `${bilingual(referralLabels.tipVerificationTitle)}: ${tip.source}`,
          evidence: { tipId: tip.id, tip: tip.text, source: tip.source, receivedAt: tip.receivedAt },
        }).finally(() => (deciding = false));
      }
      if (verifiesFirst) decide();
      if (asked.action === 'refer') {
        decided.referralId = `tip.${tip.id}`;
        await startChild(referralWorkflow, {
          workflowId: referralWorkflowId(decided.referralId),
          args: [{ report: { id: decided.referralId, campaignId: asked.campaignId, fromProvince: tip.province!, toProvince: asked.toProvince, counterpart: asked.counterpart, facts: tip.text, evidence: { tipId: tip.id, source: tip.source }, source: 'tip', reportedBy: by }, timing }],
          // The referral has its own life: it outlives the triage that started it.
          parentClosePolicy: ParentClosePolicy.ABANDON,
        });
      }
      await updateWrites().recordTipOutcome({ tipId: tip.id, outcome: decided, by, at: decided.decidedAt! });
      return view();
    },
    {
      validator: (request) => {
        if (outcome || deciding) throw refusal('TipTriaged', 'the tip has been triaged already');
        if (request.outcome.action === 'refer' && !tip.province) throw refusal('TipWithoutProvince', 'a tip with no province cannot be referred across provinces: link it or add its enterprise');
      },
    },
  );
  const ladder = escalateStep(step, timing, undefined);
  await condition(() => outcome !== undefined);
  await ladder;
  await condition(allHandlersFinished);
  return view();
}
