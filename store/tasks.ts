import { Prisma, type CaseTask, type PrismaClient } from '@prisma/client';
import type { AgencyKind, CasePhase, EnterpriseType } from '../domain/enums';
import { appendAudit, type AuditEntry } from './audit';

/** The task table is written here alone: the case workflows' activities create and close tasks, the API assigns them. */

/** A task as a case workflow asks for it; the key makes creation idempotent. */
export interface TaskToCreate {
  key: string;
  caseId: string;
  campaignId: string;
  province: string;
  enterpriseCode: string;
  kind: string;
  agencyKind: AgencyKind;
  /** The case's phase as it issues the task; absent from activities scheduled before it was sent. */
  phase?: CasePhase;
  title: string;
  evidence: unknown;
  dueAt: string;
}

export interface FindingToRecord {
  violation: string;
  agencyKind: AgencyKind;
  amounts: Record<string, number>;
  note?: string;
}

export interface DispositionToRecord {
  id: string;
  disposition: string;
  agencyKind: AgencyKind;
  dueDate: string;
  status: string;
  result?: unknown;
  unfinishedReason?: string;
  newCompletionDate?: string;
}

export interface CompletionToRecord {
  taskKey: string;
  completion: unknown;
  actor: string;
  completedAt: string;
  findings: FindingToRecord[];
  dispositions: DispositionToRecord[];
}

export type TaskRow = CaseTask;
export type TaskStatus = CaseTask['status'];

const json = (value: unknown) => value as Prisma.InputJsonValue;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Creates the task unless its key exists: a retry after a crash creates no second task. */
export async function createTask(prisma: PrismaClient, task: TaskToCreate): Promise<void> {
  await prisma.caseTask.upsert({
    where: { key: task.key },
    create: {
      key: task.key,
      caseId: task.caseId,
      campaignId: task.campaignId,
      provinceName: task.province,
      enterpriseCode: task.enterpriseCode,
      kind: task.kind,
      agencyKind: task.agencyKind,
      phase: task.phase ?? null,
      title: task.title,
      evidence: json(task.evidence),
      dueAt: new Date(task.dueAt),
    },
    update: {},
  });
}

export async function cancelTask(prisma: PrismaClient, key: string): Promise<void> {
  await prisma.caseTask.updateMany({ where: { key, status: 'open' }, data: { status: 'cancelled' } });
}

/**
 * Records a completion with its findings and dispositions in one transaction. The workflow has
 * accepted the completion already; a retry finds the task completed and writes nothing again.
 */
export async function recordTaskCompletion(prisma: PrismaClient, done: CompletionToRecord): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const task = await tx.caseTask.findUniqueOrThrow({ where: { key: done.taskKey } });
    if (task.status === 'completed') return;
    await tx.caseTask.update({
      where: { key: done.taskKey },
      data: { status: 'completed', completion: json(done.completion), completedBy: done.actor, completedAt: new Date(done.completedAt) },
    });
    const scope = { caseId: task.caseId, campaignId: task.campaignId, provinceName: task.provinceName, enterpriseCode: task.enterpriseCode };
    await tx.caseFinding.createMany({
      data: done.findings.map((f, i) => ({
        id: `${done.taskKey}/${i}`,
        taskKey: done.taskKey,
        ...scope,
        violation: f.violation,
        agencyKind: f.agencyKind,
        amounts: json(f.amounts),
        note: f.note ?? null,
        recordedAt: new Date(done.completedAt),
        recordedBy: done.actor,
      })),
      skipDuplicates: true,
    });
    for (const d of done.dispositions) {
      const data = {
        ...scope,
        disposition: d.disposition,
        agencyKind: d.agencyKind,
        dueDate: day(d.dueDate),
        status: d.status,
        result: d.result === undefined ? undefined : json(d.result),
        // Kept once given: an accepted retry still shows why it was late, and until when.
        unfinishedReason: d.unfinishedReason,
        newCompletionDate: d.newCompletionDate ? day(d.newCompletionDate) : undefined,
        updatedBy: done.actor,
      };
      await tx.caseDisposition.upsert({ where: { id: d.id }, create: { id: d.id, ...data }, update: data });
    }
  });
}

/** Whose tasks may be listed: a province, and within it an agency; neither for the whole country. */
export interface TaskScope {
  province?: string;
  agencyKind?: AgencyKind;
}

/** Whose tasks: one person's, nobody's yet, or anyone's (absent). */
export type AssigneeFilter = { staffId: string } | 'unassigned';

export interface TaskFilter {
  scope: TaskScope;
  status?: TaskStatus;
  caseId?: string;
  /** Open and past due (true), or anything else (false). */
  overdue?: boolean;
  assignee?: AssigneeFilter;
  /** Due at or after / before these instants. */
  dueFrom?: Date;
  dueBefore?: Date;
  enterpriseType?: EnterpriseType;
  phase?: CasePhase;
  /** Part of the enterprise's name, or the start of its credit code. */
  text?: string;
  now: Date;
  page: number;
  pageSize: number;
}

/** The inbox's quick filters, counted over the caller's whole scope (not narrowed by the other filters, so they stay put as one filters). */
export interface TaskCounts {
  open: number;
  overdue: number;
  dueSoon: number;
  unassigned: number;
  mine: number;
}

/** How far ahead an open task counts as due soon. */
export const DUE_SOON_MS = 3 * 24 * 3_600_000;

const inScope = (scope: TaskScope): Prisma.Sql[] => [
  ...(scope.province !== undefined ? [Prisma.sql`t."provinceName" = ${scope.province}`] : []),
  ...(scope.agencyKind !== undefined ? [Prisma.sql`t."agencyKind" = ${scope.agencyKind}::"AgencyKind"`] : []),
];

const whereOf = (conditions: Prisma.Sql[]) => (conditions.length === 0 ? Prisma.empty : Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}`);

/** LIKE's own characters in what a person typed are meant literally. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function conditionsOf(filter: TaskFilter): Prisma.Sql[] {
  const { now } = filter;
  const openPastDue = Prisma.sql`(t."status" = 'open' AND t."dueAt" < ${now})`;
  const text = filter.text ? likeEscaped(filter.text) : undefined;
  return [
    ...inScope(filter.scope),
    ...(filter.status ? [Prisma.sql`t."status" = ${filter.status}::"TaskStatus"`] : []),
    ...(filter.caseId ? [Prisma.sql`t."caseId" = ${filter.caseId}`] : []),
    ...(filter.overdue === true ? [openPastDue] : filter.overdue === false ? [Prisma.sql`NOT ${openPastDue}`] : []),
    ...(filter.assignee === 'unassigned' ? [Prisma.sql`t."assigneeId" IS NULL`] : filter.assignee ? [Prisma.sql`t."assigneeId" = ${filter.assignee.staffId}`] : []),
    ...(filter.dueFrom ? [Prisma.sql`t."dueAt" >= ${filter.dueFrom}`] : []),
    ...(filter.dueBefore ? [Prisma.sql`t."dueAt" < ${filter.dueBefore}`] : []),
    ...(filter.phase ? [Prisma.sql`t."phase" = ${filter.phase}`] : []),
    ...(filter.enterpriseType
      ? [Prisma.sql`EXISTS (SELECT 1 FROM "Enterprise" e WHERE e."code" = t."enterpriseCode" AND ${filter.enterpriseType}::"EnterpriseType" = ANY (e."types"))`]
      : []),
    ...(text !== undefined
      ? // IN, not a correlated EXISTS: the names are matched once per query, not once per task.
        [Prisma.sql`(t."enterpriseCode" LIKE ${`${text.toUpperCase()}%`} OR t."enterpriseCode" IN (SELECT e."code" FROM "Enterprise" e WHERE e."name" ILIKE ${`%${text}%`}))`]
      : []),
  ];
}

/** A task as the inbox lists it: without its evidence and completion, which only its own page shows. */
export type ListedTask = Omit<TaskRow, 'evidence' | 'completion'>;

/** A page of tasks, soonest due first, and how many match in all. */
export async function listTasks(prisma: PrismaClient, filter: TaskFilter): Promise<{ total: number; rows: ListedTask[] }> {
  const where = whereOf(conditionsOf(filter));
  // The page and the count as two statements side by side: a window count in the page's statement
  // would read and sort every matching row (10,000 for a province's coordinator) before its LIMIT,
  // where the page alone stops at its rows along the due-time index.
  const [rows, [{ total }]] = await Promise.all([
    prisma.$queryRaw<ListedTask[]>`
      SELECT t."key", t."caseId", t."campaignId", t."provinceName", t."enterpriseCode", t."kind", t."agencyKind", t."phase", t."assigneeId",
             t."title", t."dueAt", t."status", t."completedBy", t."completedAt", t."createdAt", t."updatedAt"
      FROM "CaseTask" t ${where} ORDER BY t."dueAt", t."key" LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
    prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "CaseTask" t ${where}`,
  ]);
  return { total, rows };
}

/** The quick filters' counts in one pass over the scope's tasks. */
export async function countTasks(prisma: PrismaClient, scope: TaskScope, me: string, now: Date): Promise<TaskCounts> {
  const soon = new Date(now.getTime() + DUE_SOON_MS);
  const [counts] = await prisma.$queryRaw<TaskCounts[]>`
    SELECT count(*)::int AS "open",
           count(*) FILTER (WHERE t."dueAt" < ${now})::int AS "overdue",
           count(*) FILTER (WHERE t."dueAt" >= ${now} AND t."dueAt" < ${soon})::int AS "dueSoon",
           count(*) FILTER (WHERE t."assigneeId" IS NULL)::int AS "unassigned",
           count(*) FILTER (WHERE t."assigneeId" = ${me})::int AS "mine"
    FROM "CaseTask" t ${whereOf([...inScope(scope), Prisma.sql`t."status" = 'open'`])}`;
  return counts;
}

/** Open and overdue tasks of each of these cases (a case with none is absent). */
export async function openTaskCountsOfCases(prisma: PrismaClient, caseIds: string[], now: Date): Promise<Map<string, { open: number; overdue: number }>> {
  if (caseIds.length === 0) return new Map();
  const rows = await prisma.$queryRaw<{ caseId: string; open: number; overdue: number }[]>`
    SELECT t."caseId", count(*)::int AS "open", count(*) FILTER (WHERE t."dueAt" < ${now})::int AS "overdue"
    FROM "CaseTask" t WHERE t."status" = 'open' AND t."caseId" IN (${Prisma.join(caseIds)}) GROUP BY t."caseId"`;
  return new Map(rows.map((r) => [r.caseId, { open: r.open, overdue: r.overdue }]));
}

export async function taskByKey(prisma: PrismaClient, key: string): Promise<TaskRow | null> {
  return prisma.caseTask.findUnique({ where: { key } });
}

/**
 * Assigns the task (null: to its agency as a whole), only while it is open: a completion racing
 * the assignment wins. The audit row goes in the same transaction, so an assignment is never
 * without its trace. The task as assigned, or null when it was no longer open (nothing written).
 */
export async function assignOpenTask(prisma: PrismaClient, key: string, staffId: string | null, audit: AuditEntry, onlyFrom?: (string | null)[]): Promise<TaskRow | null> {
  return prisma.$transaction(async (tx) => {
    // `onlyFrom`: the assignees it may be taken from (a claim: nobody or me), checked in the same
    // statement, so two staff claiming at once cannot both get it.
    const from = onlyFrom && { OR: onlyFrom.map((assigneeId) => ({ assigneeId })) };
    const { count } = await tx.caseTask.updateMany({ where: { key, status: 'open', ...from }, data: { assigneeId: staffId } });
    if (count === 0) return null;
    const assigned = await tx.caseTask.findUniqueOrThrow({ where: { key } });
    // Last, so the chain's lock is held for this call and the commit only.
    await appendAudit(tx, audit);
    return assigned;
  });
}

/** The provinces in which a campaign has tasks. */
export async function taskProvincesOfCampaign(prisma: PrismaClient, campaignId: string): Promise<string[]> {
  const rows = await prisma.caseTask.findMany({ where: { campaignId }, distinct: ['provinceName'], select: { provinceName: true } });
  return rows.map((r) => r.provinceName);
}

/** A handling plan's measures as a case page shows them: dates as YYYY-MM-DD. */
export async function dispositionsOfCase(prisma: PrismaClient, caseId: string) {
  const rows = await prisma.caseDisposition.findMany({ where: { caseId }, orderBy: [{ dueDate: 'asc' }, { id: 'asc' }] });
  const day = (d: Date | null) => (d === null ? null : d.toISOString().slice(0, 10));
  return rows.map((d) => ({
    id: d.id,
    disposition: d.disposition,
    agencyKind: d.agencyKind,
    dueDate: day(d.dueDate)!,
    status: d.status,
    unfinishedReason: d.unfinishedReason,
    newCompletionDate: day(d.newCompletionDate),
  }));
}
