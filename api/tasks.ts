import type { Prisma, PrismaClient } from '@prisma/client';
import type { Client } from '@temporalio/client';
import { Router } from 'express';
import { z } from 'zod';
import { seesTask, actsOnTask } from '../domain/access';
import { InvalidCompletion, parseCompletion } from '../domain/caseWork';
import { completeTaskUpdate } from '../workflows/caseMessages';
import { principalOf } from './auth';
import { HttpError, parseOr400 } from './errors';
import { PageQuery, paged } from './pagination';
import { httpErrorOfUpdate } from './temporalErrors';

const TaskQuery = PageQuery.extend({
  status: z.enum(['open', 'completed', 'cancelled']).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  caseId: z.string().min(1).max(300).optional(),
});

const CompleteBody = z.object({ completion: z.unknown() });
const IdempotencyKey = z.string().trim().min(8).max(100).regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only');

/** Tasks as agency staff see them: their own agency's in their own province, soonest due first. */
export function taskRoutes(deps: { prisma: PrismaClient; temporal: Client }): Router {
  const router = Router();

  router.get('/tasks', async (req, res) => {
    const query = parseOr400(TaskQuery, req.query, 'query');
    const me = principalOf(res);
    const scope: Prisma.CaseTaskWhereInput =
      me.role === 'miitCoordinator'
        ? {}
        : me.role === 'staff' || me.role === 'agencyHead'
          ? { provinceName: me.province!, agencyKind: me.agencyKind }
          : { provinceName: me.province! };
    const now = new Date();
    const where: Prisma.CaseTaskWhereInput = {
      ...scope,
      ...(query.status ? { status: query.status } : {}),
      ...(query.caseId ? { caseId: query.caseId } : {}),
      ...(query.overdue === true ? { status: 'open', dueAt: { lt: now } } : {}),
      ...(query.overdue === false ? { NOT: { status: 'open', dueAt: { lt: now } } } : {}),
    };
    const [total, rows] = await Promise.all([
      deps.prisma.caseTask.count({ where }),
      deps.prisma.caseTask.findMany({ where, orderBy: [{ dueAt: 'asc' }, { key: 'asc' }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
    ]);
    res.json(paged(rows.map((t) => present(t, now)), query, total));
  });

  const visibleTask = async (res: Parameters<typeof principalOf>[0], key: string) => {
    const task = await deps.prisma.caseTask.findUnique({ where: { key } });
    if (!task || !seesTask(principalOf(res), { agencyKind: task.agencyKind, province: task.provinceName })) throw new HttpError(404, 'task not found');
    return task;
  };

  router.get('/tasks/:key', async (req, res) => {
    const task = await visibleTask(res, req.params.key);
    const enterprise = await deps.prisma.enterprise.findUnique({ where: { code: task.enterpriseCode }, select: { code: true, name: true, types: true, provinceName: true } });
    res.json({ ...present(task, new Date()), evidence: task.evidence, completion: task.completion, enterprise });
  });

  router.post('/tasks/:key/complete', async (req, res) => {
    const task = await visibleTask(res, req.params.key);
    const me = principalOf(res);
    if (!actsOnTask(me, { agencyKind: task.agencyKind, province: task.provinceName })) throw new HttpError(403, 'you may not complete this task');
    const { completion } = parseOr400(CompleteBody, req.body, 'request body');
    try {
      parseCompletion(task.kind, completion);
    } catch (error) {
      if (error instanceof InvalidCompletion) throw new HttpError(400, 'invalid completion', error.issues);
      throw error;
    }
    const key = req.header('idempotency-key');
    const updateId = key === undefined ? undefined : `${me.staffId}:${parseOr400(IdempotencyKey, key, 'Idempotency-Key header')}`;
    try {
      // The same update id returns the first result: a retried submission records nothing twice.
      const result = await deps.temporal.workflow
        .getHandle(task.caseId)
        .executeUpdate(completeTaskUpdate, { args: [{ taskKey: task.key, actor: me.email, completion }], ...(updateId ? { updateId } : {}) });
      res.json(result);
    } catch (error) {
      throw httpErrorOfUpdate(error);
    }
  });

  return router;
}

function present(t: { key: string; caseId: string; kind: string; agencyKind: string; provinceName: string; enterpriseCode: string; title: string; dueAt: Date; status: string; completedAt: Date | null; completedBy: string | null; createdAt: Date }, now: Date) {
  return {
    key: t.key,
    caseId: t.caseId,
    kind: t.kind,
    agency: t.agencyKind,
    province: t.provinceName,
    enterpriseCode: t.enterpriseCode,
    title: t.title,
    createdAt: t.createdAt.toISOString(),
    dueAt: t.dueAt.toISOString(),
    status: t.status,
    overdue: t.status === 'open' && t.dueAt < now,
    completedAt: t.completedAt?.toISOString(),
    completedBy: t.completedBy ?? undefined,
  };
}
