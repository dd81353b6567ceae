/** Workflow ids coordinators can read and type in the Temporal Web UI. */
export function caseWorkflowId(campaignId: string, province: string, enterpriseCode: string): string {
  return `case/${campaignId}/${province}/${enterpriseCode}`;
}

export function campaignWorkflowId(campaignId: string, province: string): string {
  return `campaign/${campaignId}/${province}`;
}
