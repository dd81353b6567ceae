import { timingSafeEqual } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { parse as parseCookies } from 'cookie';
import type { RequestHandler, Response } from 'express';
import type { Principal } from '../domain/access';
import { signInLabels } from '../domain/labels';
import { principalForApiToken, sha256 } from '../store/apiTokens';
import { sessionForSecret, type SessionLifetime } from '../store/sessions';
import { HttpError } from './errors';

/** The realm every 401 names in its WWW-Authenticate challenge (RFC 6750). */
const REALM = 'rare-earth-campaign';

export function unauthorized(message: string, invalidCredential: boolean): HttpError {
  const challenge = `Bearer realm="${REALM}"${invalidCredential ? ', error="invalid_token"' : ''}`;
  return new HttpError(401, message, undefined, { 'WWW-Authenticate': challenge });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Every route after this needs a credential of a member of staff who is not disabled: an API
 * token (`Authorization: Bearer …`) or the session cookie, with the same scoping. A write made
 * with the cookie must also send the session's CSRF token in X-CSRF-Token: the synchronizer token
 * stored with the session row, since sessions live in PostgreSQL anyway (no second secret, no
 * second cookie, and it dies with its session). A bearer token is never sent by a browser on its
 * own, so it needs none. The answers are nobody else's: no cache keeps them.
 */
export function authenticate(deps: { prisma: PrismaClient; now: () => Date; cookieName: string; session: SessionLifetime }): RequestHandler {
  return async (req, res, next) => {
    const authorization = req.header('authorization');
    const cookie = parseCookies(req.header('cookie') ?? '')[deps.cookieName];
    if (authorization !== undefined || cookie === undefined) {
      const match = /^Bearer\s+(\S{8,200})$/i.exec(authorization ?? '');
      if (!match) throw unauthorized('sign in, or send an API token: Authorization: Bearer <token>', false);
      const principal = await principalForApiToken(deps.prisma, match[1], deps.now());
      if (!principal) {
        // The audit row of a refused credential names it by its hash's prefix, never the secret.
        res.locals.presentedCredential = { kind: 'token', id: sha256(match[1]).slice(0, 16) };
        throw unauthorized('unknown, expired or revoked token', true);
      }
      res.locals.principal = principal;
    } else {
      const found = await sessionForSecret(deps.prisma, cookie, deps.now(), deps.session);
      if (!found) {
        res.locals.presentedCredential = { kind: 'session', id: sha256(cookie).slice(0, 16) };
        throw unauthorized('the session has ended: sign in again', true);
      }
      res.locals.principal = found.principal;
      res.locals.session = found.session;
      if (!SAFE_METHODS.has(req.method) && !sameSecret(req.header('x-csrf-token') ?? '', found.session.csrfToken)) {
        throw new HttpError(403, `${signInLabels.csrf.zh} / ${signInLabels.csrf.en}`);
      }
    }
    res.set('Cache-Control', 'private, no-store');
    next();
  };
}

export function principalOf(res: Response): Principal {
  return res.locals.principal as Principal;
}
