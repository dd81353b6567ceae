import type { PrismaClient } from '@prisma/client';
import type { Contacts } from '../domain/case';
import type { AgencyKind } from '../domain/enums';
import type { EmailToSend } from './email';

const reminderStep = '/reminder';

/**
 * The reminder of a task's escalation ladder goes to the task's assignee once one is set, and to the
 * agency's staff, as the workflow addressed it, otherwise. Resolved here, when the email is written,
 * rather than in the workflow: the assignment lives in the database, and running cases replay
 * unchanged. The workflow keys a ladder step's email `<task key>/<step>`. An assignee who has since
 * left the task's agency is passed over for the agency.
 */
export async function addressedToAssignee(prisma: PrismaClient, email: EmailToSend): Promise<EmailToSend> {
  if (!email.key.endsWith(reminderStep)) return email;
  const task = await prisma.caseTask.findUnique({ where: { key: email.key.slice(0, -reminderStep.length) }, select: { assigneeId: true, agencyKind: true, provinceName: true } });
  if (!task?.assigneeId) return email;
  const assignee = await prisma.staffUser.findFirst({
    where: { id: task.assigneeId, role: { in: ['staff', 'agencyHead'] }, agency: { kind: task.agencyKind, provinceName: task.provinceName } },
    select: { email: true },
  });
  return assignee ? { ...email, to: [assignee.email] } : email;
}

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
