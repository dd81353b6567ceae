import { Prisma, type PrismaClient } from '@prisma/client';

/** Resolves when PostgreSQL answers a query, rejects with the reason when it does not. */
export async function pingDatabase(prisma: PrismaClient): Promise<void> {
  await prisma.$queryRaw`SELECT 1`;
}

// Prisma: can't reach, timed out, operation timed out, connection closed, pool timeout.
const PRISMA_OUTAGE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const ADAPTER_OUTAGE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
// SQLSTATE classes of a server going away: 08 connection exception, 57 operator intervention
// (statement timeout 57014, admin or crash shutdown 57P01/57P02, cannot connect now 57P03).
const POSTGRES_OUTAGE_SQLSTATE = /^(08|57)/;

/** Whether a Prisma error means PostgreSQL is down or not answering in time: a short reason, or undefined. */
export function databaseOutageOf(error: unknown): string | undefined {
  if (error instanceof Prisma.PrismaClientInitializationError) return error.message.trim().split('\n').pop() ?? '';
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const cause = (error.meta?.driverAdapterError as { cause?: { kind?: string; code?: string; message?: string } } | undefined)?.cause;
    if (PRISMA_OUTAGE_CODES.has(error.code) || (cause?.kind && ADAPTER_OUTAGE_KINDS.has(cause.kind))) return cause?.kind ?? error.code;
    if (cause?.kind === 'postgres' && POSTGRES_OUTAGE_SQLSTATE.test(cause.code ?? '')) return cause.message ?? cause.code!;
  }
  return undefined;
}
