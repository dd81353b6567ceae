import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { services } from './services';

export const historiesDir = path.join(__dirname, '..', 'histories');

/**
 * Under `npm run histories:record` (RECORD_HISTORIES=1), saves a workflow's history under
 * tests/histories/ so the replay test keeps checking that today's workflow code can still run it.
 * The tests that call this are the scenarios: a workflow path worth protecting gets a test that
 * walks it and records it. Re-record when a scenario changes, never to make replay pass: a
 * history that no longer replays is a running workflow the change would break.
 * Histories in tests/histories/frozen/ were recorded by earlier code (before its patches); no
 * scenario records them again, and they keep the unpatched branches honest. A change behind a new
 * patch moves the histories whose path it changes there before they are re-recorded.
 * The Temporal CLI writes the history in the JSON form that historyFromJSON reads; the file holds
 * `{ workflowId, history }`. `runId` picks one run of a workflow that continued as new.
 */
export function recordHistory(name: string, workflowId: string, runId?: string): void {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const { temporalCli, temporalAddress } = services();
  const json = execFileSync(
    temporalCli,
    ['workflow', 'show', '--workflow-id', workflowId, ...(runId ? ['--run-id', runId] : []), '--address', temporalAddress, '--output', 'json'],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  fs.mkdirSync(historiesDir, { recursive: true });
  // The workflow id goes with the history: workflows derive keys from it, so replay must use it.
  fs.writeFileSync(path.join(historiesDir, `${name}.json`), `${JSON.stringify({ workflowId, history: JSON.parse(json) as unknown })}\n`);
}
