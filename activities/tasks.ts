import type { Prisma, PrismaClient } from '@prisma/client';
import type { AgencyKind } from '../domain/enums';

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

const json = (value: unknown) => value as Prisma.InputJsonValue;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function taskActivities(prisma: PrismaClient) {
  return {
    /** Creates the task unless its key exists: a retry after a crash creates no second task. */
    async createTask(task: TaskToCreate): Promise<void> {
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
    },

    async cancelTask(key: string): Promise<void> {
      await prisma.caseTask.updateMany({ where: { key, status: 'open' }, data: { status: 'cancelled' } });
    },

    /**
     * Records a completion with its findings and dispositions in one transaction. The workflow has
     * accepted the completion already; a retry finds the task completed and writes nothing again.
     */
    async recordTaskCompletion(done: CompletionToRecord): Promise<void> {
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
    },
  };
}
