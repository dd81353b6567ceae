import type { Agency, StaffUser } from '@prisma/client';
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
