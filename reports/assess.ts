import { ViolationCode } from '../domain/catalogue';
import type { AgencyFinding, DispositionRecord, ProvinceReportData, ReportEnterprise, RuleAnswers, RuleCondition, TaskRecord } from './data';
import { byMeasure } from './measures';
import { type AnswerSlot, type ConditionPart, answerSlots, conditionSlots, slotAgencies, violationSlot } from './questions';
import type { TypicalReasonFact } from './typical';

/** For "是否存在…" questions yes is a problem; for the conditions yes means the condition is met. */
export type Answer = 'yes' | 'no' | 'pending' | 'notApplicable';

/** Whether the agencies' on-site verification (自查核查) of an enterprise has begun and ended. */
export type VerificationState = 'notStarted' | 'open' | 'completed';

/** One enterprise with everything the province's reports say about it, worked out once. */
export interface EnterpriseAssessment {
  enterprise: ReportEnterprise;
  /** The rules' findings and the agencies', in catalogue order. */
  violations: ViolationCode[];
  answers: Record<AnswerSlot, Answer>;
  findings: AgencyFinding[];
  /** In catalogue order. */
  dispositions: DispositionRecord[];
  tasks: TaskRecord[];
  verification: VerificationState;
  supervised: boolean;
  /** Designated a typical case (典型案件), with the reasons it was proposed for; absent otherwise. */
  typical?: TypicalReasonFact[];
}

const violationOrder = new Map(ViolationCode.options.map((code, i) => [code, i]));

const conditionPartOf = new Map(Object.entries(conditionSlots).map(([part, slot]) => [slot as AnswerSlot, part as ConditionPart]));

function indexByEnterprise<T extends { enterpriseCode: string }>(items: readonly T[]): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const item of items) {
    const list = index.get(item.enterpriseCode);
    if (list) list.push(item);
    else index.set(item.enterpriseCode, [item]);
  }
  return index;
}

export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every listed enterprise of the province, by credit code. */
export function assessProvince(data: ProvinceReportData): EnterpriseAssessment[] {
  const rules = new Map(data.rules.map((r) => [r.enterpriseCode, r]));
  const findings = indexByEnterprise(data.findings);
  const dispositions = indexByEnterprise(data.dispositions);
  const tasks = indexByEnterprise(data.tasks);
  const supervised = new Set(data.supervised);
  const typical = new Map(data.typical.map((t) => [t.enterpriseCode, t.reasons]));
  return [...data.enterprises]
    .sort((a, b) => compareCodes(a.code, b.code))
    .map((enterprise) =>
      assess(
        enterprise,
        rules.get(enterprise.code),
        findings.get(enterprise.code) ?? [],
        [...(dispositions.get(enterprise.code) ?? [])].sort(byMeasure),
        tasks.get(enterprise.code) ?? [],
        supervised.has(enterprise.code),
        typical.get(enterprise.code),
      ),
    );
}

function assess(
  enterprise: ReportEnterprise,
  rules: RuleAnswers | undefined,
  findings: AgencyFinding[],
  dispositions: DispositionRecord[],
  tasks: TaskRecord[],
  supervised: boolean,
  typical: TypicalReasonFact[] | undefined,
): EnterpriseAssessment {
  const verifications = tasks.filter((t) => t.kind === 'verification' && t.status !== 'cancelled');
  const openAgencies = new Set(verifications.filter((t) => t.status === 'open').map((t) => t.agencyKind));
  const verification: VerificationState = verifications.length === 0 ? 'notStarted' : openAgencies.size > 0 ? 'open' : 'completed';

  const violations = new Set<ViolationCode>(findings.map((f) => f.violation));
  for (const code of rules?.findings ?? []) violations.add(code);
  // The verification form asks separately whether a crime is suspected (涉嫌犯罪).
  if (tasks.some((t) => t.suspectedCrime)) violations.add('suspectedCrime');
  // A link of a chain whose source is illegal violated the plan though its own archive is clean:
  // the trace found it, and ordered the measure that says so.
  for (const t of tasks) if (t.tracedViolation !== undefined && t.status !== 'cancelled') violations.add(t.tracedViolation);

  const foundByAgencies = new Set(findings.map((f) => violationSlot.get(f.violation)));
  const answers = Object.fromEntries(
    answerSlots.map((slot) => {
      // Until the agencies answering for a slot have checked on site, a 否 would be a guess.
      const uncertain = rules === undefined || verification === 'notStarted' || slotAgencies[slot].some((a) => openAgencies.has(a));
      return [slot, answerOf(slot, rules, foundByAgencies.has(slot), uncertain)];
    }),
  ) as Record<AnswerSlot, Answer>;

  return {
    enterprise,
    violations: [...violations].sort((a, b) => violationOrder.get(a)! - violationOrder.get(b)!),
    answers,
    findings,
    dispositions,
    tasks,
    verification,
    supervised,
    ...(typical === undefined ? {} : { typical }),
  };
}

/** An agency's finding adds to the rules' answer; neither can clear what the other found. */
function answerOf(slot: AnswerSlot, rules: RuleAnswers | undefined, foundByAgency: boolean, uncertain: boolean): Answer {
  const part = conditionPartOf.get(slot);
  if (part !== undefined) {
    const condition: RuleCondition | undefined = rules?.conditions[part];
    if (foundByAgency || (condition?.applicable && !condition.met)) return 'no';
    if (condition && !condition.applicable) return 'notApplicable';
    return uncertain ? 'pending' : 'yes';
  }
  if (foundByAgency || (rules !== undefined && rules[slot as Exclude<AnswerSlot, (typeof conditionSlots)[ConditionPart]>])) return 'yes';
  return uncertain ? 'pending' : 'no';
}
