import type { PrismaClient } from '@prisma/client';
import { cancelTask, createTask, recordTaskCompletion, type CompletionToRecord, type TaskToCreate } from '../store/tasks';

export type { CompletionToRecord, DispositionToRecord, FindingToRecord, TaskToCreate } from '../store/tasks';

export function taskActivities(prisma: PrismaClient) {
  return {
    async createTask(task: TaskToCreate): Promise<void> {
      await createTask(prisma, task);
    },
    async cancelTask(key: string): Promise<void> {
      await cancelTask(prisma, key);
    },
    async recordTaskCompletion(done: CompletionToRecord): Promise<void> {
      await recordTaskCompletion(prisma, done);
    },
  };
}
