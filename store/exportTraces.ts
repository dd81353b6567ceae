import type { Prisma, PrismaClient } from '@prisma/client';
import type { ExportTrace } from '../domain/trace';

export interface StoredTrace {
  caseId: string;
  campaignId: string;
  province: string;
  exporterCode: string;
  trace: ExportTrace;
  computedAt: Date;
}

/**
 * Idempotent by the exporter's case: a retried activity writes the same row again, and a re-run
 * after new imports replaces the trace with what the archive says now.
 */
export async function saveExportTrace(prisma: PrismaClient, row: Omit<StoredTrace, 'computedAt'>): Promise<void> {
  const trace = row.trace as unknown as Prisma.InputJsonValue;
  await prisma.exportTrace.upsert({
    where: { caseId: row.caseId },
    create: { ...row, trace },
    update: { trace, computedAt: new Date() },
  });
}

export async function exportTraceOf(prisma: PrismaClient, caseId: string): Promise<StoredTrace | undefined> {
  const row = await prisma.exportTrace.findUnique({ where: { caseId } });
  return row ? { ...row, trace: row.trace as unknown as ExportTrace } : undefined;
}
