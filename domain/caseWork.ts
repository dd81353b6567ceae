import { z } from 'zod';
import { campaignDateTime, type CampaignTimeBase } from './campaignClock';
import { DispositionCode, ViolationCode, dispositionRequirements, type DispositionAmount, type DispositionField } from './caseCatalogue';
import type { AgencyKind, EnterpriseType } from './enums';
import { IsoDate } from './campaign';
import { text as Text } from './text';
import { agencyLabels, bilingual, dispositionLabels, enterpriseTypeLabels, escalationStepLabels, findingLabels, type Label } from './labels';
import type { FindingCode, RuleResult } from './rules';

/**
 * What a case asks of the agencies and what they answer: the routing of self-inspection tasks,
 * the task keys, the completion schemas (the API and the workflow's update validator use the
 * same ones), and the escalation ladder with its emails.
 */

export type TaskKind = 'verification' | 'handlingPlan' | 'disposition' | 'acceptance';

export interface TaskSpec {
  kind: TaskKind;
  agencyKind: AgencyKind;
  /** Distinguishes tasks of one kind and agency (a disposition's code, say); part of the key. */
  purpose: string;
  title: string;
  evidence: unknown;
}

/** Deterministic: a retried activity or a replayed workflow derives the same key. */
export function taskKey(caseId: string, spec: Pick<TaskSpec, 'kind' | 'agencyKind' | 'purpose'>): string {
  return `${caseId}/${spec.kind}/${spec.agencyKind}/${spec.purpose}`;
}

// Section 三.(一) of the plan: who handles what. The industry department leads, verifies annex 2
// for every enterprise and handles smelting and trading enterprises; land & resources mining;
// environment, tax and work safety every producing site; commerce trading; customs export.
const routing: Record<EnterpriseType, AgencyKind[]> = {
  mine: ['landResources', 'environment', 'tax', 'workSafety'],
  smelting: ['industry', 'environment', 'tax', 'workSafety'],
  recycling: ['industry', 'environment', 'tax', 'workSafety'],
  trading: ['industry', 'commerce', 'tax'],
  export: ['customs', 'tax'],
};

const agencyOrder: AgencyKind[] = ['industry', 'landResources', 'environment', 'tax', 'customs', 'commerce', 'workSafety', 'publicSecurity'];

export function agenciesFor(types: readonly EnterpriseType[]): AgencyKind[] {
  const wanted = new Set<AgencyKind>(['industry', ...types.flatMap((t) => routing[t])]);
  return agencyOrder.filter((a) => wanted.has(a));
}

export function selfInspectionTasks(types: readonly EnterpriseType[], rules: RuleResult | undefined): TaskSpec[] {
  return agenciesFor(types).map((agencyKind) => ({
    kind: 'verification',
    agencyKind,
    purpose: 'selfInspection',
    title: `自查核查 self-inspection check: ${bilingual(agencyLabels[agencyKind])} (${types.map((t) => enterpriseTypeLabels[t].zh).join('、')})`,
    evidence: { findings: rules?.findings ?? [], annex3: rules?.annex3 },
  }));
}

/** Round 0 is the plan after self-inspection; each later round plans for violations found since. */
export function handlingPlanTask(violations: readonly string[], round = 0): TaskSpec {
  return round === 0
    ? { kind: 'handlingPlan', agencyKind: 'industry', purpose: 'plan', title: '整改方案 handling plan', evidence: { violations } }
    : { kind: 'handlingPlan', agencyKind: 'industry', purpose: `plan/round-${round}`, title: `补充整改方案 further handling plan: ${violations.join(', ')}`, evidence: { violations, round } };
}

const Fen = z.number().int().min(0).max(100_000_000_000_000);
const Agency = z.enum(['industry', 'landResources', 'environment', 'tax', 'customs', 'commerce', 'publicSecurity', 'workSafety', 'disciplineInspection']);

export const VerificationCompletion = z.object({
  findings: z
    .array(
      z.object({
        violation: ViolationCode,
        amounts: z.object({ illegalGainsFen: Fen.optional(), unpaidTaxFen: Fen.optional(), tonnesKg: z.number().int().min(0).max(1_000_000_000).optional() }).strict().default({}),
        note: Text(2_000).optional(),
      }),
    )
    .max(50),
  suspectedCrime: z.boolean().default(false),
  note: Text(4_000).optional(),
});

export const HandlingPlan = z.object({
  annex2Verified: z.boolean(),
  dispositions: z.array(z.object({ disposition: DispositionCode, agencyKind: Agency, dueDate: IsoDate, note: Text(2_000).optional() })).max(30),
  note: Text(4_000).optional(),
});
export type HandlingPlan = z.infer<typeof HandlingPlan>;

/**
 * A new plan names each measure once per agency: the measure's task, its row and its acceptance are
 * keyed by the two. Checked on submission only: the workflow retakes plans it accepted before.
 */
const NewHandlingPlan = HandlingPlan.superRefine((plan, ctx) => {
  const seen = new Map<string, number>();
  plan.dispositions.forEach((d, i) => {
    const key = `${d.agencyKind}/${d.disposition}`;
    const first = seen.get(key);
    if (first === undefined) return void seen.set(key, i);
    ctx.addIssue({
      code: 'custom',
      path: ['dispositions', i],
      message: `${dispositionLabels[d.disposition].zh}（${agencyLabels[d.agencyKind].zh}）已是方案第 ${first + 1} 项：同一部门的同一措施只列一次 / ${dispositionLabels[d.disposition].en} by ${d.agencyKind} is already item ${first + 1} of the plan: list each measure once per agency`,
    });
  });
});

const dispositionAmounts = {
  confiscatedFen: Fen.optional(),
  fineFen: Fen.optional(),
  recoveredFen: Fen.optional(),
  lateFeeFen: Fen.optional(),
  compensationFeeFen: Fen.optional(),
  sewageFeeFen: Fen.optional(),
  tonnesKg: z.number().int().min(0).optional(),
} satisfies Record<DispositionAmount, z.ZodType>;

/** Every field any measure may state; dispositionCompletionFor adds which of them a given measure must. */
export const DispositionCompletion = z.object({
  documentNo: Text(100),
  amounts: z.object(dispositionAmounts).strict().default({}),
  rectificationDeadline: IsoDate.optional(),
  note: Text(4_000).optional(),
});

/** Where a field sits in a completion, as the API reports it. */
function pathOf(field: DispositionField): string[] {
  return field === 'rectificationDeadline' ? [field] : ['amounts', field];
}

/** Read from what was sent, which may be malformed: the check also runs beside the shape's own issues. */
function stated(c: Partial<Record<string, unknown>>, field: DispositionField): boolean {
  if (field === 'rectificationDeadline') return c.rectificationDeadline !== undefined;
  const amounts = c.amounts;
  return typeof amounts === 'object' && amounts !== null && (amounts as Record<string, unknown>)[field] !== undefined;
}

/** What a disposition task asks its agency to state: the document number and the catalogue's fields. */
export function mustStateOf(code: DispositionCode): { field: string; zh: string; en: string }[] {
  return [
    { field: 'documentNo', zh: '文书编号', en: 'document no.' },
    ...Object.entries(dispositionRequirements[code]).map(([field, label]) => ({ field: pathOf(field as DispositionField).join('.'), ...label })),
  ];
}

/** The completion schema of one measure: the common fields, and those the catalogue requires of it. */
export function dispositionCompletionFor(code: DispositionCode) {
  const measure = dispositionLabels[code];
  return DispositionCompletion.superRefine(
    (completion, ctx) => {
      for (const [field, label] of Object.entries(dispositionRequirements[code]) as [DispositionField, Label][]) {
        if (stated(completion, field)) continue;
        const path = pathOf(field);
        ctx.addIssue({ code: 'custom', path, message: `${measure.zh}：须写明${label.zh} / ${measure.en}: the completion must state the ${label.en} [${path.join('.')}]` });
      }
    },
    // Alongside a missing document number, say what else is missing: staff fix it all in one go.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
}

const Dereliction = z.object({ officials: Text(500), facts: Text(4_000) });
export const AcceptanceCompletion = z.discriminatedUnion('accepted', [
  z.object({ accepted: z.literal(true), note: Text(4_000).optional(), derelictionOrCollusion: Dereliction.optional() }),
  z.object({ accepted: z.literal(false), reason: Text(2_000), newCompletionDate: IsoDate, derelictionOrCollusion: Dereliction.optional() }),
]);

const completionSchemas: Record<TaskKind, z.ZodType> = {
  verification: VerificationCompletion,
  handlingPlan: HandlingPlan,
  disposition: DispositionCompletion,
  acceptance: AcceptanceCompletion,
};

export class InvalidCompletion extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`invalid completion: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'InvalidCompletion';
  }
}

function parseWith(schema: z.ZodType, completion: unknown): unknown {
  const result = schema.safeParse(completion);
  if (!result.success) throw new InvalidCompletion(result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  return result.data;
}

/**
 * Checks a completion against its task: the schema of the task's kind and, for a disposition, what
 * the catalogue requires of the measure the task's evidence names. The API and the workflow's update
 * validator both call this, so they refuse the same completions.
 */
export function parseCompletion(kind: string, completion: unknown, evidence?: unknown): unknown {
  if (kind === 'handlingPlan') return parseWith(NewHandlingPlan, completion);
  if (kind !== 'disposition') return acceptedCompletion(kind, completion);
  const measure = DispositionCode.safeParse((evidence as { disposition?: unknown } | undefined)?.disposition);
  if (!measure.success) throw new InvalidCompletion([{ path: '', message: 'the task names no disposition of the catalogue' }]);
  return parseWith(dispositionCompletionFor(measure.data), completion);
}

/**
 * A completion the workflow has accepted, normalised by its kind's schema alone. The update handler
 * uses this rather than parseCompletion because on replay it meets completions accepted before the
 * catalogue required amounts and must take them again; the validator, which does not run on replay,
 * holds every new completion to the catalogue.
 */
export function acceptedCompletion(kind: string, completion: unknown): unknown {
  const schema = completionSchemas[kind as TaskKind];
  if (!schema) throw new InvalidCompletion([{ path: '', message: `unknown task kind ${kind}` }]);
  return parseWith(schema, completion);
}

interface TaskRef {
  key: string;
  kind: string;
  agencyKind: AgencyKind;
}

export function findingsOf(task: TaskRef, completion: unknown) {
  if (task.kind !== 'verification') return [];
  const parsed = completion as z.infer<typeof VerificationCompletion>;
  return parsed.findings.map((f) => ({ violation: f.violation, agencyKind: task.agencyKind, amounts: f.amounts as Record<string, number>, note: f.note }));
}

/** A disposition as the handling plan ordered it; retries carry the round and why. */
type PlannedDisposition = HandlingPlan['dispositions'][number] & { round?: number; reason?: string };

export function dispositionsOf(task: TaskRef & { title?: string }, completion: unknown, caseId: string, evidence?: unknown) {
  const planned = evidence as PlannedDisposition | undefined;
  const id = planned && taskKey(caseId, { kind: 'disposition', agencyKind: planned.agencyKind, purpose: planned.disposition });
  if (task.kind === 'disposition' && planned && id) {
    return [{ id, disposition: planned.disposition, agencyKind: planned.agencyKind, dueDate: planned.dueDate, status: 'done', result: completion }];
  }
  if (task.kind === 'acceptance' && planned && id) {
    const verdict = completion as z.infer<typeof AcceptanceCompletion>;
    return [
      verdict.accepted
        ? { id, disposition: planned.disposition, agencyKind: planned.agencyKind, dueDate: planned.dueDate, status: 'accepted' }
        : {
            id,
            disposition: planned.disposition,
            agencyKind: planned.agencyKind,
            dueDate: planned.dueDate,
            status: 'unfinished',
            unfinishedReason: verdict.reason,
            newCompletionDate: verdict.newCompletionDate,
          },
    ];
  }
  if (task.kind === 'handlingPlan') {
    return (completion as HandlingPlan).dispositions.map((d) => ({
      id: taskKey(caseId, { kind: 'disposition', agencyKind: d.agencyKind, purpose: d.disposition }),
      disposition: d.disposition,
      agencyKind: d.agencyKind,
      dueDate: d.dueDate,
      status: 'planned',
    }));
  }
  return [];
}

/** Told in the title too, so staff see it in the task list and the reminder before they submit. */
function mustStateNote(code: DispositionCode): string {
  return `须写明 must state: ${mustStateOf(code).map((f) => `${f.zh} ${f.en}`).join(', ')}`;
}

export function rectificationTasks(plan: HandlingPlan | undefined): TaskSpec[] {
  return (plan?.dispositions ?? []).map((d) => ({
    kind: 'disposition',
    agencyKind: d.agencyKind,
    purpose: d.disposition,
    title: `整改措施 disposition ${d.disposition} by ${d.dueDate}；${mustStateNote(d.disposition)}`,
    evidence: { ...d, mustState: mustStateOf(d.disposition) },
  }));
}

export function acceptanceTasks(plan: HandlingPlan | undefined): TaskSpec[] {
  return (plan?.dispositions ?? []).map((d) => ({
    kind: 'acceptance',
    agencyKind: 'industry',
    purpose: `${d.agencyKind}-${d.disposition}`,
    title: `验收 acceptance of ${d.disposition}`,
    evidence: d,
  }));
}

/**
 * What a completion leads to beyond the phase's plan (section 二, 验收总结): a disposition not
 * accepted goes back to its agency with the new completion date, and is verified again once done.
 */
export function followUpOf(spec: TaskSpec, completion: unknown): TaskSpec | undefined {
  const planned = spec.evidence as PlannedDisposition;
  if (spec.kind === 'acceptance') {
    const verdict = completion as z.infer<typeof AcceptanceCompletion>;
    if (verdict.accepted) return undefined;
    const round = (planned.round ?? 0) + 1;
    return {
      kind: 'disposition',
      agencyKind: planned.agencyKind,
      purpose: `${planned.disposition}/round-${round}`,
      title: `整改未完成，限期完成 rectify again: ${planned.disposition} by ${verdict.newCompletionDate}；${mustStateNote(planned.disposition)}`,
      evidence: { ...planned, dueDate: verdict.newCompletionDate, round, reason: verdict.reason, mustState: mustStateOf(planned.disposition) },
    };
  }
  if (spec.kind === 'disposition' && planned.round) {
    return {
      kind: 'acceptance',
      agencyKind: 'industry',
      purpose: `${planned.agencyKind}-${planned.disposition}/round-${planned.round}`,
      title: `复核验收 acceptance again of ${planned.disposition}`,
      evidence: planned,
    };
  }
  return undefined;
}

export function referralOf(task: TaskRef, completion: unknown): { officials: string; facts: string } | undefined {
  if (task.kind !== 'acceptance') return undefined;
  return (completion as z.infer<typeof AcceptanceCompletion>).derelictionOrCollusion;
}

export type EscalationStep = 'reminder' | 'agencyHead' | 'disciplineInspection';

/** The ladder: remind the assignee before the due time, tell the agency head at it, then discipline inspection. */
export function escalationSchedule(createdAt: string, dueAt: string, timing: { reminderBeforeMs: number; graceAfterDueMs: number }) {
  const created = Date.parse(createdAt);
  const due = Date.parse(dueAt);
  const steps: { step: EscalationStep; at: string }[] = [];
  if (due - timing.reminderBeforeMs > created) steps.push({ step: 'reminder', at: new Date(due - timing.reminderBeforeMs).toISOString() });
  steps.push({ step: 'agencyHead', at: new Date(due).toISOString() });
  steps.push({ step: 'disciplineInspection', at: new Date(due + timing.graceAfterDueMs).toISOString() });
  return steps;
}

export interface Contacts {
  staff: string[];
  head: string[];
  disciplineInspection: string[];
  miit: string[];
}

/** Supervised cases (挂牌督办) copy MIIT on every escalation. */
export function recipientsOf(step: EscalationStep, contacts: Contacts, supervised: boolean): { to: string[]; cc: string[] } {
  const cc = supervised ? contacts.miit : [];
  if (step === 'reminder') return { to: contacts.staff, cc };
  if (step === 'agencyHead') return { to: contacts.head, cc: [...contacts.staff, ...cc] };
  return { to: contacts.disciplineInspection, cc: [...contacts.head, ...cc] };
}

interface CaseFacts {
  campaignId: string;
  province: string;
  enterprise: { code: string; name: string; types: readonly EnterpriseType[] };
  clock?: CampaignTimeBase;
}

/** A time as staff read it: campaign time in Beijing, with the system's own instant beside it on a fast clock. */
function campaignTimeText(clock: CampaignTimeBase | undefined, at: string): string {
  const time = campaignDateTime(clock, at);
  return clock?.daysPerSecond ? `${time}（专项行动时间，北京时间 campaign time, Beijing）；系统时间 system time ${at}` : `${time}（北京时间 Beijing time）`;
}

export function escalationEmail(c: CaseFacts, task: TaskRef & { title: string; dueAt: string; createdAt: string }, step: EscalationStep, history: readonly { at: string; summary: string; taskKey?: string }[]) {
  const label = escalationStepLabels[step];
  return {
    subject: `【${label.zh}】${c.enterprise.name} — ${task.title} / ${label.en}`,
    body: [
      `${label.zh} / ${label.en}`,
      '',
      `专项行动 Campaign: ${c.campaignId}`,
      `省（区、市） Province: ${c.province}`,
      `企业名称 Enterprise: ${c.enterprise.name}（${c.enterprise.code}）`,
      `企业类型 Types: ${c.enterprise.types.map((t) => bilingual(enterpriseTypeLabels[t])).join('、')}`,
      `任务 Task: ${task.title}`,
      `承办部门 Responsible agency: ${bilingual(agencyLabels[task.agencyKind])}`,
      `下达时间 Assigned: ${campaignTimeText(c.clock, task.createdAt)}`,
      `办理期限 Due: ${campaignTimeText(c.clock, task.dueAt)}`,
      '',
      '任务记录 Task history:',
      ...history.filter((h) => h.taskKey === task.key).map((h) => `  ${campaignDateTime(c.clock, h.at)}  ${h.summary}`),
      '',
      step === 'disciplineInspection'
        ? `${bilingual(agencyLabels[task.agencyKind])}未在期限内办理该任务。依方案第三部分，对不认真整治、有案不查、查处不力的，由监察部门依法依规追究责任。 / The agency did not act by the deadline; under section 3 of the plan, departments that do not act are held to account.`
        : '请登录系统办理。 / Please complete the task in the system.',
    ].join('\n'),
  };
}

export function referralEmail(c: CaseFacts, task: TaskRef & { title: string }, referral: { officials: string; facts: string }) {
  return {
    subject: `【移交纪检监察】${c.enterprise.name}：失职渎职、官商勾结线索 / Referral: dereliction or collusion`,
    body: [
      '验收中发现失职渎职、官商勾结行为，依方案提交纪检监察部门处理。',
      'Acceptance found dereliction of duty or collusion; referred to discipline inspection under the plan.',
      '',
      `省（区、市） Province: ${c.province}`,
      `企业名称 Enterprise: ${c.enterprise.name}（${c.enterprise.code}）`,
      `任务 Task: ${task.title}`,
      `涉及人员 Officials: ${referral.officials}`,
      `事实 Facts: ${referral.facts}`,
    ].join('\n'),
  };
}

export function findingLabel(code: string): string {
  const label = findingLabels[code as FindingCode];
  return label ? bilingual(label) : code;
}
