import type { PrismaClient } from '@prisma/client';
import type { StaffRole } from '../domain/access';
import type { AgencyKind } from '../domain/enums';
import { agencyLabels } from '../domain/labels';
import { activateDemoToken } from './apiTokens';

const provincialAgencies: AgencyKind[] = ['industry', 'landResources', 'environment', 'tax', 'customs', 'commerce', 'publicSecurity', 'workSafety', 'disciplineInspection'];

export interface DirectoryEntry {
  staffId: string;
  role: StaffRole;
  agencyKind: AgencyKind;
  province: string | null;
  email: string;
  token: string;
}

/**
 * A demo directory: in every province each agency with a member of staff and a head, a provincial
 * coordinator at the industry department (which leads locally), and a national MIIT coordinator.
 * Tokens are derived from the entry (`demo-<province code>-<agency>-<role>`), so they are stable
 * across restarts and can be printed for people trying the system; never use them in production.
 * They are API tokens that a start with the demo off revokes (store/apiTokens.ts).
 */
export async function seedDemoDirectory(prisma: PrismaClient, provinces: readonly { name: string; code: string }[]): Promise<DirectoryEntry[]> {
  const entries: DirectoryEntry[] = [];
  const audit = { updatedBy: 'demo' };
  const add = async (agency: { id: string; kind: AgencyKind; province: string | null; code: string }, role: StaffRole) => {
    const staffId = `${agency.id}-${role}`;
    const email = `${staffId}@campaign.example`;
    const token = `demo-${agency.code}-${agency.kind}-${role}`;
    await prisma.staffUser.upsert({
      where: { id: staffId },
      create: { id: staffId, name: `${agencyLabels[agency.kind].zh} ${role}`, email, role, agencyId: agency.id, ...audit },
      update: {},
    });
    await activateDemoToken(prisma, staffId, token, new Date());
    entries.push({ staffId, role, agencyKind: agency.kind, province: agency.province, email, token });
  };
  const upsertAgency = async (kind: AgencyKind, province: { name: string; code: string } | null) => {
    const id = province ? `${province.code}-${kind}` : `national-${kind}`;
    const name = province ? `${province.name}${agencyLabels[kind].zh}` : agencyLabels[kind].zh;
    await prisma.agency.upsert({
      where: { id },
      create: { id, kind, provinceName: province?.name ?? null, name, email: `${id}@campaign.example`, ...audit },
      update: {},
    });
    return { id, kind, province: province?.name ?? null, code: province?.code ?? 'national' };
  };

  await prisma.province.createMany({ data: provinces.map((p) => ({ name: p.name })), skipDuplicates: true });
  for (const province of provinces) {
    for (const kind of provincialAgencies) {
      const agency = await upsertAgency(kind, province);
      if (kind === 'disciplineInspection') {
        await add(agency, 'disciplineInspection');
        continue;
      }
      await add(agency, 'staff');
      await add(agency, 'agencyHead');
      if (kind === 'industry') await add(agency, 'provincialCoordinator');
    }
  }
  await add(await upsertAgency('miit', null), 'miitCoordinator');
  return entries;
}

/** Staff by id, with the name and address a task shows; ids the directory does not know are left out. */
export async function staffByIds(prisma: PrismaClient, ids: readonly string[]): Promise<{ id: string; name: string; email: string }[]> {
  if (ids.length === 0) return [];
  return prisma.staffUser.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true, email: true } });
}

/** A member of staff's role and the agency they belong to; null for an unknown id. */
export async function staffMembership(prisma: PrismaClient, staffId: string): Promise<{ role: StaffRole; agencyKind: AgencyKind; province: string | null } | null> {
  // A disabled person is nobody's to assign work to.
  const staff = await prisma.staffUser.findFirst({ where: { id: staffId, disabledAt: null }, select: { role: true, agency: { select: { kind: true, provinceName: true } } } });
  return staff && { role: staff.role, agencyKind: staff.agency.kind, province: staff.agency.provinceName };
}
