import type { PrismaClient } from '@prisma/client';
import type { RequestHandler, Response } from 'express';
import type { Principal } from '../domain/access';
import { principalForApiToken } from '../store/apiTokens';
import { HttpError } from './errors';

/** The realm every 401 names in its WWW-Authenticate challenge (RFC 6750). */
const REALM = 'rare-earth-campaign';

export function unauthorized(message: string, invalidCredential: boolean): HttpError {
  const challenge = `Bearer realm="${REALM}"${invalidCredential ? ', error="invalid_token"' : ''}`;
  return new HttpError(401, message, undefined, { 'WWW-Authenticate': challenge });
}

/**
 * Every route after this needs a credential of a member of staff who is not disabled:
 * `Authorization: Bearer <API token>`. Its answers are nobody else's, so no cache keeps them.
 */
export function authenticate(deps: { prisma: PrismaClient; now: () => Date }): RequestHandler {
  return async (req, res, next) => {
    const match = /^Bearer\s+(\S{8,200})$/i.exec(req.header('authorization') ?? '');
    if (!match) throw unauthorized('a bearer token is required (Authorization: Bearer <token>)', false);
    const principal = await principalForApiToken(deps.prisma, match[1], deps.now());
    if (!principal) throw unauthorized('unknown, expired or revoked token', true);
    res.locals.principal = principal;
    res.set('Cache-Control', 'private, no-store');
    next();
  };
}

export function principalOf(res: Response): Principal {
  return res.locals.principal as Principal;
}
