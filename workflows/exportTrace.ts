import { getExternalWorkflowHandle, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { TraceExportInput } from '../activities/exportTrace';
import type { TraceNotice } from '../domain/case/traceTasks';
import { caseWorkflowId } from '../domain/caseIds';
import { traceNoticeSignal } from './caseMessages';

// The first trace after an import may wait for the worker to build the whole archive's dataset.
const { traceExport } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

export interface ExportTraceResult {
  traceCaseId: string;
  /** Cases told of the trace, the exporter's first. */
  notified: string[];
  /** Links with no case in this campaign: the cross-province referral has to bring them in. */
  withoutCase: string[];
}

/**
 * Section 一.(四) for one exporter: the trace to the mine, computed and stored by an activity, then
 * each case on the chain told of it with its own measures. Started by the exporter's case after its
 * rule checks, under the id `trace/<case id>`; a run after new imports tells the cases again, and
 * they open only measures they have not opened (the measures' task keys are deterministic).
 */
export async function exportTraceWorkflow(input: TraceExportInput): Promise<ExportTraceResult> {
  const outcome = await traceExport(input);
  const result: ExportTraceResult = { traceCaseId: input.caseId, notified: [], withoutCase: [] };
  if (!outcome) return result;
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
