import type { Agency, PrismaClient, StaffUser } from '@prisma/client';
import type { Principal } from '../domain/access';

/** What a credential's lookup loads of its holder to make a principal. */
export const staffWithAgency = { include: { agency: true } } as const;

export function principalOfStaff(staff: StaffUser & { agency: Agency }, credential: Principal['credential']): Principal {
  return {
    staffId: staff.id,
    name: staff.name,
    email: staff.email,
    role: staff.role,
    agencyKind: staff.agency.kind,
    province: staff.agency.provinceName,
    credential,
  };
}

export function staffMember(prisma: PrismaClient, staffId: string): Promise<StaffUser & { agency: Agency }> {
  return prisma.staffUser.findUniqueOrThrow({ where: { id: staffId }, ...staffWithAgency });
}
