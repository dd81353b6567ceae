import type { PrismaClient } from '@prisma/client';
import type { Contacts } from '../domain/case';
import type { StaffRole } from '../domain/access';
import type { AgencyKind } from '../domain/enums';
import type { EmailToSend } from './email';

const reminderStep = '/reminder';

/**
 * The reminder of a task's escalation ladder goes to the task's assignee once one is set, and to the
 * agency's staff, as the workflow addressed it, otherwise. Resolved here, when the email is written,
 * rather than in the workflow: the assignment lives in the database, and running cases replay
 * unchanged. The workflow keys a ladder step's email `<task key>/<step>`. An assignee who has since
 * left the task's agency, or has been disabled, is passed over for the agency.
 */
export async function addressedToAssignee(prisma: PrismaClient, email: EmailToSend): Promise<EmailToSend> {
  if (!email.key.endsWith(reminderStep)) return email;
  const task = await prisma.caseTask.findUnique({ where: { key: email.key.slice(0, -reminderStep.length) }, select: { assigneeId: true, agencyKind: true, provinceName: true } });
  if (!task?.assigneeId) return email;
  const assignee = await prisma.staffUser.findFirst({
    where: { id: task.assigneeId, disabledAt: null, role: { in: ['staff', 'agencyHead'] }, agency: { kind: task.agencyKind, provinceName: task.provinceName } },
    select: { email: true },
  });
  return assignee ? { ...email, to: [assignee.email] } : email;
}

/** The people of one role, or the office's own addresses when the directory names nobody in it. */
function peopleOrOffice(offices: readonly { emails: string[]; staff: { email: string; role: StaffRole }[] }[], role: StaffRole): string[] {
  const people = offices.flatMap((o) => o.staff.filter((s) => s.role === role).map((s) => s.email));
  const addresses = people.length > 0 ? people : offices.flatMap((o) => o.emails);
  return [...new Set(addresses)].sort();
}

export function directoryActivities(prisma: PrismaClient) {
  return {
    /**
     * Who a late coordinators' step (a referral, a tip's triage) escalates to: the province's
     * coordinators in the places of staff and head (MIIT's for a national step), the province's
     * discipline inspection (MIIT's coordinators again for a national step), and MIIT.
     */
    async coordinatorContacts(input: { province: string | null }): Promise<Contacts> {
      const offices = await prisma.agency.findMany({
        where: { OR: [...(input.province ? [{ provinceName: input.province }] : []), { provinceName: null, kind: 'miit' as const }] },
        select: { kind: true, provinceName: true, emails: true, staff: { where: { disabledAt: null }, select: { email: true, role: true } } },
      });
      const national = offices.filter((o) => o.kind === 'miit' && o.provinceName === null);
      const miit = peopleOrOffice(national, 'miitCoordinator');
      if (!input.province) return { staff: miit, head: miit, disciplineInspection: miit, miit };
      const province = offices.filter((o) => o.provinceName === input.province);
      const coordinators = peopleOrOffice(province.filter((o) => o.staff.some((s) => s.role === 'provincialCoordinator')), 'provincialCoordinator');
      return { staff: coordinators, head: coordinators, disciplineInspection: peopleOrOffice(province.filter((o) => o.kind === 'disciplineInspection'), 'disciplineInspection'), miit };
    },
    /**
     * Who escalation emails go to for a task of `agencyKind` in `province`, read from the directory
     * (seeded or imported alike): the agency's staff, its head, the province's discipline-inspection
     * office, MIIT. Disabled people are left out; where nobody active holds the role, the office's
     * own addresses stand in, so an office the directory knows only by its address still hears.
     */
    async contactsFor(input: { province: string; agencyKind: AgencyKind }): Promise<Contacts> {
      const offices = await prisma.agency.findMany({
        where: {
          OR: [
            { provinceName: input.province, kind: { in: [input.agencyKind, 'disciplineInspection'] } },
            { provinceName: null, kind: 'miit' },
          ],
        },
        select: { kind: true, provinceName: true, emails: true, staff: { where: { disabledAt: null }, select: { email: true, role: true } } },
      });
      const agency = offices.filter((o) => o.kind === input.agencyKind && o.provinceName === input.province);
      return {
        staff: peopleOrOffice(agency, 'staff'),
        head: peopleOrOffice(agency, 'agencyHead'),
        disciplineInspection: peopleOrOffice(offices.filter((o) => o.kind === 'disciplineInspection' && o.provinceName === input.province), 'disciplineInspection'),
        miit: peopleOrOffice(offices.filter((o) => o.kind === 'miit' && o.provinceName === null), 'miitCoordinator'),
      };
    },
  };
}
