import { createHash } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { canonicalJson } from './canonicalJson';

export interface IdempotentRequest {
  staffId: string;
  /** The kind of request the key belongs to: one key may name one tip and one completion. */
  kind: string;
  key: string;
  /** What the request asks, as the route has read it: target and body. */
  request: unknown;
}

/**
 * Claims a key for a request: true when the key is new or was claimed by this very request before
 * (a retry), false when it was claimed by another. Concurrent first uses race on the primary key:
 * exactly one fingerprint is kept, and the other request learns it lost.
 */
export async function claimIdempotencyKey(prisma: PrismaClient, { staffId, kind, key, request }: IdempotentRequest): Promise<boolean> {
  const fingerprint = createHash('sha256').update(canonicalJson(request)).digest('hex');
  await prisma.idempotencyKey.createMany({ data: [{ staffId, kind, key, fingerprint }], skipDuplicates: true });
  const kept = await prisma.idempotencyKey.findUniqueOrThrow({ where: { staffId_kind_key: { staffId, kind, key } }, select: { fingerprint: true } });
  return kept.fingerprint === fingerprint;
}
