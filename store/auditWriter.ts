import type { PrismaClient } from '@prisma/client';
import { appendSql, type AuditEntry } from './audit';
import { databaseOutageOf } from './database';

/** Rows one commit takes at most: a burst is cut into commits of a bounded size. */
const BATCH_MAX = 200;

interface Pending {
  entry: AuditEntry;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The process's one writer of audit rows that are not part of a PostgreSQL change (a Temporal
 * update's outcome, a refusal): rows queue, and whatever has queued while the previous commit was
 * under way goes in the next, as one statement (audit_append) that is its own transaction. So the
 * chain's lock is taken once per commit, not once per row, and the writer holds one pooled
 * connection at a time however many requests wait, instead of each waiting for the lock on a
 * connection of its own (which starved the pool under load). `append` resolves once its row has
 * committed. A batch that fails for another reason than an outage is retried row by row, so that
 * one bad row fails only its own request.
 */
export function auditWriter(prisma: PrismaClient): { append(entry: AuditEntry): Promise<void> } {
  const queue: Pending[] = [];
  let writing = false;

  const commit = async (batch: Pending[]) => {
    try {
      await prisma.$executeRaw(appendSql(batch.map((p) => p.entry)));
      batch.forEach((p) => p.resolve());
    } catch (error) {
      if (batch.length === 1 || databaseOutageOf(error) !== undefined) return batch.forEach((p) => p.reject(error));
      for (const one of batch) await commit([one]);
    }
  };

  const drain = async () => {
    writing = true;
    while (queue.length > 0) await commit(queue.splice(0, BATCH_MAX));
    writing = false;
  };

  return {
    append(entry) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ entry, resolve, reject });
        if (!writing) void drain();
      });
    },
  };
}
