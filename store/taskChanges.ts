import { Client } from 'pg';
import type { AgencyKind } from '../domain/enums';
import type { TaskStatus } from './tasks';

/**
 * Every write of a task is announced by PostgreSQL itself (the trigger "CaseTask_announce", see the
 * migration inbox_filters_and_indexes) on one channel, whichever process wrote it: a worker's
 * activity or any API process. Each API process listens on one connection of its own while anyone
 * is subscribed, and hands each announcement to its subscribers.
 */
export const TASK_CHANGES_CHANNEL = 'case_task_changes';

export interface TaskChange {
  change: 'created' | 'changed';
  key: string;
  caseId: string;
  province: string;
  agencyKind: AgencyKind;
  status: TaskStatus;
  assigneeId: string | null;
}

export interface TaskChangeSubscriber {
  change(change: TaskChange): void;
  /** The feed's connection failed: the subscriber should end (an EventSource reconnects by itself). */
  lost(): void;
}

export interface TaskChangeFeed {
  /** Resolves once listening, so nothing written after it is missed; the function unsubscribes. */
  subscribe(subscriber: TaskChangeSubscriber): Promise<() => void>;
}

export function taskChangeFeed(databaseUrl: string, onError: (error: unknown) => void): TaskChangeFeed {
  const subscribers = new Set<TaskChangeSubscriber>();
  let listening: Promise<Client> | undefined;

  const drop = (client: Promise<Client>) => {
    if (listening === client) listening = undefined;
    void client.then((c) => c.end()).catch(() => undefined);
  };
  const listen = (): Promise<Client> => {
    const client = new Client({ connectionString: databaseUrl });
    const ready = (async () => {
      await client.connect();
      await client.query(`LISTEN ${TASK_CHANGES_CHANNEL}`);
      return client;
    })();
    client.on('notification', (message) => {
      if (message.channel !== TASK_CHANGES_CHANNEL || !message.payload) return;
      const change = JSON.parse(message.payload) as TaskChange;
      for (const s of subscribers) s.change(change);
    });
    client.on('error', (error) => {
      onError(error);
      drop(ready);
      for (const s of [...subscribers]) s.lost();
      subscribers.clear();
    });
    return ready;
  };

  return {
    async subscribe(subscriber) {
      listening ??= listen();
      const current = listening;
      try {
        await current;
      } catch (error) {
        drop(current);
        throw error;
      }
      subscribers.add(subscriber);
      return () => {
        subscribers.delete(subscriber);
        // The connection is held only while someone listens: an idle API holds none.
        if (subscribers.size === 0 && listening === current) drop(current);
      };
    },
  };
}
