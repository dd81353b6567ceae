import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import type { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { assignsTask, claimsTask, completesTask, coordinatesProvince, listedProvince, seesTask, type Principal } from '../domain/access';
import { campaignDay, campaignDueDay, type CampaignTimeBase } from '../domain/campaignClock';
import { AcceptanceCompletion, DispositionCompletion, HandlingPlan, InvalidCompletion, VerificationCompletion, mustStateOf, parseCompletion, transferCompletionShapes } from '../domain/case';
import { DispositionCode } from '../domain/catalogue';
import { AgencyKind, CasePhase } from '../domain/enums';
import { TaskFilter, TaskStatus } from '../domain/taskFilter';
import { agencyLabels } from '../domain/labels';
import { identifier, text } from '../domain/text';
import { campaignClocks } from '../store/campaignClocks';
import { agencyAssignees, staffByIds, staffMembership } from '../store/directory';
import { enterpriseSummary } from '../store/enterprises';
import { assignOpenTask, countTasks, DUE_SOON_MS, listTasks, taskByKey, type TaskCounts, type ListedTask, type TaskScope } from '../store/tasks';
import { cancelTaskUpdate, completeTaskUpdate } from '../workflows/caseMessages';
import { auditInTransaction, type AuditNote } from './auditNote';
import { principalOf } from './auth';
import { HttpError, OutOfScopeError, parseOr400 } from './errors';
import { claimedIdempotencyKey } from './idempotency';
import { IdempotencyHeaders, error, type Operation } from './operation';
import { PageQuery, Paged, paged } from './pagination';
import { httpErrorOfUpdate } from './temporalErrors';

const TaskQuery = PageQuery.extend(TaskFilter.shape).extend({ caseId: identifier(300).optional() });

const CountsView = z
  .object({ open: z.number().int(), overdue: z.number().int(), dueSoon: z.number().int(), unassigned: z.number().int(), mine: z.number().int() })
  .meta({ description: `open tasks in your whole scope: all, overdue, due within ${DUE_SOON_MS / 3_600_000} hours, unassigned, assigned to you` });

/** Which schema applies is the task's kind; the route checks it against the task (422 if it does not fit). */
const CompleteBody = z.object({ completion: z.union([VerificationCompletion, HandlingPlan, DispositionCompletion, AcceptanceCompletion, ...Object.values(transferCompletionShapes)]) });
/** Why the task is withdrawn: it stays in the case's timeline. */
const CancelBody = z.object({ reason: text(500) });
/** null unassigns: the task goes back to the agency as a whole. */
const AssignBody = z.object({ staffId: text(100).nullable() });

const KeyPath = z.object({ key: identifier(300).meta({ description: 'the task key, URL-encoded' }) });

const TaskView = z.object({
  key: z.string(),
  caseId: z.string(),
  campaignId: z.string(),
  kind: z.string(),
  agency: AgencyKind,
  phase: CasePhase.nullable(),
  province: z.string(),
  enterpriseCode: z.string(),
  title: z.string(),
  createdAt: z.iso.datetime(),
  dueAt: z.iso.datetime(),
  /** The campaign dates (China Standard Time) of those instants: on a fast clock they run ahead of the wall. */
  createdOn: z.string(),
  dueOn: z.string(),
  completedOn: z.string().optional(),
  status: TaskStatus,
  overdue: z.boolean(),
  completedAt: z.iso.datetime().optional(),
  completedBy: z.string().optional(),
  assignee: z.object({ staffId: z.string(), name: z.string().optional(), email: z.string().optional() }).nullable(),
});

const TaskDetail = TaskView.extend({
  evidence: z.unknown(),
  completion: z.unknown(),
  enterprise: z.object({ code: z.string(), name: z.string(), types: z.array(z.string()), provinceName: z.string() }).nullable(),
});

const dispositionRequirements = DispositionCode.options.map((code) => `- ${code}: ${mustStateOf(code).map((f) => f.field).join(', ')}`).join('\n');
const notFound = error('no such task in your scope');
const notOpen = error('the task is already completed or cancelled');

export const taskOperations = {
  list: {
    method: 'get',
    path: '/tasks',
    tag: 'tasks',
    summary: 'Tasks in your scope, soonest due first, with the counts of the inbox\'s quick filters',
    query: TaskQuery,
    responses: {
      200: { description: 'a page of tasks', schema: Paged(TaskView).extend({ counts: CountsView }) },
      403: error('staff may filter by their own tasks or unassigned ones, not by a colleague'),
    },
  },
  get: {
    method: 'get',
    path: '/tasks/:key',
    tag: 'tasks',
    summary: 'A task with its evidence and case context',
    params: KeyPath,
    responses: { 200: { description: 'the task', schema: TaskDetail }, 404: notFound },
  },
  complete: {
    method: 'post',
    path: '/tasks/:key/complete',
    tag: 'tasks',
    summary: 'Complete a task; the completion must fit the schema of its kind (verification, handlingPlan, disposition, acceptance, or a step of a transfer to public security)',
    description: `A disposition's completion must state, besides its shape, what its measure requires (the task's evidence lists it as mustState):\n${dispositionRequirements}`,
    params: KeyPath,
    headers: IdempotencyHeaders,
    body: { schema: CompleteBody, example: { completion: { verified: true, findings: [], notes: '现场核查无异常' } } },
    responses: {
      200: { description: 'completed (for a repeated Idempotency-Key, the first result)', schema: z.object({ taskKey: z.string(), completedAt: z.iso.datetime(), completedBy: z.string() }) },
      403: error('you may see but not complete this task (a transfer is approved by the head of its agency alone)'),
      404: notFound,
      409: notOpen,
      422: error("the completion does not fit this task's kind or measure, the Idempotency-Key was used for another request, or the completion could not be recorded (the task is open again)"),
    },
  },
  cancel: {
    method: 'post',
    path: '/tasks/:key/cancel',
    tag: 'tasks',
    summary: 'Withdraw a task issued in error (the provincial coordinator, MIIT): its escalation stops and the case goes on without it',
    params: KeyPath,
    headers: IdempotencyHeaders,
    body: { schema: CancelBody, example: { reason: '任务重复下发' } },
    responses: {
      200: { description: 'cancelled', schema: z.object({ taskKey: z.string(), cancelledAt: z.iso.datetime(), cancelledBy: z.string() }) },
      403: error('you may see but not cancel this task'),
      404: notFound,
      409: notOpen,
      422: error('the Idempotency-Key was used for another request'),
    },
  },
  assign: {
    method: 'post',
    path: '/tasks/:key/assign',
    tag: 'tasks',
    summary: "Assign a task to one of its agency's staff, or unassign it with null (the agency head, the provincial coordinator, MIIT); its reminder then goes to the assignee",
    params: KeyPath,
    body: { schema: AssignBody, example: { staffId: '36-industry-staff' } },
    responses: {
      200: { description: 'the task, with its assignee', schema: TaskView },
      403: error('you may see but not assign this task'),
      404: notFound,
      409: notOpen,
      422: error("the assignee is not staff or the head of the task's agency in its province"),
    },
  },
  claim: {
    method: 'post',
    path: '/tasks/:key/claim',
    tag: 'tasks',
    summary: "Take an unassigned task on yourself (staff and the head of the task's agency); claiming your own again changes nothing",
    params: KeyPath,
    responses: {
      200: { description: 'the task, assigned to you', schema: TaskView },
      403: error('you may see but not claim this task (coordinators assign it instead)'),
      404: notFound,
      409: error('the task is assigned to someone else, or no longer open'),
    },
  },
  release: {
    method: 'post',
    path: '/tasks/:key/release',
    tag: 'tasks',
    summary: 'Hand a task assigned to you back to your agency as a whole (unassigned)',
    params: KeyPath,
    responses: {
      200: { description: 'the task, unassigned', schema: TaskView },
      403: error('you may see but not release this task'),
      404: notFound,
      409: error('the task is not assigned to you, or no longer open'),
    },
  },
  assignees: {
    method: 'get',
    path: '/tasks/:key/assignees',
    tag: 'tasks',
    summary: "Whom the task may be assigned to: the active staff and head of its agency in its province (for those who assign it)",
    params: KeyPath,
    responses: {
      200: { description: 'the people, by name', schema: z.object({ items: z.array(z.object({ staffId: z.string(), name: z.string(), email: z.string(), role: z.enum(['staff', 'agencyHead']) })) }) },
      403: error('you may see but not assign this task'),
      404: notFound,
    },
  },
} satisfies Record<string, Operation>;

interface Assignee {
  staffId: string;
  name: string;
  email: string;
}

/** Tasks as agency staff see them: their own agency's in their own province, soonest due first. */
export function taskRoutes(deps: { prisma: PrismaClient; temporal: Client }): Router {
  const router = Router();

  router.get(taskOperations.list.path, async (req, res) => {
    const query = parseOr400(TaskQuery, req.query, 'query');
    const me = principalOf(res);
    const now = new Date();
    const none: TaskCounts = { open: 0, overdue: 0, dueSoon: 0, unassigned: 0, mine: 0 };
    // Directory administrators administer people, not cases: they see no task.
    if (me.role === 'administrator' || listedProvince(me, undefined) === null) return void res.json({ ...paged([], query, 0), counts: none });
    const scope = taskScopeOf(me);
    if (query.assignee !== undefined && !['me', 'unassigned', me.staffId].includes(query.assignee) && me.role === 'staff') {
      throw new HttpError(403, "staff may filter by their own tasks or unassigned ones, not by a colleague's");
    }
    const [{ total, rows }, counts] = await Promise.all([
      listTasks(deps.prisma, {
        scope,
        status: query.status,
        caseId: query.caseId,
        overdue: query.overdue,
        assignee: query.assignee === undefined ? undefined : query.assignee === 'unassigned' ? 'unassigned' : { staffId: query.assignee === 'me' ? me.staffId : query.assignee },
        dueFrom: query.dueFrom ? new Date(query.dueFrom) : undefined,
        dueBefore: query.dueBefore ? new Date(query.dueBefore) : undefined,
        enterpriseType: query.enterpriseType,
        phase: query.phase,
        text: query.q,
        now,
        page: query.page,
        pageSize: query.pageSize,
      }),
      countTasks(deps.prisma, scope, me.staffId, now),
    ]);
    const [assignees, clocks] = await Promise.all([assigneesOf(rows.map((t) => t.assigneeId)), campaignClocks(deps.prisma, rows.map((t) => t.campaignId))]);
    res.json({ ...paged(rows.map((t) => present(t, now, assignees, clocks)), query, total), counts });
  });

  const assigneesOf = async (ids: (string | null)[]): Promise<Map<string, Assignee>> => {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const staff = await staffByIds(deps.prisma, wanted);
    return new Map(staff.map((s) => [s.id, { staffId: s.id, name: s.name, email: s.email }]));
  };

  const visibleTask = async (res: Parameters<typeof principalOf>[0], params: unknown) => {
    const { key } = parseOr400(KeyPath, params, 'path');
    const task = await taskByKey(deps.prisma, key);
    if (!task) throw new HttpError(404, 'task not found');
    if (!seesTask(principalOf(res), { agencyKind: task.agencyKind, province: task.provinceName })) throw new OutOfScopeError('task not found');
    return task;
  };

  router.get(taskOperations.get.path, async (req, res) => {
    const task = await visibleTask(res, req.params);
    const enterprise = await enterpriseSummary(deps.prisma, task.enterpriseCode);
    const [assignees, clocks] = await Promise.all([assigneesOf([task.assigneeId]), campaignClocks(deps.prisma, [task.campaignId])]);
    res.json({ ...present(task, new Date(), assignees, clocks), evidence: task.evidence, completion: task.completion, enterprise } satisfies z.input<typeof TaskDetail>);
  });

  /**
   * Delivers an update to the task's case. With an Idempotency-Key the update id is the caller's
   * (prefixed per kind of update), and the same id returns the first result: a retried submission
   * records nothing twice. `request` is what the key is claimed for.
   */
  const updateCase = async <Arg, Ret>(req: Request, res: Response, note: AuditNote, caseId: string, update: UpdateDefinition<Ret, [Arg]>, arg: Arg, kind: string, request: unknown): Promise<Ret> => {
    const me = principalOf(res);
    const key = await claimedIdempotencyKey(deps.prisma, req, me, update.name, request);
    // Named here rather than by the SDK, so the audit row can carry it whatever the outcome.
    const updateId = `${me.staffId}:${kind}${key ?? randomUUID()}`;
    res.locals.audit = { ...note, updateId } satisfies AuditNote;
    try {
      return await deps.temporal.workflow.getHandle(caseId).executeUpdate(update, { args: [arg], updateId });
    } catch (error) {
      throw httpErrorOfUpdate(error);
    }
  };
  const taskNote = (task: { key: string; provinceName: string; status: string }, action: string, after: Record<string, unknown>): AuditNote => ({
    action,
    objectType: 'task',
    objectId: task.key,
    province: task.provinceName,
    before: { status: task.status },
    after,
  });

  router.post(taskOperations.complete.path, async (req, res) => {
    const task = await visibleTask(res, req.params);
    const me = principalOf(res);
    if (!completesTask(me, { agencyKind: task.agencyKind, province: task.provinceName, kind: task.kind })) throw new HttpError(403, 'you may not complete this task');
    const { completion } = parseOr400(CompleteBody, req.body, 'completion');
    try {
      parseCompletion(task.kind, completion, task.evidence);
    } catch (error) {
      if (error instanceof InvalidCompletion) throw new HttpError(422, 'invalid completion', error.issues);
      throw error;
    }
    const note = taskNote(task, 'tasks.complete', { status: 'completed', completedBy: me.email });
    res.json(await updateCase(req, res, note, task.caseId, completeTaskUpdate, { taskKey: task.key, actor: me.email, completion }, '', { taskKey: task.key, completion }));
  });

  router.post(taskOperations.cancel.path, async (req, res) => {
    const task = await visibleTask(res, req.params);
    const me = principalOf(res);
    if (!coordinatesProvince(me, task.provinceName)) throw new HttpError(403, 'only the provincial coordinator or MIIT may cancel a task');
    const { reason } = parseOr400(CancelBody, req.body, 'request body');
    const note = taskNote(task, 'tasks.cancel', { status: 'cancelled', reason });
    res.json(await updateCase(req, res, note, task.caseId, cancelTaskUpdate, { taskKey: task.key, actor: me.email, reason }, 'cancel:', { taskKey: task.key, reason }));
  });

  router.post(taskOperations.assign.path, async (req, res) => {
    const task = await visibleTask(res, req.params);
    const scope = { agencyKind: task.agencyKind, province: task.provinceName };
    if (!assignsTask(principalOf(res), scope)) throw new HttpError(403, 'only the head of the agency, the provincial coordinator or MIIT may assign this task');
    const { staffId } = parseOr400(AssignBody, req.body, 'request body');
    if (task.status !== 'open') throw new HttpError(409, `task is ${task.status}: only an open task can be assigned`);
    if (staffId !== null) {
      const assignee = await staffMembership(deps.prisma, staffId);
      const ofTheAgency = assignee && (assignee.role === 'staff' || assignee.role === 'agencyHead') && assignee.agencyKind === task.agencyKind && assignee.province === task.provinceName;
      if (!ofTheAgency) {
        const agency = `${task.provinceName}${agencyLabels[task.agencyKind].zh} (${agencyLabels[task.agencyKind].en})`;
        // One answer whether the id is unknown, disabled or of someone elsewhere: an agency head
        // must not learn from it which staff ids exist in other agencies or provinces.
        throw new HttpError(422, `the assignee must be staff or the head of the task's agency: ${agency}`, [
          { path: 'staffId', message: `${staffId} is not staff or the head of ${agency}` },
        ]);
      }
    }
    const note: AuditNote = { action: 'tasks.assign', objectType: 'task', objectId: task.key, province: task.provinceName, before: { assigneeId: task.assigneeId }, after: { assigneeId: staffId } };
    // Only while open: a completion racing this request wins, and the assignment is refused.
    const assigned = await assignOpenTask(deps.prisma, task.key, staffId, auditInTransaction(res, note));
    if (!assigned) throw new HttpError(409, 'task is no longer open: only an open task can be assigned');
    const [assignees, clocks] = await Promise.all([assigneesOf([assigned.assigneeId]), campaignClocks(deps.prisma, [assigned.campaignId])]);
    res.json(present(assigned, new Date(), assignees, clocks));
  });

  /** Claim and release: the task moves only from the assignees named, checked as it is written. */
  const reassign = async (req: Request, res: Response, action: 'claim' | 'release') => {
    const task = await visibleTask(res, req.params);
    const me = principalOf(res);
    if (!claimsTask(me, { agencyKind: task.agencyKind, province: task.provinceName })) throw new HttpError(403, `only staff or the head of the task's agency may ${action} it`);
    const [to, from]: [string | null, (string | null)[]] = action === 'claim' ? [me.staffId, [null, me.staffId]] : [null, [me.staffId]];
    const refusal = action === 'claim' ? 'task is assigned to someone else or no longer open: it cannot be claimed' : 'task is not assigned to you or no longer open: it cannot be released';
    if (task.status !== 'open' || !from.includes(task.assigneeId)) throw new HttpError(409, refusal);
    const note: AuditNote = { action: `tasks.${action}`, objectType: 'task', objectId: task.key, province: task.provinceName, before: { assigneeId: task.assigneeId }, after: { assigneeId: to } };
    const assigned = await assignOpenTask(deps.prisma, task.key, to, auditInTransaction(res, note), from);
    if (!assigned) throw new HttpError(409, refusal);
    const [assignees, clocks] = await Promise.all([assigneesOf([assigned.assigneeId]), campaignClocks(deps.prisma, [assigned.campaignId])]);
    res.json(present(assigned, new Date(), assignees, clocks));
  };
  router.post(taskOperations.claim.path, (req, res) => reassign(req, res, 'claim'));
  router.post(taskOperations.release.path, (req, res) => reassign(req, res, 'release'));

  router.get(taskOperations.assignees.path, async (req, res) => {
    const task = await visibleTask(res, req.params);
    if (!assignsTask(principalOf(res), { agencyKind: task.agencyKind, province: task.provinceName })) throw new HttpError(403, 'only the head of the agency, the provincial coordinator or MIIT may assign this task');
    const people = await agencyAssignees(deps.prisma, task.agencyKind, task.provinceName);
    res.json({ items: people.map((p) => ({ staffId: p.id, name: p.name, email: p.email, role: p.role })) });
  });

  return router;
}

/** Whose tasks a person sees: staff and heads their agency's in their province, provincial coordinators their province's, MIIT all. */
export function taskScopeOf(me: Principal): TaskScope {
  if (me.role === 'miitCoordinator') return {};
  if (me.role === 'staff' || me.role === 'agencyHead') return { province: me.province!, agencyKind: me.agencyKind };
  return { province: me.province! };
}

/** `dueAt` is the instant; `dueOn` the campaign date it falls due (China Standard Time, campaign time), `createdOn` likewise. */
function present(
  t: ListedTask,
  now: Date,
  assignees: Map<string, Assignee>,
  clocks: Map<string, CampaignTimeBase>,
): z.input<typeof TaskView> {
  const clock = clocks.get(t.campaignId);
  return {
    key: t.key,
    caseId: t.caseId,
    campaignId: t.campaignId,
    kind: t.kind,
    agency: t.agencyKind,
    phase: (t.phase as CasePhase | null) ?? null,
    province: t.provinceName,
    enterpriseCode: t.enterpriseCode,
    title: t.title,
    createdAt: t.createdAt.toISOString(),
    createdOn: campaignDay(clock, t.createdAt),
    dueAt: t.dueAt.toISOString(),
    dueOn: campaignDueDay(clock, t.dueAt),
    status: t.status,
    overdue: t.status === 'open' && t.dueAt < now,
    completedAt: t.completedAt?.toISOString(),
    completedOn: t.completedAt ? campaignDay(clock, t.completedAt) : undefined,
    completedBy: t.completedBy ?? undefined,
    // An id the directory no longer knows is still shown: the task is not unassigned by it.
    assignee: t.assigneeId === null ? null : (assignees.get(t.assigneeId) ?? { staffId: t.assigneeId }),
  };
}
