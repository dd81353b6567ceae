import {
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { attachmentEmail, longActivity, quickActivity } from './activityOptions';
import { caseWorkflowId } from '../domain/caseIds';
import { EnterpriseType, type CasePhase } from '../domain/enums';
import { UnifiedSocialCreditCode } from '../domain/campaign/creditCode';
import { z } from 'zod';
import { reportsDueAt, typicalCaseWarningDays } from '../domain/catalogue';
import { campaignDaysToMs, timeScaleOf } from '../domain/campaignClock';
import { formLabels, phaseLabels, reportPunctuation as p } from '../domain/labels';
import { refusal } from './refusals';
import { searchAttributes } from './searchAttributes';
import { phaseChangedSignal, superviseSignal } from './caseMessages';
import {
  addEnterpriseUpdate,
  progressQuery,
  superviseCaseSignal,
  type CampaignEnterprise,
  type CampaignEvent,
  type CampaignInput,
  type CampaignProgress,
  type CampaignState,
} from './campaignMessages';
import { enterpriseCaseWorkflow } from './enterpriseCase';
import { phaseEndWaitSummary, typicalCaseWaitSummary } from './summaries';

const HISTORY_LIMIT = 10_000;
const START_BATCH = 100;
const EnterpriseToAdd = z.object({ code: UnifiedSocialCreditCode, name: z.string().trim().min(1).max(200), types: z.array(EnterpriseType).min(1), by: z.string().min(1) });
const PHASE_ORDER: CasePhase[] = ['selfInspection', 'rectification', 'acceptance', 'closed'];


// A province's reports read every case of it, and the last province's close the whole campaign.
const { generatePhaseReports, closeProvinceCampaign } = proxyActivities<Activities>(longActivity('10 minutes'));
const { sendEmail } = proxyActivities<Activities>(attachmentEmail);
const { typicalCaseWarning } = proxyActivities<Activities>(quickActivity);

/**
 * One campaign in one province: a case per listed enterprise, moved from phase to phase at the
 * calendar's boundaries, with the reports due to MIIT at each boundary. Coordinators add
 * enterprises a tip reveals; MIIT puts serious cases under supervision (挂牌督办).
 */
export async function campaignWorkflow(input: CampaignInput): Promise<CampaignProgress> {
  const batch = input.batchSize ?? START_BATCH;
  const state = {
    phase: input.resume?.phase ?? ('selfInspection' as CasePhase),
    cases: new Map<string, string>(input.resume?.cases ?? []),
    supervised: new Set<string>(input.resume?.supervised ?? []),
    events: input.resume?.events ?? ([] as CampaignEvent[]),
  };
  // Every case adds a child start and three phase signals to this history: a large province
  // would outgrow Temporal's history limit, so the campaign hands its state to a fresh run.
  const tooLong = () => workflowInfo().historyLength >= (input.historyLimit ?? HISTORY_LIMIT) || workflowInfo().continueAsNewSuggested;
  const continueAsNewWith = async (fanOut?: CampaignState['fanOut']) => {
    await condition(allHandlersFinished);
    await continueAsNew<typeof campaignWorkflow>({
      ...input,
      resume: { phase: state.phase, cases: [...state.cases], supervised: [...state.supervised], events: state.events.slice(-200), fanOut },
    });
  };
  const continueIfLong = async () => {
    if (tooLong()) await continueAsNewWith();
  };
  /**
   * Tells every case from the `from`-th on that the campaign entered its current phase. Each signal
   * adds two events: a large province's fan-out alone would outgrow the history, so it continues as
   * new between batches and the next run tells the rest.
   */
  const tellCases = async ({ from, reportsSubmitted }: NonNullable<CampaignState['fanOut']>) => {
    const caseIds = [...state.cases.values()];
    for (let i = from; i < caseIds.length; i += batch) {
      await Promise.all(
        caseIds.slice(i, i + batch).map((caseId) =>
          getExternalWorkflowHandle(caseId)
            .signal(phaseChangedSignal, { phase: state.phase, endsAt: endOf(state.phase), reportsSubmitted })
            // A case an operator terminated is still listed and takes no signal: the others go on.
            .catch(() => undefined),
        ),
      );
      // Campaigns started before this check continued only once every case had heard.
      if (i + batch < caseIds.length && tooLong() && patched('fan-out-continues-as-new')) await continueAsNewWith({ from: i + batch, reportsSubmitted });
    }
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
      args: [{ campaignId: input.campaignId, province: input.province, enterprise, reviewWindow: input.reviewWindow, timing: input.timing, phaseEnds: input.phaseEnds, clock: input.clock }],
      // A case outlives the campaign when its rectification is unfinished.
      parentClosePolicy: ParentClosePolicy.ABANDON,
      staticSummary: `${enterprise.name}${p.open}${enterprise.code}${p.close}· ${input.province}`,
      staticDetails: `Types: ${enterprise.types.join(', ')} · campaign ${input.campaignId}`,
    });
    // A case added late catches up with the campaign's phase.
    if (state.phase !== 'selfInspection') await getExternalWorkflowHandle(caseId).signal(phaseChangedSignal, { phase: state.phase, endsAt: endOf(state.phase) });
    return { caseId, added: true };
  };
  const endOf = (phase: CasePhase) => (phase === 'closed' ? undefined : input.phaseEnds[phase]);

  setHandler(progressQuery, progress);
  setHandler(
    addEnterpriseUpdate,
    async ({ by, ...enterprise }) => {
      const result = await openCase(enterprise);
      if (result.added) record('enterpriseAdded', `${enterprise.name} (${enterprise.code}) by ${by}`);
      return result;
    },
    {
      // Refused before it enters the history: a malformed enterprise, or one added to a campaign that is over.
      validator: (request) => {
        const parsed = EnterpriseToAdd.safeParse(request);
        if (!parsed.success) throw refusal('InvalidEnterprise', `invalid enterprise: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
        if (state.phase === 'closed') throw refusal('CampaignClosed', `campaign ${input.campaignId} has ended in ${input.province}: no enterprise can be added`);
      },
    },
  );
  setHandler(superviseCaseSignal, async ({ enterpriseCode, by, inspectionId }) => {
    const caseId = state.cases.get(enterpriseCode);
    if (!caseId || state.supervised.has(enterpriseCode)) return;
    state.supervised.add(enterpriseCode);
    record('supervised', `${enterpriseCode} by ${by}${inspectionId === undefined ? '' : ` (${inspectionId})`}`);
    await getExternalWorkflowHandle(caseId).signal(superviseSignal, inspectionId === undefined ? { by } : { by, inspectionId });
  });

  upsertSearchAttributes([
    { key: searchAttributes.CampaignId, value: input.campaignId },
    { key: searchAttributes.Province, value: input.province },
    { key: searchAttributes.CasePhase, value: state.phase },
  ]);
  for (let i = 0; i < input.enterprises.length; i += batch) {
    await Promise.all(input.enterprises.slice(i, i + batch).map(openCase));
    await continueIfLong();
  }
  if (input.resume?.fanOut) await tellCases(input.resume.fanOut);

  /**
   * A month before the campaign ends, MIIT hears of a province that has designated no typical case
   * (一.(五)). The outbox key makes it once per province: a run that continued as new past the
   * moment asks again, and the outbox sends nothing twice.
   */
  const warnOfNoTypicalCase = async () => {
    const at = Date.parse(input.phaseEnds.acceptance) - campaignDaysToMs(typicalCaseWarningDays, timeScaleOf(input.clock));
    await sleep(Math.max(0, at - new Date().getTime()), { summary: typicalCaseWaitSummary(input.clock, at) });
    const warning = await typicalCaseWarning({ campaignId: input.campaignId, province: input.province });
    if (!warning) return;
    await sendEmail(warning);
    record('typicalCaseWarning', `${input.province} → MIIT`);
  };
  // Campaigns started before the warning existed replay without its timer.
  const typicalCaseWatch = state.phase !== 'closed' && patched('typical-case-warning') ? warnOfNoTypicalCase() : undefined;

  const boundaries = [
    ['selfInspection', 'rectification'],
    ['rectification', 'acceptance'],
    ['acceptance', 'closed'],
  ] as const;
  for (const [phase, next] of boundaries.filter(([phase]) => PHASE_ORDER.indexOf(phase) >= PHASE_ORDER.indexOf(state.phase))) {
    await sleep(Math.max(0, Date.parse(input.phaseEnds[phase]) - new Date().getTime()), { summary: phaseEndWaitSummary(input.clock, phase, input.phaseEnds[phase]) });
    record('reportDue', `${phaseLabels[phase].zh}: ${reportsDueAt[phase].map((kind) => formLabels[kind].zh).join(p.enumeration)}`);
    let submitted: string[] | undefined;
    // Campaigns started before reports were generated replay their boundaries without them.
    if (patched('phase-reports')) {
      const submission = await generatePhaseReports({ campaignId: input.campaignId, province: input.province, boundary: phase, supervised: [...state.supervised], phaseEnds: input.phaseEnds });
      await sendEmail(submission.email);
      submitted = submission.reports.map((r) => r.title);
      record('reportsSubmitted', `${submitted.join(p.enumeration)} → MIIT (${reportsDueAt[phase].join(', ')})`);
    }
    state.phase = next;
    record('phaseChanged', `${phaseLabels[next].zh} ${phaseLabels[next].en}`);
    upsertSearchAttributes([{ key: searchAttributes.CasePhase, value: next }]);
    await tellCases({ from: 0, reportsSubmitted: submitted });
    await continueIfLong();
  }
  await typicalCaseWatch;
  // The last province to close sends MIIT the national roll-up; campaigns started before replay without it.
  if (patched('national-rollup')) {
    const rollup = await closeProvinceCampaign({ campaignId: input.campaignId, province: input.province, supervised: [...state.supervised] });
    if (rollup) {
      await sendEmail(rollup);
      record('nationalRollupSent', `${formLabels.summary.zh} → MIIT`);
    }
  }
  // An update or signal still at work (a case being added, a supervision passed on) finishes first.
  if (patched('campaign-waits-for-handlers')) await condition(allHandlersFinished);
  return progress();
}
