import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Principal } from '../domain/access';
import type { Logger } from '../platform/logger';

/**
 * The User-Agent of the demo's own requests: its campaign start and its simulated staff
 * (scripts/lib/autopilot.ts), who send a request or more every quarter second. At info they would
 * bury the console a newcomer is reading.
 */
export const DEMO_USER_AGENT = 'rare-earth-campaign-demo';

const PROBES = new Set(['/healthz', '/readyz']);

/**
 * One line per request, naming its id and actor: at info for people's requests, at debug for the
 * demo's own and for health probes. The id is the client's `X-Request-Id` when it sent a sane one,
 * else a new one; it is answered back and the audit trail records it.
 */
export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const given = req.get('x-request-id');
    const requestId = given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const routine = req.get('user-agent') === DEMO_USER_AGENT || PROBES.has(req.path);
      const actor = (res.locals.principal as Principal | undefined)?.staffId ?? null;
      log[routine ? 'debug' : 'info']({ requestId, actor, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) }, 'request');
    });
    next();
  };
}
