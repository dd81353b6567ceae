import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { signInLabels } from '../domain/labels';
import { principalOf } from './auth';
import { HttpError } from './errors';

export interface RateLimit {
  /** Requests let through per window, per key. */
  limit: number;
  windowMs: number;
}

/** Sign-in and password links are limited per address; imports per user and per address. */
export interface RateLimits {
  signIn: RateLimit;
  imports: RateLimit;
}

export const perMinute = (limit: number): RateLimit => ({ limit, windowMs: 60_000 });

/**
 * Limits kept in this process's memory (express-rate-limit's store): the API runs as one
 * process; several behind a balancer would share a store. A request over the limit answers 429
 * with Retry-After, in the API's error shape.
 */
function limiter(
  name: string,
  { limit, windowMs }: RateLimit,
  keyGenerator?: (res: Parameters<RequestHandler>[1]) => string,
  skip?: (req: Parameters<RequestHandler>[0]) => boolean,
): RequestHandler {
  return rateLimit({
    ...(skip ? { skip } : {}),
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: name,
    ...(keyGenerator ? { keyGenerator: (_req, res) => keyGenerator(res) } : { keyGenerator: (req) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? '') }),
    handler: (_req, _res, next) => next(new HttpError(429, `${signInLabels.tooManyRequests.zh} / ${signInLabels.tooManyRequests.en}`)),
  });
}

/** Per client address: for routes that need no credential. */
export const rateLimited = (limit: RateLimit): RequestHandler => limiter('address', limit);

/** An office behind one address holds several people: its limit is this many people's. */
const PEOPLE_PER_ADDRESS = 4;

/**
 * Per signed-in person, and per address at PEOPLE_PER_ADDRESS times that, for the POSTs under a
 * path (mounted with app.use, so the route itself stays the router's).
 */
export function postsRateLimitedPerUser(limit: RateLimit): RequestHandler[] {
  const posts = (req: Parameters<RequestHandler>[0]) => req.method !== 'POST';
  return [limiter('user', limit, (res) => principalOf(res).staffId, posts), limiter('address', { ...limit, limit: limit.limit * PEOPLE_PER_ADDRESS }, undefined, posts)];
}
