import { freePort } from '../../platform/freePort';
import { services } from './services';

/**
 * The environment of an `npm start` under test: embedded defaults on free ports, the Temporal CLI
 * the test run already has, and a small demo. Ports are picked right before each start: other
 * test files listen on OS-chosen ports all the time, and one picked minutes earlier may be taken.
 */
export async function stackEnvironment(dataDir: string): Promise<NodeJS.ProcessEnv> {
  const [api, temporal, ui, postgres, smtp, mailbox] = await Promise.all(Array.from({ length: 6 }, freePort));
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: dataDir,
    TEMPORAL_CLI: services().temporalCli,
    API_PORT: String(api),
    TEMPORAL_PORT: String(temporal),
    TEMPORAL_UI_PORT: String(ui),
    EMBEDDED_POSTGRES_PORT: String(postgres),
    MAIL_SINK_SMTP_PORT: String(smtp),
    MAIL_SINK_HTTP_PORT: String(mailbox),
    WORKER_SHUTDOWN_GRACE_S: '5',
    DEMO_ENTERPRISES: '40',
  };
}

/** Whether a process of the stack is still there (signal 0 only asks). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
