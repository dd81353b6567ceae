import { getExternalWorkflowHandle, ParentClosePolicy, patched, proxyActivities, startChild } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Activities } from '../activities';
import { longActivity, quickActivity } from './activityOptions';
import type { TraceExportInput, TraceOutcome } from '../activities/exportTrace';
import { traceSummary, type TraceNotice } from '../domain/case/traceTasks';
import { caseWorkflowId } from '../domain/caseIds';
import { bilingual, referralLabels } from '../domain/labels';
import { referralWorkflowId, traceReferralId } from '../domain/referral';
import { traceNoticeSignal } from './caseMessages';
import { referredTraceSignal } from './coordinationMessages';
import { referralWorkflow } from './referral';

// The first trace after an import may wait for the worker to build the whole archive's dataset.
const { traceExport } = proxyActivities<Activities>(longActivity('5 minutes'));
const { referralStanding } = proxyActivities<Activities>(quickActivity);

export interface ExportTraceResult {
  traceCaseId: string;
  /** Cases told of the trace, the exporter first. */
  notified: string[];
  /** Links with no case in this campaign: the cross-province referral has to bring them in. */
  withoutCase: string[];
  /** Links in other provinces, by their referral's id: they hear of the trace once their province accepts it. */
  referred?: string[];
}

/**
 * Section 一.(四) for one exporter: the trace to the mine, computed and stored by an activity, then
 * each case on the chain told of it with its own measures. Started by the exporter's case after its
 * rule checks, under the id `trace/<case id>`; a run after new imports tells the cases again, and
 * they open only measures they have not opened (the measures' task keys are deterministic).
 *
 * A link in another province is that province's to act on: it goes to MIIT as a cross-province
 * referral (一.(三)), one per link however often the trace runs, and the case it is accepted into
 * is told of the trace then. Traces started before (without the exporter case's timing) tell every
 * case directly.
 */
export async function exportTraceWorkflow(input: TraceExportInput): Promise<ExportTraceResult> {
  const outcome = await traceExport(input);
  const result: ExportTraceResult = { traceCaseId: input.caseId, notified: [], withoutCase: [] };
  if (!outcome) return result;
  const refers = input.timing !== undefined && patched('trace-refers-other-provinces');
  if (refers) result.referred = [];
  for (const link of outcome.links) {
    const caseId = caseWorkflowId(input.campaignId, link.province, link.code);
    const notice: TraceNotice = {
      traceCaseId: input.caseId,
      exporterCode: input.exporterCode,
      exportedKg: outcome.exportedKg,
      links: outcome.links.length,
      untracedKg: outcome.untracedKg,
      illegalKg: outcome.illegalKg,
      measures: outcome.measures.filter((m) => m.enterpriseCode === link.code),
    };
    if (refers && link.province !== input.province) {
      result.referred!.push(await referLink(input, link, notice));
      continue;
    }
    try {
      await getExternalWorkflowHandle(caseId).signal(traceNoticeSignal, notice);
      result.notified.push(caseId);
    } catch {
      // The server fails a signal to another workflow only when it finds none: the link is outside
      // the campaign (not on file in its province's campaign), with no case to tell.
      result.withoutCase.push(caseId);
    }
  }
  return result;
}

/** The link's referral: reported the first time, told the trace anew while under way, its case told once accepted. */
async function referLink(input: TraceExportInput, link: TraceOutcome['links'][number], notice: TraceNotice): Promise<string> {
  const id = traceReferralId(input.campaignId, input.exporterCode, link.code);
  const standing = await referralStanding(id);
  if (standing?.state === 'closed') return id;
  if (standing?.state === 'accepted' && standing.caseId) {
    // A case that has ended since takes no signal, as for a link of the exporter's own province.
    await getExternalWorkflowHandle(standing.caseId)
      .signal(traceNoticeSignal, notice)
      .catch(() => undefined);
    return id;
  }
  if (!standing) {
    const report = {
      id,
      campaignId: input.campaignId,
      fromProvince: input.province,
      toProvince: link.province,
      counterpart: { name: link.name, code: link.code },
      facts: `${bilingual(referralLabels.traceFacts)}: ${traceSummary(notice)}`,
      evidence: { traceCaseId: input.caseId, traceNotice: notice },
      source: 'trace' as const,
      reportedBy: 'trace',
    };
    try {
      await startChild(referralWorkflow, {
        workflowId: referralWorkflowId(id),
        args: [{ report, timing: input.timing!, clock: input.clock }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        staticSummary: `${bilingual(referralLabels.traceFacts)}: ${link.name}`,
      });
      return id;
    } catch (error) {
      // A run beside this one reported it first: tell it, as below.
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
  // A referral that ended since its standing was read (closed, or accepted and told) takes no signal;
  // an accepted one hears of what changed at the next run.
  await getExternalWorkflowHandle(referralWorkflowId(id))
    .signal(referredTraceSignal, notice)
    .catch(() => undefined);
  return id;
}
