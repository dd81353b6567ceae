import type { EnterpriseVersion, PrismaClient } from '@prisma/client';
import type { Enterprise } from '../domain/campaign';
import type { EnterpriseType } from '../domain/enums';
import { saveCampaignRecords } from './saveCampaignRecords';

export interface EnterpriseFilter {
  province?: string;
  type?: EnterpriseType;
  page: number;
  pageSize: number;
}

/** A page of the enterprise register by code, and how many match in all. */
export async function listEnterprises(prisma: PrismaClient, filter: EnterpriseFilter) {
  const where = { ...(filter.province ? { provinceName: filter.province } : {}), ...(filter.type ? { types: { has: filter.type } } : {}) };
  const [total, rows] = await Promise.all([
    prisma.enterprise.count({ where }),
    prisma.enterprise.findMany({
      where,
      orderBy: { code: 'asc' },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
      select: { code: true, name: true, provinceName: true, types: true, currentVersion: true },
    }),
  ]);
  return { total, rows };
}

/** The province an enterprise is on file in; undefined when it is not on file. */
export async function provinceOfEnterprise(prisma: PrismaClient, code: string): Promise<string | undefined> {
  const row = await prisma.enterprise.findUnique({ where: { code }, select: { provinceName: true } });
  return row?.provinceName;
}

/** Who an enterprise is, as a task shows it; null when it is not on file. */
export async function enterpriseSummary(prisma: PrismaClient, code: string) {
  return prisma.enterprise.findUnique({ where: { code }, select: { code: true, name: true, types: true, provinceName: true } });
}

/** What one import said about an enterprise. */
export async function enterpriseVersion(prisma: PrismaClient, code: string, version: number): Promise<EnterpriseVersion | null> {
  return prisma.enterpriseVersion.findUnique({ where: { enterpriseCode_version: { enterpriseCode: code, version } } });
}

/**
 * Puts an enterprise that is not on file into the archive, as an import of its basic block alone
 * would (version 1, an empty archive until the province imports it). One on file, or registered
 * by a request beside this one, is left as the archive has it.
 */
export async function registerEnterprise(prisma: PrismaClient, enterprise: Enterprise, meta: { source: string; actor: string }): Promise<void> {
  if (await provinceOfEnterprise(prisma, enterprise.code)) return;
  try {
    await saveCampaignRecords(prisma, { enterprises: [enterprise] }, meta);
  } catch (error) {
    // The other request's row won the unique code: this one's transaction wrote nothing.
    if (!(await provinceOfEnterprise(prisma, enterprise.code))) throw error;
  }
}
