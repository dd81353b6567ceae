import type { Enterprise, EnterpriseDossier, IsoDate, ReviewWindow } from '../domain/campaign';
import type { DispositionAmount, DispositionCode, ViolationCode } from '../domain/catalogue';
import type { TaskKind, TransferResult } from '../domain/case';
import type { AgencyKind } from '../domain/enums';
import type { FindingCode } from '../domain/rules';
import type { TypicalReasonFact } from './typical';

/**
 * What the reports are built from: plain JSON-safe data, so the same input can come from
 * PostgreSQL (store/reportData.ts), a test or the benchmark's generator. Money is integer fen and
 * quantities integer kg REO throughout; dates are ISO strings.
 */

export interface ReportCampaign {
  id: string;
  name: string;
  reviewWindow: ReviewWindow;
}

/** A "是否符合…" condition as the rules see it: not applicable ones are met by definition. */
export interface RuleCondition {
  applicable: boolean;
  met: boolean;
}

/** The rules' annex 3 answers for one enterprise without their evidence; true means a problem was found. */
export interface RuleAnswers {
  enterpriseCode: string;
  illegalOrOverQuotaMining: boolean;
  boughtIllegalOre: boolean;
  conditions: { mining: RuleCondition; environmental: RuleCondition; safety: RuleCondition };
  productionWithoutOrAbovePlan: boolean;
  soldOreToUnplanned: boolean;
  findings: FindingCode[];
}

export type FindingAmounts = Partial<Record<'illegalGainsFen' | 'unpaidTaxFen' | 'tonnesKg', number>>;

/** A violation an agency recorded when it completed a verification task (CaseFinding). */
export interface AgencyFinding {
  id: string;
  enterpriseCode: string;
  violation: ViolationCode;
  agencyKind: AgencyKind;
  amounts: FindingAmounts;
  note?: string;
}

export type DispositionStatus = 'planned' | 'done' | 'accepted' | 'unfinished';

/** One measure of a handling plan and what became of it (CaseDisposition). */
export interface DispositionRecord {
  id: string;
  enterpriseCode: string;
  disposition: DispositionCode;
  agencyKind: AgencyKind;
  dueDate: IsoDate;
  status: DispositionStatus;
  documentNo?: string;
  amounts: Partial<Record<DispositionAmount, number>>;
  rectificationDeadline?: IsoDate;
  /** A transfer to public security: where it stands (Order 310). */
  transfer?: TransferResult;
  unfinishedReason?: string;
  newCompletionDate?: IsoDate;
}

/** A case task (CaseTask) with what its completion said that the reports count. */
export interface TaskRecord {
  key: string;
  enterpriseCode: string;
  kind: TaskKind;
  agencyKind: AgencyKind;
  /** ISO date-time. */
  dueAt: string;
  status: 'open' | 'completed' | 'cancelled';
  /** A verification that found a suspected crime (涉嫌犯罪). */
  suspectedCrime?: boolean;
  /** An acceptance that referred dereliction or collusion to discipline inspection. */
  referredToDisciplineInspection?: boolean;
  /** A measure an export trace ordered (一.(四)): what the trace found at this link. */
  tracedViolation?: ViolationCode;
}

export type ReportEnterprise = Pick<Enterprise, 'code' | 'name' | 'types'>;

/** A cross-province referral (一.(三)) of the campaign that the province reported or was routed. */
export interface ReferralRecord {
  id: string;
  fromProvince: string;
  /** Where MIIT routed it; absent while it waits for MIIT or after MIIT closed it. */
  toProvince?: string;
  state: 'reported' | 'routed' | 'accepted' | 'closed';
}

/** A tip-off (举报线索) of the province and what its triage did; no action while it waits for triage. */
export interface TipRecord {
  id: string;
  action?: 'linkToCase' | 'addToCampaign' | 'refer' | 'close';
}

/** Everything the province-level reports (annex 3, handling plans, annex 4, summary) read. */
export interface ProvinceReportData {
  campaign: ReportCampaign;
  province: string;
  /** The campaign's list for the province (annex 1). */
  enterprises: ReportEnterprise[];
  rules: RuleAnswers[];
  findings: AgencyFinding[];
  dispositions: DispositionRecord[];
  tasks: TaskRecord[];
  /** Credit codes under supervision (挂牌督办): the campaign workflow holds this set, not the database. */
  supervised: string[];
  referrals: ReferralRecord[];
  tips: TipRecord[];
  /** The typical cases (典型案件) the province's coordinator designated, with the reasons proposed. */
  typical: DesignatedTypical[];
}

export interface DesignatedTypical {
  enterpriseCode: string;
  reasons: TypicalReasonFact[];
}

export interface NationalReportData {
  campaign: ReportCampaign;
  provinces: ProvinceReportData[];
}

/** Annex 2 reads an enterprise's basic block, papers and monthly ledger. */
export type Annex2Dossier = Pick<EnterpriseDossier, 'enterprise' | 'miningLicences' | 'eiaApprovals' | 'safetyFilings' | 'ledger'>;

export interface Annex2Data {
  campaign: ReportCampaign;
  province: string;
  dossiers: Annex2Dossier[];
}
