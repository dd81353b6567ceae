import { randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient } from '@prisma/client';
import { appendAudit, type AuditEntry } from './audit';

/** Inbox filters people saved under a name; each write goes with its audit row in one transaction. */

export interface SavedFilterRow {
  id: string;
  name: string;
  filter: unknown;
  createdAt: Date;
}

const columns = { id: true, name: true, filter: true, createdAt: true } as const;

export async function savedFiltersOf(prisma: PrismaClient, staffId: string): Promise<SavedFilterRow[]> {
  return prisma.savedFilter.findMany({ where: { staffId }, select: columns, orderBy: { name: 'asc' } });
}

/** Saves the filter under its name, replacing the person's filter of that name if there is one. */
export async function saveFilter(prisma: PrismaClient, staffId: string, name: string, filter: object, audit: (saved: SavedFilterRow) => AuditEntry): Promise<SavedFilterRow> {
  return prisma.$transaction(async (tx) => {
    const value = filter as Prisma.InputJsonValue;
    const saved = await tx.savedFilter.upsert({
      where: { staffId_name: { staffId, name } },
      create: { id: randomUUID(), staffId, name, filter: value },
      update: { filter: value },
      select: columns,
    });
    await appendAudit(tx, audit(saved));
    return saved;
  });
}

/** Deletes one of the person's filters; false when they have none of that id (nothing written). */
export async function deleteSavedFilter(prisma: PrismaClient, staffId: string, id: string, audit: AuditEntry): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.savedFilter.deleteMany({ where: { id, staffId } });
    if (count === 0) return false;
    await appendAudit(tx, audit);
    return true;
  });
}
