import { z } from 'zod';
import { CasePhase, EnterpriseType } from './enums';
import { identifier, text } from './text';

/**
 * The inbox's filter of tasks, as GET /tasks takes it in its query and as a saved filter keeps it
 * (POST /me/filters): one schema, so a saved filter is always one the list accepts. Query strings
 * carry booleans as "true"/"false", JSON as booleans; both are taken.
 */
export const Flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const TaskStatus = z.enum(['open', 'completed', 'cancelled']);

export const TaskFilter = z.object({
  status: TaskStatus.optional(),
  overdue: Flag.optional().meta({ description: 'open and past due (true), or anything else (false)' }),
  dueFrom: z.iso.datetime({ offset: true }).optional().meta({ description: 'due at or after this instant' }),
  dueBefore: z.iso.datetime({ offset: true }).optional().meta({ description: 'due before this instant' }),
  enterpriseType: EnterpriseType.optional(),
  phase: CasePhase.optional().meta({ description: "the case's phase when the task was issued" }),
  assignee: z
    .union([z.literal('me'), z.literal('unassigned'), identifier(100)])
    .optional()
    .meta({ description: '"me", "unassigned", or a colleague\'s staff id (agency heads and coordinators only)' }),
  q: text(100).optional().meta({ description: "part of the enterprise's name, or the start of its credit code" }),
});
export type TaskFilter = z.infer<typeof TaskFilter>;
