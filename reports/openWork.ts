import type { TaskKind } from '../domain/case';
import { AgencyKind } from '../domain/enums';
import { agencyLabels, annex2FieldLabels, openWorkLabels, reportLabels, taskKindLabels } from '../domain/labels';
import type { IsoDate } from '../domain/campaign';
import type { EnterpriseAssessment } from './assess';
import { type BuildOptions, inCampaignTime } from './header';
import { chineseDate, deadlineDate, parenthesised } from './format';
import type { SheetBuilder } from './sheet';

/**
 * Work a report depends on that is not done yet. A report generated early says so, naming the
 * enterprises and tasks, instead of answering as if the checks had found nothing.
 */
export interface OpenTask {
  enterpriseCode: string;
  enterpriseName: string;
  taskKey: string;
  kind: TaskKind;
  agencyKind: AgencyKind;
  dueAt: string;
  /** The campaign day it is due by, as the report prints it. */
  dueOn: IsoDate;
  overdue: boolean;
}

export interface OpenWork {
  tasks: OpenTask[];
  /** Enterprises for which no agency has been asked to verify anything yet. */
  notStarted: { code: string; name: string }[];
}

const kindOrder = Object.keys(taskKindLabels) as TaskKind[];

export function isOverdue(dueAt: string, generatedAt: string): boolean {
  return Date.parse(dueAt) < Date.parse(generatedAt);
}

/** The open tasks of the given kinds, enterprise by enterprise (assessments come by credit code). */
export function openWorkOf(assessments: readonly EnterpriseAssessment[], kinds: readonly TaskKind[], options: BuildOptions): OpenWork {
  const tasks: OpenTask[] = [];
  for (const a of assessments) {
    const open = a.tasks
      .filter((t) => t.status === 'open' && kinds.includes(t.kind))
      .sort(
        (x, y) =>
          kindOrder.indexOf(x.kind) - kindOrder.indexOf(y.kind) ||
          AgencyKind.options.indexOf(x.agencyKind) - AgencyKind.options.indexOf(y.agencyKind) ||
          Date.parse(x.dueAt) - Date.parse(y.dueAt) ||
          (x.key < y.key ? -1 : x.key > y.key ? 1 : 0),
      );
    for (const t of open) {
      tasks.push({
        enterpriseCode: a.enterprise.code,
        enterpriseName: a.enterprise.name,
        taskKey: t.key,
        kind: t.kind,
        agencyKind: t.agencyKind,
        dueAt: t.dueAt,
        dueOn: deadlineDate(inCampaignTime(options, t.dueAt)),
        overdue: isOverdue(t.dueAt, options.generatedAt),
      });
    }
  }
  const notStarted = kinds.includes('verification')
    ? assessments.filter((a) => a.verification === 'notStarted').map((a) => ({ code: a.enterprise.code, name: a.enterprise.name }))
    : [];
  return { tasks, notStarted };
}

function hasOpenWork(work: OpenWork): boolean {
  return work.tasks.length > 0 || work.notStarted.length > 0;
}

/** Below the report's table: a heading, then one numbered line per open task; the sheet must be at least four columns wide. */
export function openWorkSection(builder: SheetBuilder, work: OpenWork): void {
  if (!hasOpenWork(work)) return;
  const spans = builder.width >= 6 ? [1, 1, 2, builder.width - 4] : [1, 1, 1, builder.width - 3];
  builder.wideRow('section', openWorkLabels.heading.zh);
  builder.spannedRow('heading', [reportLabels.serialNo.zh, annex2FieldLabels.name.zh, openWorkLabels.task.zh, openWorkLabels.dueAt.zh], spans);
  let no = 0;
  for (const e of work.notStarted) builder.spannedRow('data', [{ count: ++no }, e.name, openWorkLabels.noTasks.zh, ''], spans);
  for (const t of work.tasks) {
    const task = `${taskKindLabels[t.kind].zh}${parenthesised(agencyLabels[t.agencyKind].zh)}`;
    const due = `${chineseDate(t.dueOn)}${t.overdue ? parenthesised(openWorkLabels.overdue.zh) : ''}`;
    builder.spannedRow('data', [{ count: ++no }, t.enterpriseName, task, due], spans);
  }
}
