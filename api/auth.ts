import type { PrismaClient } from '@prisma/client';
import type { RequestHandler, Response } from 'express';
import type { Principal } from '../domain/access';
import { principalForToken } from '../store/directory';
import { HttpError } from './errors';

/** Every route after this needs `Authorization: Bearer <token>` of a staff user. */
export function authenticate(prisma: PrismaClient): RequestHandler {
  return async (req, res, next) => {
    const match = /^Bearer\s+(\S{8,200})$/i.exec(req.header('authorization') ?? '');
    if (!match) throw new HttpError(401, 'a bearer token is required (Authorization: Bearer <token>)');
    const principal = await principalForToken(prisma, match[1]);
    if (!principal) throw new HttpError(401, 'unknown token');
    res.locals.principal = principal;
    next();
  };
}

export function principalOf(res: Response): Principal {
  return res.locals.principal as Principal;
}
