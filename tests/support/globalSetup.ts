import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { createLogger } from '../../platform/logger';
import { aptInstall, ensureCommands } from '../../platform/debianPackages';
import { findOrInstallLibreOffice } from '../../platform/libreOffice';
import { startMailSink } from '../../platform/mailSink';
import { applyMigrations } from '../../platform/migrations';
import { migrationsDir } from '../../platform/migrationsDir';
import { startEmbeddedPostgres } from '../../platform/postgres';
import { toolsDir } from '../../platform/projectRoot';
import { findOrInstallTemporalCli } from '../../platform/temporalCli';
import { startTemporalDevServer } from '../../platform/temporalServer';
import { freePort } from '../../platform/freePort';
import { findOrInstallSchemathesis } from './schemathesis';
import { workflowBundleSources } from '../../worker/bundlePath';
import { publishServices } from './services';

/**
 * Starts, once per test run, the real services the integration tests talk to: a Temporal dev
 * server, PostgreSQL and an SMTP server, each on free ports with data in a temporary folder.
 */
export default async function globalSetup(): Promise<void> {
  const log = createLogger('test-setup', process.env.TEST_LOG_LEVEL ?? 'warn');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rare-earth-test-'));
  // PostgreSQL runs as the `postgres` user when we are root: it must be able to enter this folder.
  fs.chmodSync(dir, 0o755);

  const [temporalPort, temporalUiPort, postgresPort, smtpPort, mailHttpPort] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  // LibreOffice, Chromium (browser tests) and poppler (PDF checks) are installed here, once, if
  // missing: an apt install inside a test would outlast its timeout. One after the other, so two
  // apt-get runs never contend for the package lists.
  const [temporalCli, , schemathesisPython] = await Promise.all([
    findOrInstallTemporalCli({ configuredPath: process.env.TEMPORAL_CLI, toolsDir: toolsDir(), log }),
    findOrInstallLibreOffice({ log })
      .then(() => ensureCommands({ chromium: 'chromium', pdftotext: 'poppler-utils', pdftoppm: 'poppler-utils', pdfinfo: 'poppler-utils' }, log))
      // The web inbox's screenshots are in Chinese: without a CJK font Chromium draws boxes.
      .then(() => (fs.existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc') ? undefined : aptInstall(['fonts-noto-cjk'], log))),
    findOrInstallSchemathesis({ toolsDir: toolsDir(), log }),
  ]);
  const temporalDbFile = path.join(dir, 'temporal', 'temporal.db');
  const [temporal, postgres, mail, bundle] = await Promise.all([
    startTemporalDevServer({ cli: temporalCli, dbFile: temporalDbFile, port: temporalPort, uiPort: temporalUiPort, namespace: 'default', log }),
    startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres'), port: postgresPort, log }),
    startMailSink({ dir: path.join(dir, 'mail'), smtpPort, httpPort: mailHttpPort, log }),
    bundleWorkflowCode({ ...workflowBundleSources(), logger: { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} } }),
  ]);
  await applyMigrations(postgres.url, migrationsDir(), log);
  const workflowBundlePath = path.join(dir, 'workflow-bundle.js');
  fs.writeFileSync(workflowBundlePath, bundle.code);

  publishServices({
    databaseUrl: postgres.url,
    temporalAddress: temporal.address,
    temporalUiUrl: temporal.uiUrl!,
    temporalDbFile,
    temporalCli,
    smtpUrl: mail.smtpUrl,
    mailboxUrl: mail.httpUrl,
    workflowBundlePath,
    postgresPort,
    schemathesisPython,
  });
  const running = globalThis as unknown as { __testServices: { stop(): Promise<void> } };
  running.__testServices = {
    async stop() {
      await Promise.allSettled([mail.stop(), temporal.stop(), postgres.stop()]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
