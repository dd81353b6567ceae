import type { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { z } from 'zod';
import { TaskFilter } from '../domain/taskFilter';
import { identifier, text } from '../domain/text';
import { deleteSavedFilter, saveFilter, savedFiltersOf, type SavedFilterRow } from '../store/savedFilters';
import { auditInTransaction } from './auditNote';
import { principalOf } from './auth';
import { HttpError, parseOr400 } from './errors';
import { error, type Operation } from './operation';

/** A person's inbox filters, kept on the server so that they follow them to any device. */

const SavedFilterBody = z.object({ name: text(100), filter: TaskFilter });
const SavedFilterView = z.object({ id: z.string(), name: z.string(), filter: z.record(z.string(), z.unknown()), createdAt: z.iso.datetime() });
const IdPath = z.object({ id: identifier(100) });

export const savedFilterOperations = {
  list: {
    method: 'get',
    path: '/me/filters',
    tag: 'tasks',
    summary: 'Your saved inbox filters, by name',
    responses: { 200: { description: 'the filters', schema: z.object({ items: z.array(SavedFilterView) }) } },
  },
  save: {
    method: 'post',
    path: '/me/filters',
    tag: 'tasks',
    summary: 'Save an inbox filter under a name (the same name again replaces it); the filter takes what GET /tasks does',
    body: { schema: SavedFilterBody, example: { name: '逾期未分配', filter: { status: 'open', overdue: true, assignee: 'unassigned' } } },
    responses: { 200: { description: 'the saved filter', schema: SavedFilterView } },
  },
  delete: {
    method: 'delete',
    path: '/me/filters/:id',
    tag: 'tasks',
    summary: 'Delete one of your saved filters',
    params: IdPath,
    responses: { 204: { description: 'deleted' }, 404: error('you have no saved filter of that id') },
  },
} satisfies Record<string, Operation>;

const view = (f: SavedFilterRow): z.input<typeof SavedFilterView> => ({ id: f.id, name: f.name, filter: f.filter as Record<string, unknown>, createdAt: f.createdAt.toISOString() });

export function savedFilterRoutes(deps: { prisma: PrismaClient }): Router {
  const router = Router();

  router.get(savedFilterOperations.list.path, async (_req, res) => {
    res.json({ items: (await savedFiltersOf(deps.prisma, principalOf(res).staffId)).map(view) });
  });

  router.post(savedFilterOperations.save.path, async (req, res) => {
    // Kept as the person sent it (booleans as JSON booleans), once the list's schema accepts it.
    const body = parseOr400(SavedFilterBody, req.body, 'request body');
    const raw = (req.body as { filter: Record<string, unknown> }).filter;
    const me = principalOf(res);
    const saved = await saveFilter(deps.prisma, me.staffId, body.name, raw, (row) =>
      auditInTransaction(res, { action: 'savedFilters.save', objectType: 'savedFilter', objectId: row.id, after: { name: row.name, filter: raw } }),
    );
    res.json(view(saved));
  });

  router.delete(savedFilterOperations.delete.path, async (req, res) => {
    const { id } = parseOr400(IdPath, req.params, 'path');
    const me = principalOf(res);
    const deleted = await deleteSavedFilter(deps.prisma, me.staffId, id, auditInTransaction(res, { action: 'savedFilters.delete', objectType: 'savedFilter', objectId: id }, 204));
    if (!deleted) throw new HttpError(404, 'saved filter not found');
    res.status(204).end();
  });

  return router;
}
