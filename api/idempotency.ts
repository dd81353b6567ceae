import type { PrismaClient } from '@prisma/client';
import type { Request } from 'express';
import type { Principal } from '../domain/access';
import { claimIdempotencyKey } from '../store/idempotencyKeys';
import { HttpError, parseOr400 } from './errors';
import { IdempotencyKey } from './operation';

/**
 * The request's `Idempotency-Key`, claimed for what the request asks (undefined without a header).
 * A retry of the same request gets the first result from Temporal, which deduplicates by the key;
 * the key reused for a different request is refused with 422, as the IETF Idempotency-Key draft
 * says, rather than answered with the first request's result.
 */
export async function claimedIdempotencyKey(prisma: PrismaClient, req: Request, me: Principal, kind: string, request: unknown): Promise<string | undefined> {
  const header = req.header('idempotency-key');
  if (header === undefined) return undefined;
  const key = parseOr400(IdempotencyKey, header, 'Idempotency-Key header');
  if (!(await claimIdempotencyKey(prisma, { staffId: me.staffId, kind, key, request }))) {
    throw new HttpError(422, `此 Idempotency-Key 已用于另一个请求 / Idempotency-Key ${key} was already used for a different request: send a new key`);
  }
  return key;
}
