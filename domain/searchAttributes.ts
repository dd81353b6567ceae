import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes coordinators filter cases by in the Temporal Web UI. The dev server
 * registers them at start (see platform/temporalServer.ts); workflows upsert them.
 */
export const searchAttributes = {
  CampaignId: defineSearchAttributeKey('CampaignId', SearchAttributeType.KEYWORD),
  Province: defineSearchAttributeKey('Province', SearchAttributeType.KEYWORD),
  EnterpriseName: defineSearchAttributeKey('EnterpriseName', SearchAttributeType.KEYWORD),
  EnterpriseTypes: defineSearchAttributeKey('EnterpriseTypes', SearchAttributeType.KEYWORD_LIST),
  CasePhase: defineSearchAttributeKey('CasePhase', SearchAttributeType.KEYWORD),
  CaseStatus: defineSearchAttributeKey('CaseStatus', SearchAttributeType.KEYWORD),
  OverdueTaskCount: defineSearchAttributeKey('OverdueTaskCount', SearchAttributeType.INT),
  Supervised: defineSearchAttributeKey('Supervised', SearchAttributeType.BOOL),
  Violations: defineSearchAttributeKey('Violations', SearchAttributeType.KEYWORD_LIST),
} as const;

/** The names the Temporal CLI expects in `--search-attribute Name=Type`. */
const cliTypeNames: Record<SearchAttributeType, string> = {
  [SearchAttributeType.TEXT]: 'Text',
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.INT]: 'Int',
  [SearchAttributeType.DOUBLE]: 'Double',
  [SearchAttributeType.BOOL]: 'Bool',
  [SearchAttributeType.DATETIME]: 'Datetime',
  [SearchAttributeType.KEYWORD_LIST]: 'KeywordList',
};

export function searchAttributeCliArgs(): string[] {
  return Object.values(searchAttributes).flatMap((key) => ['--search-attribute', `${key.name}=${cliTypeNames[key.type]}`]);
}
