import type { Label } from '../labels';

/**
 * The escalation ladder of every open task, from section 三.(二) of the plan (加强监督检查，严格
 * 责任追究): the assignee is reminded before the due time, the agency head told at it, and after a
 * grace period discipline inspection (监察部门), which holds to account departments that
 * 有案不查、查处不力. Supervised cases (挂牌督办) copy MIIT on every step.
 */
export type Addressee = 'staff' | 'head' | 'disciplineInspection';

export interface EscalationStepInfo {
  /** The step's name, in the subject of its email and the Web UI. */
  readonly label: Label;
  /** The step in a word or two, where several are named together (a chart's legend). */
  readonly short: Label;
  /** When it is sent: a while before the due time, at it, or a grace period after it. */
  readonly at: 'beforeDue' | 'due' | 'afterGrace';
  readonly to: Addressee;
  readonly cc: readonly Addressee[];
  /** The email's closing line: what the step asks of its readers. */
  readonly request: Label;
}

const completeIt: Label = { zh: '请登录系统办理。', en: 'Please complete the task in the system.' };

export const escalationSteps = {
  reminder: { label: { zh: '任务即将到期提醒', en: 'Task due soon' }, short: { zh: '到期提醒', en: 'Reminder' }, at: 'beforeDue', to: 'staff', cc: [], request: completeIt },
  agencyHead: { label: { zh: '任务逾期，请督办', en: 'Task overdue: please see that it is done' }, short: { zh: '逾期督办', en: 'Agency head' }, at: 'due', to: 'head', cc: ['staff'], request: completeIt },
  disciplineInspection: {
    label: { zh: '任务逾期未办，提请纪检监察部门问责', en: 'Task not done: referred to discipline inspection for accountability' },
    short: { zh: '纪检问责', en: 'Discipline inspection' },
    at: 'afterGrace',
    to: 'disciplineInspection',
    cc: ['head'],
    request: {
      zh: '承办部门未在期限内办理该任务。依方案第三部分，对不认真整治、有案不查、查处不力的，由监察部门依法依规追究责任。',
      en: 'The agency did not act by the deadline; under section 3 of the plan, departments that do not act are held to account.',
    },
  },
} as const satisfies Record<string, EscalationStepInfo>;

export type EscalationStep = keyof typeof escalationSteps;
