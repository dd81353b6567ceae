import { ParentClosePolicy, getExternalWorkflowHandle, setHandler, sleep, startChild, upsertSearchAttributes } from '@temporalio/workflow';
import { caseWorkflowId } from '../domain/caseIds';
import type { CasePhase } from '../domain/enums';
import { formLabels, phaseLabels } from '../domain/labels';
import { searchAttributes } from '../domain/searchAttributes';
import { phaseChangedSignal, superviseSignal } from './caseMessages';
import {
  addEnterpriseUpdate,
  progressQuery,
  superviseCaseSignal,
  type CampaignEnterprise,
  type CampaignEvent,
  type CampaignInput,
  type CampaignProgress,
} from './campaignMessages';
import { enterpriseCaseWorkflow } from './enterpriseCase';

/** Reports due to MIIT at the end of each phase (section 二 of the plan). */
const reportsDue: Record<Exclude<CasePhase, 'closed'>, string[]> = {
  selfInspection: [formLabels.annex2.zh, formLabels.annex3.zh, '处理方案'],
  rectification: [formLabels.annex4.zh],
  acceptance: [formLabels.summary.zh],
};

/**
 * One campaign in one province: a case per listed enterprise, moved from phase to phase at the
 * calendar's boundaries, with the reports due to MIIT at each boundary. Coordinators add
 * enterprises a tip reveals and put serious cases under supervision (挂牌督办).
 */
export async function campaignWorkflow(input: CampaignInput): Promise<CampaignProgress> {
  const state = {
    phase: 'selfInspection' as CasePhase,
    cases: new Map<string, string>(),
    supervised: new Set<string>(),
    events: [] as CampaignEvent[],
  };
  const record = (kind: CampaignEvent['kind'], summary: string) => state.events.push({ at: new Date().toISOString(), kind, summary });
  const progress = (): CampaignProgress => ({
    campaignId: input.campaignId,
    province: input.province,
    phase: state.phase,
    phaseEnds: input.phaseEnds,
    cases: [...state.cases.values()],
    supervised: [...state.supervised],
    events: state.events,
  });

  const openCase = async (enterprise: CampaignEnterprise): Promise<{ caseId: string; added: boolean }> => {
    const caseId = caseWorkflowId(input.campaignId, input.province, enterprise.code);
    if (state.cases.has(enterprise.code)) return { caseId, added: false };
    state.cases.set(enterprise.code, caseId);
    await startChild(enterpriseCaseWorkflow, {
      workflowId: caseId,
      args: [{ campaignId: input.campaignId, province: input.province, enterprise, reviewWindow: input.reviewWindow, timing: input.timing }],
      // A case outlives the campaign when its rectification is unfinished.
      parentClosePolicy: ParentClosePolicy.ABANDON,
      staticSummary: `${enterprise.name}（${enterprise.code}）· ${input.province}`,
      staticDetails: `Types: ${enterprise.types.join(', ')} · campaign ${input.campaignId}`,
    });
    // A case added late catches up with the campaign's phase.
    if (state.phase !== 'selfInspection') await getExternalWorkflowHandle(caseId).signal(phaseChangedSignal, { phase: state.phase, endsAt: endOf(state.phase) });
    return { caseId, added: true };
  };
  const endOf = (phase: CasePhase) => (phase === 'closed' ? undefined : input.phaseEnds[phase]);

  setHandler(progressQuery, progress);
  setHandler(addEnterpriseUpdate, async ({ by, ...enterprise }) => {
    const result = await openCase(enterprise);
    if (result.added) record('enterpriseAdded', `${enterprise.name} (${enterprise.code}) by ${by}`);
    return result;
  });
  setHandler(superviseCaseSignal, async ({ enterpriseCode, by }) => {
    const caseId = state.cases.get(enterpriseCode);
    if (!caseId || state.supervised.has(enterpriseCode)) return;
    state.supervised.add(enterpriseCode);
    record('supervised', `${enterpriseCode} by ${by}`);
    await getExternalWorkflowHandle(caseId).signal(superviseSignal, { by });
  });

  upsertSearchAttributes([
    { key: searchAttributes.CampaignId, value: input.campaignId },
    { key: searchAttributes.Province, value: input.province },
    { key: searchAttributes.CasePhase, value: state.phase },
  ]);
  for (const enterprise of input.enterprises) await openCase(enterprise);

  for (const [phase, next] of [
    ['selfInspection', 'rectification'],
    ['rectification', 'acceptance'],
    ['acceptance', 'closed'],
  ] as const) {
    await sleep(Math.max(0, Date.parse(input.phaseEnds[phase]) - new Date().getTime()));
    record('reportDue', `${phaseLabels[phase].zh}: ${reportsDue[phase].join('、')}`);
    state.phase = next;
    record('phaseChanged', `${phaseLabels[next].zh} ${phaseLabels[next].en}`);
    upsertSearchAttributes([{ key: searchAttributes.CasePhase, value: next }]);
    await Promise.all([...state.cases.values()].map((caseId) => getExternalWorkflowHandle(caseId).signal(phaseChangedSignal, { phase: next, endsAt: endOf(next) })));
  }
  return progress();
}
