import { z } from 'zod';

/** A campaign's id, as its workflows' ids carry it. */
export const CampaignId = z.string().regex(/^[a-z0-9][a-z0-9-]{2,40}$/, 'lower-case letters, digits and -, 3 to 41 characters').meta({ example: 'rare-earth-2014' });

/** Workflow ids coordinators can read and type in the Temporal Web UI. */
export function caseWorkflowId(campaignId: string, province: string, enterpriseCode: string): string {
  return `case/${campaignId}/${province}/${enterpriseCode}`;
}

export function campaignWorkflowId(campaignId: string, province: string): string {
  return `campaign/${campaignId}/${province}`;
}
