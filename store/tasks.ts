import type { CaseTask, Prisma, PrismaClient } from '@prisma/client';
import type { AgencyKind } from '../domain/enums';
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

export interface TaskFilter {
  /** Whose tasks may be listed: a province, and within it an agency; neither for the whole country. */
  scope: { province?: string; agencyKind?: AgencyKind };
  status?: TaskStatus;
  caseId?: string;
  /** Open and past due (true), or anything else (false). */
  overdue?: boolean;
  assigneeId?: string;
  now: Date;
  page: number;
  pageSize: number;
}

/** A page of tasks, soonest due first, and how many match in all. */
export async function listTasks(prisma: PrismaClient, filter: TaskFilter): Promise<{ total: number; rows: TaskRow[] }> {
  const { scope, now } = filter;
  const where: Prisma.CaseTaskWhereInput = {
    ...(scope.province !== undefined ? { provinceName: scope.province } : {}),
    ...(scope.agencyKind !== undefined ? { agencyKind: scope.agencyKind } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.caseId ? { caseId: filter.caseId } : {}),
    ...(filter.overdue === true ? { status: 'open', dueAt: { lt: now } } : {}),
    ...(filter.overdue === false ? { NOT: { status: 'open', dueAt: { lt: now } } } : {}),
    ...(filter.assigneeId !== undefined ? { assigneeId: filter.assigneeId } : {}),
  };
  const [total, rows] = await Promise.all([
    prisma.caseTask.count({ where }),
    prisma.caseTask.findMany({ where, orderBy: [{ dueAt: 'asc' }, { key: 'asc' }], skip: (filter.page - 1) * filter.pageSize, take: filter.pageSize }),
  ]);
  return { total, rows };
}

export async function taskByKey(prisma: PrismaClient, key: string): Promise<TaskRow | null> {
  return prisma.caseTask.findUnique({ where: { key } });
}

/**
 * Assigns the task (null: to its agency as a whole), only while it is open: a completion racing
 * the assignment wins. The audit row goes in the same transaction, so an assignment is never
 * without its trace. The task as assigned, or null when it was no longer open (nothing written).
 */
export async function assignOpenTask(prisma: PrismaClient, key: string, staffId: string | null, audit: AuditEntry): Promise<TaskRow | null> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.caseTask.updateMany({ where: { key, status: 'open' }, data: { assigneeId: staffId } });
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
