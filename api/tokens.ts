import type { ApiToken, PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { z } from 'zod';
import { identifier } from '../domain/text';
import { issueApiToken, listApiTokens, revokeApiToken } from '../store/apiTokens';
import { principalOf } from './auth';
import { auditInTransaction } from './auditNote';
import { HttpError, parseOr400 } from './errors';
import { error, type Operation } from './operation';

/** The longest an API token may live: a machine credential is renewed, not kept forever. */
export const API_TOKEN_MAX_DAYS = 366;

const TokenView = z.object({
  id: z.string(),
  name: z.string(),
  expiresAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
const IssuedToken = TokenView.extend({ token: z.string().meta({ description: 'The bearer token itself: shown this once, never again.' }) });

const TokenRequest = z.object({
  name: z.string().min(1).max(100).regex(/\S/, 'must not be blank').meta({ description: 'What the token is for (the script or machine that holds it).' }),
  expiresInDays: z.number().int().min(1).max(API_TOKEN_MAX_DAYS).default(90),
});

export const tokenOperations = {
  issue: {
    method: 'post',
    path: '/auth/tokens',
    tag: 'sign-in',
    summary: 'Issue an API token to yourself, for a script or machine client; the token is shown once',
    body: { schema: TokenRequest, example: { name: 'nightly annex export', expiresInDays: 30 } },
    responses: { 201: { description: 'the token, with its secret (store it now)', schema: IssuedToken } },
  },
  list: {
    method: 'get',
    path: '/auth/tokens',
    tag: 'sign-in',
    summary: 'Your API tokens (without their secrets), newest first',
    responses: { 200: { description: 'your tokens', schema: z.object({ items: z.array(TokenView) }) } },
  },
  revoke: {
    method: 'post',
    path: '/auth/tokens/:id/revoke',
    tag: 'sign-in',
    summary: 'Revoke one of your API tokens: the next request made with it is refused',
    params: z.object({ id: identifier(100) }),
    responses: { 200: { description: 'the token, revoked', schema: TokenView }, 404: error('no such token of yours') },
  },
} satisfies Record<string, Operation>;

function present(row: ApiToken): z.input<typeof TokenView> {
  return {
    id: row.id,
    name: row.name,
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function tokenRoutes(deps: { prisma: PrismaClient; now: () => Date }): Router {
  const router = Router();

  router.post(tokenOperations.issue.path, async (req, res) => {
    const body = parseOr400(TokenRequest, req.body, 'request body');
    const me = principalOf(res);
    const expiresAt = new Date(deps.now().getTime() + body.expiresInDays * 86_400_000);
    const { row, token } = await issueApiToken(deps.prisma, { staffId: me.staffId, name: body.name, expiresAt, createdBy: me.email }, (created) =>
      auditInTransaction(res, { action: 'token.issue', objectType: 'apiToken', objectId: created.id, after: present(created) }, 201),
    );
    res.status(201).json({ ...present(row), token });
  });

  router.get(tokenOperations.list.path, async (_req, res) => {
    res.json({ items: (await listApiTokens(deps.prisma, principalOf(res).staffId)).map(present) });
  });

  router.post(tokenOperations.revoke.path, async (req, res) => {
    const { id } = parseOr400(tokenOperations.revoke.params, req.params, 'path');
    const revoked = await revokeApiToken(deps.prisma, { staffId: principalOf(res).staffId, id, now: deps.now() }, ({ before, after }) =>
      auditInTransaction(res, { action: 'token.revoke', objectType: 'apiToken', objectId: id, before: { revokedAt: before.revokedAt?.toISOString() ?? null }, after: { revokedAt: after.revokedAt?.toISOString() } }),
    );
    if (!revoked) throw new HttpError(404, 'token not found');
    res.json(present(revoked.after));
  });

  return router;
}
