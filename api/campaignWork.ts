import type { PrismaClient } from '@prisma/client';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { campaignWorkflowId, caseWorkflowId } from '../domain/caseIds';
import { campaignDaysToMs, type CampaignTimeBase, type TimeScale } from '../domain/campaignClock';
import { campaignClocks } from '../store/campaignClocks';
import type { Enterprise } from '../domain/campaign';
import { enterpriseSummary, registerEnterprise } from '../store/enterprises';
import { addEnterpriseUpdate, progressQuery, superviseCaseSignal } from '../workflows/campaignMessages';
import type { CaseTiming } from '../workflows/caseMessages';
import type { CaseSettings } from './campaigns';
import { HttpError } from './errors';
import { httpErrorOfUpdate } from './temporalErrors';

/**
 * What referrals and tips ask of a province's running campaign: its timing (a coordinators' step is
 * due like a case's task), one of its cases, or an enterprise added to it.
 */

export function caseTiming(settings: CaseSettings, scale: TimeScale): CaseTiming {
  return {
    taskDueMs: campaignDaysToMs(settings.taskDueDays, scale),
    reminderBeforeMs: campaignDaysToMs(settings.reminderBeforeDays, scale),
    graceAfterDueMs: campaignDaysToMs(settings.graceDays, scale),
  };
}

/** The campaign's own clock when it is on file; the API's otherwise. */
export async function campaignTiming(prisma: PrismaClient, settings: CaseSettings, campaignId: string): Promise<{ timing: CaseTiming; clock?: CampaignTimeBase }> {
  const clock = (await campaignClocks(prisma, [campaignId])).get(campaignId);
  if (!clock) throw new HttpError(404, `no such campaign: ${campaignId}`);
  const scale: TimeScale = clock.daysPerSecond ? { kind: 'scaled', daysPerSecond: clock.daysPerSecond } : { kind: 'realtime' };
  return { timing: caseTiming(settings, scale), clock };
}

async function progressOf(temporal: Client, campaignId: string, province: string) {
  return temporal.workflow
    .getHandle(campaignWorkflowId(campaignId, province))
    .query(progressQuery)
    .catch((error: unknown) => {
      throw error instanceof WorkflowNotFoundError ? new HttpError(404, `the campaign ${campaignId} has not started in ${province}`) : error;
    });
}

/** The campaign workflow holds the supervised cases; a campaign whose workflow cannot answer has none to add. */
export async function supervisedOf(temporal: Client, campaignId: string, province: string): Promise<string[]> {
  try {
    return (await temporal.workflow.getHandle(campaignWorkflowId(campaignId, province)).query(progressQuery)).supervised;
  } catch {
    return [];
  }
}

/**
 * 挂牌督办 through the province's campaign, which passes it on to the case (the same signal as MIIT's
 * own supervision); `inspectionId` names the joint inspection that asked for it.
 */
export async function supervisedCase(temporal: Client, s: { campaignId: string; province: string; code: string; by: string; inspectionId?: string }): Promise<string> {
  const caseId = await existingCase(temporal, s.campaignId, s.province, s.code);
  await temporal.workflow
    .getHandle(campaignWorkflowId(s.campaignId, s.province))
    .signal(superviseCaseSignal, { enterpriseCode: s.code, by: s.by, ...(s.inspectionId === undefined ? {} : { inspectionId: s.inspectionId }) })
    .catch((error: unknown) => {
      throw error instanceof WorkflowNotFoundError ? new HttpError(409, `the campaign ${s.campaignId} in ${s.province} has closed`) : error;
    });
  return caseId;
}

/** The enterprise's case in the campaign: 404 when it has none there (add it to the campaign instead). */
export async function existingCase(temporal: Client, campaignId: string, province: string, code: string): Promise<string> {
  const caseId = caseWorkflowId(campaignId, province, code);
  const progress = await progressOf(temporal, campaignId, province);
  if (!progress.cases.includes(caseId)) throw new HttpError(404, `${code} has no case in ${campaignId} in ${province}: add it to the campaign instead`);
  if (progress.phase === 'closed') throw new HttpError(409, `the campaign ${campaignId} in ${province} has closed`);
  return caseId;
}

/**
 * The campaign's `addEnterprise` update for an enterprise of the province; its case either way. One
 * not on file is registered first from `register` (annex 2's basic block), when the request gives it.
 */
export async function addedToCampaign(
  deps: { prisma: PrismaClient; temporal: Client },
  change: { campaignId: string; province: string; code: string; by: string; updateId: string; register?: Enterprise },
): Promise<{ caseId: string; added: boolean }> {
  const { register } = change;
  if (register && register.code !== change.code) throw new HttpError(422, `the enterprise to register is ${register.code}, not ${change.code} as the request names it`);
  const progress = await progressOf(deps.temporal, change.campaignId, change.province);
  if (progress.phase === 'closed') throw new HttpError(409, `the campaign ${change.campaignId} in ${change.province} has closed`);
  let onFile = await enterpriseSummary(deps.prisma, change.code);
  if (!onFile) {
    if (!register) throw new HttpError(404, `${change.code} is not on file: give its basic block to register it, or import it first`);
    if (register.province !== change.province) throw new HttpError(422, `the enterprise to register is in ${register.province}: only ${change.province}'s campaign takes it here`);
    await registerEnterprise(deps.prisma, register, { source: change.updateId, actor: change.by });
    // Read back: a request beside this one may have registered it first.
    onFile = (await enterpriseSummary(deps.prisma, change.code))!;
  }
  if (onFile.provinceName !== change.province) throw new HttpError(409, `${change.code} is on file in ${onFile.provinceName}, not ${change.province}`);
  const listed = { code: onFile.code, name: onFile.name, types: onFile.types };
  return deps.temporal.workflow
    .getHandle(campaignWorkflowId(change.campaignId, change.province))
    .executeUpdate(addEnterpriseUpdate, { args: [{ ...listed, by: change.by }], updateId: change.updateId })
    .catch((error: unknown) => {
      throw httpErrorOfUpdate(error);
    });
}
