import type { PrismaClient } from '@prisma/client';
import { tipActivities } from './tips';

export interface ActivityDependencies {
  prisma: PrismaClient;
}

/** All activities the worker registers, bound to their dependencies. */
export function createActivities({ prisma }: ActivityDependencies) {
  return { ...tipActivities(prisma) };
}

export type Activities = ReturnType<typeof createActivities>;
