import type { PrismaClient, StaffUser } from '@prisma/client';
import { agencyLabels } from '../domain/labels';

/**
 * The administrator an installation starts from: at the MIIT office, or at a province's industry
 * department (which leads the campaign locally) for a provincial administrator. The office is
 * created when the directory does not hold it yet, with the administrator's address as its
 * contact until a directory import gives the real one. Undefined when the email belongs to
 * someone who is not an administrator there: nobody's account is turned into an administrator's.
 */
export async function ensureAdministrator(
  prisma: PrismaClient,
  input: { email: string; name: string; province?: { name: string; code: string }; by: string },
): Promise<{ staff: StaffUser; created: boolean } | undefined> {
  const kind = input.province ? 'industry' : 'miit';
  const agencyId = input.province ? `${input.province.code}-${kind}` : `national-${kind}`;
  return prisma.$transaction(async (tx) => {
    const existing = await tx.staffUser.findFirst({ where: { email: { equals: input.email, mode: 'insensitive' } } });
    if (existing) return existing.role === 'administrator' && !existing.disabledAt ? { staff: existing, created: false } : undefined;
    if (input.province) await tx.province.createMany({ data: [{ name: input.province.name }], skipDuplicates: true });
    const provinceName = input.province?.name ?? null;
    const agency =
      (await tx.agency.findFirst({ where: { kind, provinceName } })) ??
      (await tx.agency.create({ data: { id: agencyId, kind, provinceName, name: `${provinceName ?? ''}${agencyLabels[kind].zh}`, email: input.email, updatedBy: input.by } }));
    const staff = await tx.staffUser.create({
      data: { id: `admin-${agency.id}-${input.email.split('@')[0].replace(/[^A-Za-z0-9._-]/g, '')}`, name: input.name, email: input.email, role: 'administrator', agencyId: agency.id, updatedBy: input.by },
    });
    return { staff, created: true };
  });
}
