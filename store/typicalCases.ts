import type { Prisma, PrismaClient } from '@prisma/client';
import { typicalCaseQuota } from '../domain/catalogue';
import type { DesignatedTypical } from '../reports';
import type { TypicalReasonFact } from '../reports/typical';

export interface TypicalCaseRow {
  enterpriseCode: string;
  province: string;
  reasons: TypicalReasonFact[];
  note?: string;
  designatedBy: string;
  designatedAt: string;
}

function rowOf(r: { enterpriseCode: string; provinceName: string; reasons: Prisma.JsonValue; note: string | null; designatedBy: string; designatedAt: Date }): TypicalCaseRow {
  return {
    enterpriseCode: r.enterpriseCode,
    province: r.provinceName,
    reasons: r.reasons as unknown as TypicalReasonFact[],
    ...(r.note === null ? {} : { note: r.note }),
    designatedBy: r.designatedBy,
    designatedAt: r.designatedAt.toISOString(),
  };
}

export async function typicalCasesOf(prisma: PrismaClient, campaignId: string, province?: string): Promise<TypicalCaseRow[]> {
  const rows = await prisma.typicalCase.findMany({ where: { campaignId, ...(province === undefined ? {} : { provinceName: province }) }, orderBy: [{ provinceName: 'asc' }, { enterpriseCode: 'asc' }] });
  return rows.map(rowOf);
}

/** What the reports read: the designations, by province. */
export async function designatedTypical(prisma: PrismaClient, campaignId: string, province?: string): Promise<Map<string, DesignatedTypical[]>> {
  const byProvince = new Map<string, DesignatedTypical[]>();
  for (const r of await typicalCasesOf(prisma, campaignId, province)) byProvince.set(r.province, [...(byProvince.get(r.province) ?? []), { enterpriseCode: r.enterpriseCode, reasons: r.reasons }]);
  return byProvince;
}

export type DesignationResult = { designated: TypicalCaseRow } | { refused: 'alreadyDesignated' | 'quotaFull' };

/**
 * The quota's upper bound holds under concurrent designations: the count and the insert run in one
 * serializable transaction, so two coordinators designating the fourth at once cannot both succeed.
 */
export async function designateTypicalCase(
  prisma: PrismaClient,
  d: { campaignId: string; province: string; enterpriseCode: string; reasons: TypicalReasonFact[]; note?: string; by: string },
): Promise<DesignationResult> {
  return prisma.$transaction(
    async (tx) => {
      if (await tx.typicalCase.findUnique({ where: { campaignId_enterpriseCode: { campaignId: d.campaignId, enterpriseCode: d.enterpriseCode } } })) return { refused: 'alreadyDesignated' as const };
      if ((await tx.typicalCase.count({ where: { campaignId: d.campaignId, provinceName: d.province } })) >= typicalCaseQuota.max) return { refused: 'quotaFull' as const };
      const row = await tx.typicalCase.create({
        data: { campaignId: d.campaignId, provinceName: d.province, enterpriseCode: d.enterpriseCode, reasons: d.reasons as unknown as Prisma.InputJsonValue, note: d.note ?? null, designatedBy: d.by },
      });
      return { designated: rowOf(row) };
    },
    { isolationLevel: 'Serializable' },
  );
}

/**
 * The coordinator takes a designation back: the row goes, so the quota count, the summary and the
 * month-before warning no longer see it, and the enterprise may be designated again later. The
 * audit trail keeps what it was. Undefined when it was not designated in that province.
 */
export async function withdrawTypicalCase(prisma: PrismaClient, w: { campaignId: string; province: string; enterpriseCode: string }): Promise<TypicalCaseRow | undefined> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.typicalCase.findFirst({ where: { campaignId: w.campaignId, provinceName: w.province, enterpriseCode: w.enterpriseCode } });
    if (!row) return undefined;
    await tx.typicalCase.delete({ where: { campaignId_enterpriseCode: { campaignId: w.campaignId, enterpriseCode: w.enterpriseCode } } });
    return rowOf(row);
  });
}

/** Designated typical cases per province of the campaign, against the quota: what MIIT watches. */
export async function typicalCaseCounts(prisma: PrismaClient, campaignId: string): Promise<{ province: string; designated: number; min: number; max: number; met: boolean }[]> {
  const [provinces, counts] = await Promise.all([
    prisma.campaignProvince.findMany({ where: { campaignId }, select: { provinceName: true }, orderBy: { provinceName: 'asc' } }),
    prisma.typicalCase.groupBy({ by: ['provinceName'], where: { campaignId }, _count: { _all: true } }),
  ]);
  const count = new Map(counts.map((c) => [c.provinceName, c._count._all]));
  return provinces.map(({ provinceName }) => {
    const designated = count.get(provinceName) ?? 0;
    return { province: provinceName, designated, min: typicalCaseQuota.min, max: typicalCaseQuota.max, met: designated >= typicalCaseQuota.min };
  });
}
