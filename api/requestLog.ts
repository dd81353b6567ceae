import type { RequestHandler } from 'express';
import type { Logger } from '../platform/logger';

/**
 * The User-Agent of the demo's own requests: its campaign start and its simulated staff
 * (scripts/lib/autopilot.ts), who send a request or more every quarter second. At info they would
 * bury the console a newcomer is reading.
 */
export const DEMO_USER_AGENT = 'rare-earth-campaign-demo';

const PROBES = new Set(['/healthz', '/readyz']);

/** One line per request: at info for people's requests, at debug for the demo's own and for health probes. */
export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const routine = req.get('user-agent') === DEMO_USER_AGENT || PROBES.has(req.path);
      log[routine ? 'debug' : 'info']({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) }, 'request');
    });
    next();
  };
}
