/**
 * Custom search attributes coordinators filter cases by in the Temporal Web UI, by name and value
 * type (the type names are the Temporal SDK's). The dev server registers them at start (see
 * platform/temporalServer.ts); workflows upsert them through the SDK's typed keys, made from this
 * table at the edge (workflows/searchAttributes.ts).
 */
export const searchAttributeTypes = {
  CampaignId: 'KEYWORD',
  Province: 'KEYWORD',
  EnterpriseName: 'KEYWORD',
  EnterpriseTypes: 'KEYWORD_LIST',
  CasePhase: 'KEYWORD',
  CaseStatus: 'KEYWORD',
  OverdueTaskCount: 'INT',
  Supervised: 'BOOL',
  Violations: 'KEYWORD_LIST',
} as const;

export type SearchAttributeName = keyof typeof searchAttributeTypes;
type ValueType = (typeof searchAttributeTypes)[SearchAttributeName];

/** The names the Temporal CLI expects in `--search-attribute Name=Type`. */
const cliTypeNames: Record<ValueType, string> = {
  KEYWORD: 'Keyword',
  KEYWORD_LIST: 'KeywordList',
  INT: 'Int',
  BOOL: 'Bool',
};

export function searchAttributeCliArgs(): string[] {
  return Object.entries(searchAttributeTypes).flatMap(([name, type]) => ['--search-attribute', `${name}=${cliTypeNames[type]}`]);
}
