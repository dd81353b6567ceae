import type { PrismaClient } from '@prisma/client';
import type { RequestHandler, Response } from 'express';
import type { Principal } from '../domain/access';
import { hashToken, principalForToken } from '../store/directory';
import { HttpError } from './errors';

/** Every route after this needs `Authorization: Bearer <token>` of a staff user. */
export function authenticate(prisma: PrismaClient): RequestHandler {
  return async (req, res, next) => {
    const match = /^Bearer\s+(\S{8,200})$/i.exec(req.header('authorization') ?? '');
    if (!match) throw new HttpError(401, 'a bearer token is required (Authorization: Bearer <token>)');
    const principal = await principalForToken(prisma, match[1]);
    // The audit row of a refused token names it as a known one would be named (never the secret).
    if (!principal) {
      res.locals.presentedCredential = { kind: 'token', id: hashToken(match[1]).slice(0, 16) };
      throw new HttpError(401, 'unknown token');
    }
    res.locals.principal = principal;
    next();
  };
}

export function principalOf(res: Response): Principal {
  return res.locals.principal as Principal;
}
