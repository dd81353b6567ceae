import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { projectRoot } from '../../platform/projectRoot';
import { startHarness, type Harness } from '../support/harness';
import { services } from '../support/services';

const run = promisify(execFile);

/** Kept after the run for a person to look at (ignored by git). */
const ARTEFACTS = path.join(projectRoot(), 'test-artefacts');

/**
 * 422 is how the API answers a request that fits the document but breaks a rule JSON Schema
 * cannot state (phases that overlap, a completion of another kind of task): valid data, refused
 * for a reason the schema documents. Every other expectation is Schemathesis' default.
 */
const SCHEMATHESIS_CONFIG = `
[checks.positive_data_acceptance]
expected-statuses = ["2xx", "401", "403", "404", "409", "422"]
`;

let h: Harness;
let tmp: string;

beforeAll(async () => {
  h = await startHarness('openapi');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-'));
  fs.mkdirSync(ARTEFACTS, { recursive: true });
});

afterAll(async () => {
  await h?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('the document is valid OpenAPI 3.1 (openapi-spec-validator)', async () => {
  const file = path.join(tmp, 'openapi.json');
  fs.writeFileSync(file, await (await fetch(`${h.baseUrl}/openapi.json`)).text());
  const { stdout } = await run(services().schemathesisPython, ['-m', 'openapi_spec_validator', file]);
  expect(stdout).toContain('OK');
});

/**
 * Every phase and every check, against the real API on loopback, with a bounded number of
 * examples per operation so a run stays within a couple of minutes on two cores.
 */
async function schemathesis(who: string, token: string): Promise<{ code: number; output: string }> {
  const config = path.join(tmp, 'schemathesis.toml');
  fs.writeFileSync(config, SCHEMATHESIS_CONFIG);
  const args = [
    '-m', 'schemathesis.cli', '--config-file', config, 'run', `${h.baseUrl}/openapi.json`,
    '--checks', 'all',
    '--phases', 'examples,coverage,fuzzing,stateful',
    '--max-examples', '15',
    '--seed', '16',
    '--workers', '1',
    '--request-timeout', '30',
    '--header', `Authorization: Bearer ${token}`,
    '--report', 'junit', '--report-junit-path', path.join(ARTEFACTS, `schemathesis-${who}.xml`),
    '--output-truncate', 'false',
  ];
  try {
    const { stdout } = await run(services().schemathesisPython, args, { cwd: tmp, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', SCHEMATHESIS_TELEMETRY: 'false' } });
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, output: `${e.stdout ?? ''}\n${e.stderr ?? ''}` };
  }
}

// Both at once: most of a run is waiting on Temporal and PostgreSQL, not on the CPU.
test('Schemathesis finds no failure, as staff and as MIIT', async () => {
  const runs = await Promise.all(
    (
      [
        ['staff', '36-industry-staff'],
        ['miit', 'miit'],
      ] as const
    ).map(async ([who, tokenName]) => {
      const result = await schemathesis(who, h.tokens[tokenName]);
      fs.writeFileSync(path.join(ARTEFACTS, `schemathesis-${who}.txt`), result.output);
      return { who, ...result };
    }),
  );
  // The whole report of a failed run: what failed, and the curl line to reproduce it.
  const failed = runs.filter((r) => r.code !== 0);
  if (failed.length > 0) throw new Error(failed.map((r) => `Schemathesis as ${r.who} exited ${r.code}:\n${r.output}`).join('\n\n'));
  for (const r of runs) expect(r.output).toMatch(/Test cases:\s+\d+ generated, \d+ passed/);
}, 600_000);

test('/docs renders the operations in Chromium', async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${h.baseUrl}/docs`);
    await page.locator('.opblock-summary-path', { hasText: '/tasks/{key}/complete' }).first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(20);
    // Everything comes from this server: the page works offline.
    expect(scripts.sort()).toEqual(['/docs/initializer.js', '/docs/swagger-ui-bundle.js', '/docs/swagger-ui-standalone-preset.js']);
    expect(await page.locator('script:not([src])').count()).toBe(0);
    await page.locator('.opblock-summary-path', { hasText: '/tips' }).first().click();
    await page.locator('.opblock-body .body-param__example, .opblock-body .microlight').first().waitFor();
    await page.screenshot({ path: path.join(ARTEFACTS, 'docs.png'), fullPage: false });
  } finally {
    await browser.close();
  }
});
