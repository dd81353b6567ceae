import type { Prisma, PrismaClient } from '@prisma/client';
import { z } from 'zod';
import { type CampaignDataset, assembleDossiers, buildDataset } from '../domain/campaign';
import { ViolationCode, DispositionCode } from '../domain/catalogue';
import { DispositionCompletion, TransferResult, isTransferStep, type TaskKind } from '../domain/case';
import { campaignDay } from '../domain/campaignClock';
import { checkEnterprise } from '../domain/rules';
import type {
  AgencyFinding,
  Annex2Data,
  DesignatedTypical,
  DispositionRecord,
  NationalReportData,
  ProvinceReportData,
  ReferralRecord,
  ReportCampaign,
  ReportEnterprise,
  TaskRecord,
  TipRecord,
} from '../reports';
import { ruleAnswersOf } from '../reports';
import { isoOf } from './decimal';
import { loadCampaignRecords } from './loadCampaignRecords';
import { designatedTypical } from './typicalCases';

/**
 * Gathers what the reports read, for one province or for every province of a campaign: the
 * enterprises, the rules' annex 3 answers, and the cases' findings, measures and tasks. JSON
 * columns written by the case workflows are parsed here, so a malformed row fails the report
 * loudly instead of being read as "nothing found".
 */

const Fen = z.number().int().min(0);
const FindingAmounts = z.object({ illegalGainsFen: Fen.optional(), unpaidTaxFen: Fen.optional(), tonnesKg: Fen.optional() });
// What a disposition's completion recorded: the schema the API and the workflow accepted it with.
// A transfer to public security's row keeps, beside its letter's number, where the transfer stands.
const DispositionResult = DispositionCompletion.partial({ documentNo: true }).extend({ transfer: TransferResult.optional() });
const DispositionStatus = z.enum(['planned', 'done', 'accepted', 'unfinished']);
const TaskKindCode = z.enum(['verification', 'handlingPlan', 'disposition', 'acceptance'] satisfies TaskKind[]);
const VerificationFlags = z.object({ suspectedCrime: z.boolean().optional() });
const AcceptanceFlags = z.object({ derelictionOrCollusion: z.unknown().optional() });
const TracedMeasure = z.object({ trace: z.object({ violation: ViolationCode }).optional() }).nullable();

function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`cannot report on ${what}: ${result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return result.data;
}

/** Drops absent fields: the reports' JSON has no nulls, so equal data prints equal. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

async function loadCampaign(prisma: PrismaClient, campaignId: string): Promise<ReportCampaign> {
  const row = await prisma.campaign.findUnique({ where: { id: campaignId } });
  if (!row) throw new Error(`no campaign ${campaignId}`);
  return { id: row.id, name: row.name, reviewWindow: { from: isoOf(row.reviewWindowStart), to: isoOf(row.reviewWindowEnd) } };
}

interface CaseRecords {
  findings: AgencyFinding[];
  dispositions: DispositionRecord[];
  tasks: TaskRecord[];
}

/** Findings, measures and tasks of the campaign, by province. */
async function loadCaseRecords(prisma: PrismaClient, where: { campaignId: string; provinceName?: string }): Promise<Map<string, CaseRecords>> {
  const [findings, dispositions, tasks, dispositionTasks] = await Promise.all([
    prisma.caseFinding.findMany({ where, orderBy: { id: 'asc' } }),
    prisma.caseDisposition.findMany({ where, orderBy: { id: 'asc' } }),
    prisma.caseTask.findMany({
      where,
      select: { key: true, provinceName: true, enterpriseCode: true, kind: true, agencyKind: true, dueAt: true, status: true, completion: true },
      orderBy: { key: 'asc' },
    }),
    // Only a disposition's evidence is read (whether a trace ordered it): a verification's carries the rules' findings, far larger.
    prisma.caseTask.findMany({ where: { ...where, kind: 'disposition' }, select: { key: true, evidence: true } }),
  ]);
  const tracedViolations = new Map(dispositionTasks.flatMap((t) => {
    const violation = parsed(TracedMeasure, t.evidence, `task ${t.key}`)?.trace?.violation;
    return violation === undefined ? [] : [[t.key, violation] as const];
  }));
  const byProvince = new Map<string, CaseRecords>();
  const of = (province: string) => {
    let records = byProvince.get(province);
    if (!records) byProvince.set(province, (records = { findings: [], dispositions: [], tasks: [] }));
    return records;
  };
  for (const f of findings) {
    of(f.provinceName).findings.push(
      defined({
        id: f.id,
        enterpriseCode: f.enterpriseCode,
        violation: parsed(ViolationCode, f.violation, `finding ${f.id}`),
        agencyKind: f.agencyKind,
        amounts: parsed(FindingAmounts, f.amounts, `finding ${f.id}`),
        note: f.note ?? undefined,
      }),
    );
  }
  for (const d of dispositions) {
    const result = d.result === null ? undefined : parsed(DispositionResult, d.result, `disposition ${d.id}`);
    of(d.provinceName).dispositions.push(
      defined({
        id: d.id,
        enterpriseCode: d.enterpriseCode,
        disposition: parsed(DispositionCode, d.disposition, `disposition ${d.id}`),
        agencyKind: d.agencyKind,
        dueDate: isoOf(d.dueDate),
        status: parsed(DispositionStatus, d.status, `disposition ${d.id}`),
        documentNo: result?.documentNo,
        amounts: defined(result?.amounts ?? {}),
        rectificationDeadline: result?.rectificationDeadline,
        transfer: result?.transfer,
        unfinishedReason: d.unfinishedReason ?? undefined,
        newCompletionDate: d.newCompletionDate ? isoOf(d.newCompletionDate) : undefined,
      }),
    );
  }
  for (const t of tasks) {
    // A transfer's steps reach the reports through its measure's row (transfer in the disposition), not as case tasks.
    if (isTransferStep(t.kind)) continue;
    const kind = parsed(TaskKindCode, t.kind, `task ${t.key}`);
    const completion = t.completion as Prisma.JsonValue;
    of(t.provinceName).tasks.push(
      defined({
        key: t.key,
        enterpriseCode: t.enterpriseCode,
        kind,
        agencyKind: t.agencyKind,
        dueAt: t.dueAt.toISOString(),
        status: t.status,
        suspectedCrime: kind === 'verification' && completion !== null ? parsed(VerificationFlags, completion, `task ${t.key}`).suspectedCrime || undefined : undefined,
        referredToDisciplineInspection:
          kind === 'acceptance' && completion !== null ? parsed(AcceptanceFlags, completion, `task ${t.key}`).derelictionOrCollusion !== undefined || undefined : undefined,
        tracedViolation: tracedViolations.get(t.key),
      }),
    );
  }
  return byProvince;
}

interface CoordinationRecords {
  referrals: ReferralRecord[];
  tips: TipRecord[];
}

const TipAction = z.object({ action: z.enum(['linkToCase', 'addToCampaign', 'refer', 'close']), campaignId: z.string().optional() });
const ReferralStateCode = z.enum(['reported', 'routed', 'accepted', 'closed']);

/**
 * The campaign's referrals and tips, by province. A referral counts for the province that reported
 * it and for the one MIIT routed it to (until routing its toProvince is the reporter's guess, so
 * it is left out). A tip is not filed under a campaign: it counts where its triage put it (linked,
 * added or referred in this campaign), and while it waits for triage or was closed, in the
 * campaign whose calendar its receipt date falls in. A tip with no province is MIIT's own and in
 * no province's figures.
 */
async function loadCoordinationRecords(prisma: PrismaClient, campaignId: string, province?: string): Promise<Map<string, CoordinationRecords>> {
  const [calendar, referrals, tips] = await Promise.all([
    prisma.campaign.findUnique({ where: { id: campaignId }, select: { selfInspectionStart: true, endsOn: true } }),
    prisma.referral.findMany({
      where: { campaignId, ...(province === undefined ? {} : { OR: [{ fromProvince: province }, { toProvince: province }] }) },
      select: { id: true, fromProvince: true, toProvince: true, state: true },
      orderBy: { id: 'asc' },
    }),
    prisma.tip.findMany({ where: province === undefined ? { province: { not: null } } : { province }, select: { id: true, province: true, receivedAt: true, outcome: true }, orderBy: { id: 'asc' } }),
  ]);
  const byProvince = new Map<string, CoordinationRecords>();
  const of = (name: string) => {
    let records = byProvince.get(name);
    if (!records) byProvince.set(name, (records = { referrals: [], tips: [] }));
    return records;
  };
  for (const r of referrals) {
    const state = parsed(ReferralStateCode, r.state, `referral ${r.id}`);
    const routedTo = state === 'routed' || state === 'accepted' ? (r.toProvince ?? undefined) : undefined;
    const record = defined({ id: r.id, fromProvince: r.fromProvince, toProvince: routedTo, state });
    of(r.fromProvince).referrals.push(record);
    if (routedTo !== undefined && routedTo !== r.fromProvince) of(routedTo).referrals.push(record);
  }
  const from = calendar ? isoOf(calendar.selfInspectionStart) : undefined;
  const to = calendar ? isoOf(calendar.endsOn) : undefined;
  for (const t of tips) {
    const outcome = t.outcome === null ? undefined : parsed(TipAction, t.outcome, `tip ${t.id}`);
    const received = campaignDay(undefined, t.receivedAt);
    const ours = outcome?.campaignId !== undefined ? outcome.campaignId === campaignId : from !== undefined && to !== undefined && from <= received && received <= to;
    if (ours) of(t.province!).tips.push(defined({ id: t.id, action: outcome?.action }));
  }
  return byProvince;
}

/**
 * The rules follow suppliers and customers across the whole archive, so the answers for one
 * province need every province's records. A worker that keeps the dataset (activities/ruleChecks)
 * can pass it in and spare the reload.
 */
async function datasetOf(prisma: PrismaClient, given: CampaignDataset | undefined): Promise<CampaignDataset> {
  return given ?? buildDataset(assembleDossiers(await loadCampaignRecords(prisma)));
}

/**
 * The campaign's enterprises in a province: those with a case in it, known by the tasks every case
 * opens when it starts. Never every enterprise on file there: a campaign over a chosen list
 * reports on that list, not on the province's archive.
 */
async function campaignEnterpriseCodes(prisma: PrismaClient, campaignId: string, province?: string): Promise<{ code: string; province: string }[]> {
  const rows = await prisma.caseTask.findMany({ where: { campaignId, ...(province === undefined ? {} : { provinceName: province }) }, distinct: ['enterpriseCode', 'provinceName'], select: { enterpriseCode: true, provinceName: true } });
  return rows.map((r) => ({ code: r.enterpriseCode, province: r.provinceName }));
}

/** The province's listed enterprises: the given list, or the campaign's cases in it. */
async function provinceEnterprises(prisma: PrismaClient, campaignId: string, province: string, codes: readonly string[] | undefined): Promise<ReportEnterprise[]> {
  const listed = codes ?? (await campaignEnterpriseCodes(prisma, campaignId, province)).map((e) => e.code);
  const rows = await prisma.enterprise.findMany({ where: { code: { in: [...listed] } }, select: { code: true, name: true, types: true }, orderBy: { code: 'asc' } });
  return rows.map((e) => ({ code: e.code, name: e.name, types: e.types }));
}

function provinceData(
  campaign: ReportCampaign,
  province: string,
  enterprises: ReportEnterprise[],
  dataset: CampaignDataset,
  cases: CaseRecords | undefined,
  coordination: CoordinationRecords | undefined,
  typical: readonly DesignatedTypical[] | undefined,
  supervised: ReadonlySet<string>,
): ProvinceReportData {
  const listed = new Set(enterprises.map((e) => e.code));
  const mine = <T extends { enterpriseCode: string }>(items: readonly T[] | undefined) => (items ?? []).filter((i) => listed.has(i.enterpriseCode));
  return {
    campaign,
    province,
    enterprises,
    rules: enterprises.flatMap((e) => {
      const dossier = dataset.byCode.get(e.code);
      return dossier ? [ruleAnswersOf(checkEnterprise(dossier, dataset, campaign.reviewWindow))] : [];
    }),
    findings: mine(cases?.findings),
    dispositions: mine(cases?.dispositions),
    tasks: mine(cases?.tasks),
    supervised: enterprises.filter((e) => supervised.has(e.code)).map((e) => e.code),
    referrals: coordination?.referrals ?? [],
    tips: coordination?.tips ?? [],
    typical: (typical ?? []).filter((t) => listed.has(t.enterpriseCode)),
  };
}

export interface ProvinceReportRequest {
  campaignId: string;
  province: string;
  /** Credit codes under supervision (挂牌督办), as the campaign workflow holds them. */
  supervised: readonly string[];
  /** The campaign's list for the province (annex 1); by default the enterprises with a case in it. */
  enterprises?: readonly string[];
  dataset?: CampaignDataset;
}

/** Annex 3, the handling plans, annex 4 and the summary of one province read this. */
export async function loadProvinceReportData(prisma: PrismaClient, request: ProvinceReportRequest): Promise<ProvinceReportData> {
  const { campaignId, province } = request;
  const [campaign, enterprises, cases, coordination, typical, dataset] = await Promise.all([
    loadCampaign(prisma, campaignId),
    provinceEnterprises(prisma, campaignId, province, request.enterprises),
    loadCaseRecords(prisma, { campaignId, provinceName: province }),
    loadCoordinationRecords(prisma, campaignId, province),
    designatedTypical(prisma, campaignId, province),
    datasetOf(prisma, request.dataset),
  ]);
  return provinceData(campaign, province, enterprises, dataset, cases.get(province), coordination.get(province), typical.get(province), new Set(request.supervised));
}

export interface NationalReportRequest {
  campaignId: string;
  /** Supervised credit codes of every province. */
  supervised: readonly string[];
  /** By default the provinces the campaign has cases or referrals in. */
  provinces?: readonly string[];
  dataset?: CampaignDataset;
}

/** The national roll-up reads every province of the campaign, from one load of everything. */
export async function loadNationalReportData(prisma: PrismaClient, request: NationalReportRequest): Promise<NationalReportData> {
  const { campaignId } = request;
  const [campaign, cases, coordination, typical, dataset] = await Promise.all([
    loadCampaign(prisma, campaignId),
    loadCaseRecords(prisma, { campaignId }),
    loadCoordinationRecords(prisma, campaignId),
    designatedTypical(prisma, campaignId),
    datasetOf(prisma, request.dataset),
  ]);
  const withCases = await campaignEnterpriseCodes(prisma, campaignId);
  const onFile = await prisma.enterprise.findMany({ where: { code: { in: [...new Set(withCases.map((e) => e.code))] } }, select: { code: true, name: true, types: true }, orderBy: { code: 'asc' } });
  // A province that only reported or received referrals of the campaign is in it too; a tip alone is not campaign work.
  const referring = [...coordination].filter(([, c]) => c.referrals.length > 0).map(([province]) => province);
  const provinces = request.provinces ?? [...cases.keys(), ...withCases.map((e) => e.province), ...referring];
  const supervised = new Set(request.supervised);
  return {
    campaign,
    provinces: [...new Set(provinces)].sort().map((province) => {
      const codes = new Set(withCases.filter((e) => e.province === province).map((e) => e.code));
      const enterprises = onFile.filter((e) => codes.has(e.code));
      return provinceData(campaign, province, enterprises, dataset, cases.get(province), coordination.get(province), typical.get(province), supervised);
    }),
  };
}

export interface Annex2Request {
  campaignId: string;
  province: string;
  /** One enterprise's form only. */
  enterpriseCode?: string;
}

/** Annex 2 reads the basic block, papers and ledger of the province's enterprises. */
export async function loadAnnex2Data(prisma: PrismaClient, request: Annex2Request): Promise<Annex2Data> {
  const { campaignId, province, enterpriseCode } = request;
  const codes = enterpriseCode
    ? [enterpriseCode]
    : (await provinceEnterprises(prisma, campaignId, province, undefined)).map((e) => e.code);
  const [campaign, records] = await Promise.all([loadCampaign(prisma, campaignId), loadCampaignRecords(prisma, { codes })]);
  if (enterpriseCode && records.enterprises.length === 0) throw new Error(`no enterprise ${enterpriseCode} on file`);
  return {
    campaign,
    province,
    dossiers: assembleDossiers(records).map(({ enterprise, miningLicences, eiaApprovals, safetyFilings, ledger }) => ({
      enterprise,
      miningLicences,
      eiaApprovals,
      safetyFilings,
      ledger,
    })),
  };
}
