/**
 * What global setup started, handed to every test file through the environment (jest runs test
 * files in worker processes that inherit it).
 */
export interface TestServices {
  databaseUrl: string;
  temporalAddress: string;
  /** The dev server's Web UI, for browser tests of what coordinators see. */
  temporalUiUrl: string;
  temporalDbFile: string;
  temporalCli: string;
  smtpUrl: string;
  mailboxUrl: string;
  workflowBundlePath: string;
  postgresPort: number;
  /** A python with Schemathesis and openapi-spec-validator (tests/support/schemathesis.ts). */
  schemathesisPython: string;
}

const KEY = 'RARE_EARTH_TEST_SERVICES';

export function publishServices(services: TestServices): void {
  process.env[KEY] = JSON.stringify(services);
  process.env.DATABASE_URL = services.databaseUrl;
  process.env.TEMPORAL_ADDRESS = services.temporalAddress;
  process.env.SMTP_URL = services.smtpUrl;
}

export function services(): TestServices {
  const raw = process.env[KEY];
  if (!raw) throw new Error('test services are not running: run the tests through jest (global setup starts them)');
  return JSON.parse(raw) as TestServices;
}
