import type { RequestHandler } from 'express';
import { unstorableStrings, unstorableTextMessage } from '../domain/storable';
import { HttpError } from './errors';

/**
 * The rule of domain/storable.ts for what no route's schema sees: every path segment and query
 * parameter, and every string of a JSON body (keys included), so that a field a schema takes as
 * unknown, or a route added without care, cannot carry NUL or a lone surrogate to PostgreSQL or
 * Temporal.
 */
function refuse(what: string, paths: (string | number)[][]): never {
  throw new HttpError(400, `invalid ${what}`, paths.map((p) => ({ path: p.join('.'), message: unstorableTextMessage })));
}

export const storableUrl: RequestHandler = (req, _res, next) => {
  // Express decodes parameters the same way when it matches a route; an undecodable one it refuses.
  const segments = req.path.split('/').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  const inPath = unstorableStrings(segments);
  if (inPath.length > 0) refuse('path', [[req.path]]);
  const inQuery = unstorableStrings(req.query);
  if (inQuery.length > 0) refuse('query', inQuery);
  next();
};

export const storableBody: RequestHandler = (req, _res, next) => {
  const found = Buffer.isBuffer(req.body) ? [] : unstorableStrings(req.body);
  if (found.length > 0) refuse('request body', found);
  next();
};
