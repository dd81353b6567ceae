import { config } from './config';

/**
 * Child processes of `npm start` run in their own process group (see childProcess.ts). If the
 * supervisor is killed outright it cannot stop them, so each child watches for its parent to
 * disappear and then shuts itself down: no orphans are left running.
 */
export function onParentExit(callback: () => void, intervalMs = 1_000): void {
  const parent = process.ppid;
  if (!config().SUPERVISED) return;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      callback();
    }
  }, intervalMs);
  timer.unref();
}
