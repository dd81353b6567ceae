import type { PrismaClient, StaffUser } from '@prisma/client';
import { agencyIdOf } from '../domain/directory';
import { agencyLabels } from '../domain/labels';
import { writeDirectory } from './directory';

/**
 * The administrator an installation starts from: at the MIIT office, or at a province's industry
 * department (which leads the campaign locally) for a provincial administrator. Written through
 * the directory, so it is versioned like any change; the office is created when the directory
 * does not hold it yet, with the administrator's address as its contact until a directory import
 * gives the real one. Undefined when the email belongs to someone who is not an active
 * administrator: nobody's account is turned into an administrator's.
 */
export async function ensureAdministrator(prisma: PrismaClient, input: { email: string; name: string; province?: string; by: string }): Promise<{ staff: StaffUser; created: boolean } | undefined> {
  const existing = await prisma.staffUser.findFirst({ where: { email: { equals: input.email, mode: 'insensitive' } } });
  if (existing) return existing.role === 'administrator' && !existing.disabledAt ? { staff: existing, created: false } : undefined;
  const kind = input.province ? 'industry' : 'miit';
  const province = input.province ?? null;
  const agencyId = agencyIdOf(kind, province);
  const office = await prisma.agency.findUnique({ where: { id: agencyId } });
  const outcome = await writeDirectory(
    prisma,
    {
      agencies: office ? [] : [{ kind, province, name: `${province ?? ''}${agencyLabels[kind].zh}`, emails: [input.email] }],
      staff: [{ name: input.name, email: input.email, mobile: null, agencyId, role: 'administrator', active: true }],
    },
    { source: 'create-admin', actor: input.by },
  );
  return { staff: await prisma.staffUser.findUniqueOrThrow({ where: { id: outcome.staff.ids[0] } }), created: true };
}
