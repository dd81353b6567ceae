import type { PrismaClient } from '@prisma/client';
import type { Contacts } from '../domain/caseWork';
import type { AgencyKind } from '../domain/enums';

export function directoryActivities(prisma: PrismaClient) {
  return {
    /** Who escalation emails go to for a task of `agencyKind` in `province`. */
    async contactsFor(input: { province: string; agencyKind: AgencyKind }): Promise<Contacts> {
      const staff = await prisma.staffUser.findMany({
        where: {
          OR: [
            { agency: { provinceName: input.province, kind: { in: [input.agencyKind, 'disciplineInspection'] } } },
            { role: 'miitCoordinator' },
          ],
        },
        select: { email: true, role: true, agency: { select: { kind: true } } },
        orderBy: { email: 'asc' },
      });
      const of = (pred: (s: (typeof staff)[number]) => boolean) => staff.filter(pred).map((s) => s.email);
      return {
        staff: of((s) => s.role === 'staff' && s.agency.kind === input.agencyKind),
        head: of((s) => s.role === 'agencyHead' && s.agency.kind === input.agencyKind),
        disciplineInspection: of((s) => s.role === 'disciplineInspection'),
        miit: of((s) => s.role === 'miitCoordinator'),
      };
    },
  };
}
