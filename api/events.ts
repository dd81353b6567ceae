import { Router } from 'express';
import { z } from 'zod';
import { seesTask } from '../domain/access';
import type { TaskChangeFeed } from '../store/taskChanges';
import { principalOf } from './auth';
import { error, type Operation } from './operation';

/** How often an idle stream sends a comment, so proxies and load balancers keep it open. */
const HEARTBEAT_MS = 25_000;

const TaskEvent = z.object({
  change: z.enum(['created', 'changed']),
  key: z.string(),
  caseId: z.string(),
  province: z.string(),
  agencyKind: z.string(),
  status: z.enum(['open', 'completed', 'cancelled']),
  assigneeId: z.string().nullable(),
});

export const eventOperations = {
  stream: {
    method: 'get',
    path: '/events',
    tag: 'tasks',
    summary: 'Server-sent events (text/event-stream): an event "task" whenever a task in your scope is created or changes (completed, cancelled, assigned)',
    description: `Each event's data is JSON: ${Object.keys(TaskEvent.shape).join(', ')}. Read the task itself with GET /tasks/{key}. The stream sends a comment every ${HEARTBEAT_MS / 1000} s; reconnect when it ends.`,
    responses: { 200: { description: 'the stream of events', mediaTypes: ['text/event-stream'] }, 503: error('live updates are not available') },
  },
} satisfies Record<string, Operation>;

export function eventRoutes(deps: { taskChanges?: TaskChangeFeed }): Router {
  const router = Router();

  router.get(eventOperations.stream.path, async (req, res) => {
    const me = principalOf(res);
    if (!deps.taskChanges) return void res.status(503).json({ error: 'live updates are not available' });
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      res.end();
    };
    const unsubscribe = await deps.taskChanges.subscribe({
      change(change) {
        if (ended || !seesTask(me, { agencyKind: change.agencyKind, province: change.province })) return;
        res.write(`event: task\ndata: ${JSON.stringify(change satisfies z.input<typeof TaskEvent>)}\n\n`);
      },
      lost: end,
    });
    res.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    // Once subscribed, so a client that waits for this line misses nothing written after it.
    res.write(': listening\n\n');
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      ended = true;
    });
  });

  return router;
}
