import type { EnterpriseDossier } from '../../domain/campaign';
import { calendar2014, phaseEnds } from '../../domain/campaignClock';
import { campaignWorkflowId } from '../../domain/caseIds';
import type { campaignWorkflow } from '../../workflows';
import type { CampaignInput } from '../../workflows/campaignMessages';
import type { Harness } from './harness';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * A campaign workflow on the 2014 calendar started directly, as POST /campaigns would start it:
 * first its record (the phase reports read it), then the workflow, at 40 campaign days a second
 * and with tasks due long after the campaign, so nobody completes them and no email is due.
 */
export async function startCampaign(h: Harness, campaignId: string, province: string, enterprises: readonly EnterpriseDossier[], extra: Partial<CampaignInput> = {}) {
  await h.prisma.campaign.create({
    data: {
      id: campaignId,
      name: campaignId,
      selfInspectionStart: day(calendar2014.selfInspection.from),
      rectificationStart: day(calendar2014.rectification.from),
      acceptanceStart: day(calendar2014.acceptance.from),
      endsOn: day(calendar2014.acceptance.to),
      reviewWindowStart: day(calendar2014.reviewWindow.from),
      reviewWindowEnd: day(calendar2014.reviewWindow.to),
      updatedBy: 'test',
    },
  });
  return h.client.workflow.start<typeof campaignWorkflow>('campaignWorkflow', {
    workflowId: campaignWorkflowId(campaignId, province),
    taskQueue: h.taskQueue,
    args: [
      {
        campaignId,
        province,
        phaseEnds: phaseEnds(calendar2014, Date.now(), { kind: 'scaled', daysPerSecond: 40 }),
        reviewWindow: calendar2014.reviewWindow,
        timing: { taskDueMs: 3_600_000, reminderBeforeMs: 0, graceAfterDueMs: 3_600_000 },
        enterprises: enterprises.map(({ enterprise: { code, name, types } }) => ({ code, name, types })),
        ...extra,
      },
    ],
  });
}
