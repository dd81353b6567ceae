import type { CasePhase } from '../domain/enums';
import { ViolationCode, violations } from '../domain/catalogue';
import { phaseLabels, reportPunctuation, webUiQuestionLabels as questions, type Label } from '../domain/labels';
import type { SearchAttributeName } from '../domain/searchAttributes';

/**
 * Ready-made Temporal Web UI links for the questions coordinators ask most, as visibility queries
 * on the campaign's search attributes (domain/searchAttributes.ts). The README lists them for the
 * demo, and `npm start` prints them beside the Web UI's address.
 */

/** A Keyword value in a visibility query, quoted. */
export function quoteKeyword(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A search attribute's name, checked against the domain's table. */
const sa = (name: SearchAttributeName) => name;
const casesOf = (campaignId: string) => `WorkflowType = 'enterpriseCaseWorkflow' AND ${sa('CampaignId')} = ${quoteKeyword(campaignId)}`;

/** The visibility queries behind the links. */
export const caseQueries = {
  overdueInProvince: (campaignId: string, province: string) => `${casesOf(campaignId)} AND ${sa('Province')} = ${quoteKeyword(province)} AND ${sa('CaseStatus')} = 'overdue'`,
  supervised: (campaignId: string) => `${casesOf(campaignId)} AND ${sa('Supervised')} = true`,
  withViolation: (campaignId: string, violation: string) => `${casesOf(campaignId)} AND ${sa('Violations')} = ${quoteKeyword(violation)}`,
  inPhase: (campaignId: string, phase: CasePhase) => `${casesOf(campaignId)} AND ${sa('CasePhase')} = ${quoteKeyword(phase)}`,
};

/** The Web UI's workflow list filtered by a visibility query. */
export function workflowListUrl(uiUrl: string, namespace: string, query: string): string {
  return `${uiUrl.replace(/\/$/, '')}/namespaces/${encodeURIComponent(namespace)}/workflows?query=${encodeURIComponent(query)}`;
}

/** One workflow in the Web UI: a case's timeline, event history and current details. */
export function workflowUrl(uiUrl: string, namespace: string, workflowId: string): string {
  return `${uiUrl.replace(/\/$/, '')}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}

export interface WebUiLink {
  label: Label;
  url: string;
}

const PHASES: CasePhase[] = ['selfInspection', 'rectification', 'acceptance', 'closed'];

/** The links for one campaign: a province's overdue cases, supervised cases, cases with a violation, the cases of each phase. */
export function coordinatorLinks(options: { uiUrl: string; namespace: string; campaignId: string; province: string; violation: string }): WebUiLink[] {
  const { uiUrl, namespace, campaignId, province, violation } = options;
  const link = (label: Label, query: string): WebUiLink => ({ label, url: workflowListUrl(uiUrl, namespace, query) });
  const code = ViolationCode.safeParse(violation);
  const violationLabel: Label | undefined = code.success ? violations[code.data].label : undefined;
  const of = (label: Label, zh: string, en: string): Label => ({ zh, en: `${label.en}: ${en}` });
  return [
    link(of(questions.overdueInProvince, `${province}${questions.overdueInProvince.zh}`, province), caseQueries.overdueInProvince(campaignId, province)),
    link(questions.supervised, caseQueries.supervised(campaignId)),
    link(of(questions.withViolation, `${questions.withViolation.zh}${reportPunctuation.colon}${violationLabel?.zh ?? violation}`, violationLabel?.en ?? violation), caseQueries.withViolation(campaignId, violation)),
    ...PHASES.map((phase) => link(of(questions.inPhase, `${phaseLabels[phase].zh}${questions.inPhase.zh}`, phaseLabels[phase].en), caseQueries.inPhase(campaignId, phase))),
  ];
}
