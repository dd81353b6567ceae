import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { services } from './services';

export const historiesDir = path.join(__dirname, '..', 'histories');

/**
 * With RECORD_HISTORIES=1, saves a finished workflow's history under tests/histories/ so the
 * replay test keeps checking that today's workflow code can still run it. Record a new history
 * whenever a workflow gains a path worth protecting; never re-record one to make replay pass.
 * The Temporal CLI writes the history in the JSON form that historyFromJSON reads; the file holds
 * `{ workflowId, history }`.
 */
export function recordHistory(name: string, workflowId: string): void {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const { temporalCli, temporalAddress } = services();
  const json = execFileSync(temporalCli, ['workflow', 'show', '--workflow-id', workflowId, '--address', temporalAddress, '--output', 'json'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  fs.mkdirSync(historiesDir, { recursive: true });
  // The workflow id goes with the history: workflows derive keys from it, so replay must use it.
  fs.writeFileSync(path.join(historiesDir, `${name}.json`), `${JSON.stringify({ workflowId, history: JSON.parse(json) as unknown })}\n`);
}
