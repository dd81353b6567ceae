import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { projectRoot } from '../../platform/projectRoot';

/**
 * The lint rules that keep workflow code deterministic, checked on snippets linted as if they sat
 * in workflows/ and domain/. Type-aware rules are switched off here: the snippets are not files of
 * the TypeScript project.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const projectConfig = require('../../eslint.config.cjs') as Linter.Config[];
const eslint = new ESLint({
  cwd: projectRoot(),
  overrideConfigFile: true,
  overrideConfig: [
    ...projectConfig,
    {
      languageOptions: { parserOptions: { projectService: false } },
      rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
    },
  ],
});

async function problems(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(projectRoot(), file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe.each(['workflows/example.ts', 'domain/example.ts'])('lint rules in %s', (file) => {
  test.each([
    ["import fs from 'node:fs';\nexport const x = fs;", 'no-restricted-imports'],
    ["import { readFileSync } from 'fs';\nexport const x = readFileSync;", 'no-restricted-imports'],
    ["import { PrismaClient } from '@prisma/client';\nexport const x = PrismaClient;", 'no-restricted-imports'],
    ["import nodemailer from 'nodemailer';\nexport const x = nodemailer;", 'no-restricted-imports'],
    ["import { config } from '../platform/config';\nexport const x = config;", 'no-restricted-imports'],
    ["import { createActivities } from '../activities';\nexport const x = createActivities;", 'no-restricted-imports'],
    ['export const now = Date.now();', 'no-restricted-properties'],
    ['export const pick = Math.random();', 'no-restricted-properties'],
    ['export const port = process.env.PORT;', 'no-restricted-properties'],
    ['setTimeout(() => undefined, 10);', 'no-restricted-globals'],
  ])('%s is refused', async (code, rule) => {
    expect((await problems(code, file)).some((p) => p.startsWith(`${rule}:`))).toBe(true);
  });

  test('deterministic code and type-only activity imports pass', async () => {
    const code = [
      "import { proxyActivities, sleep } from '@temporalio/workflow';",
      "import type { Activities } from '../activities';",
      "const { recordTip } = proxyActivities<Activities>({ startToCloseTimeout: '1 minute' });",
      'export async function wf(): Promise<void> {',
      "  await sleep('1 day');",
      '  await recordTip({} as never);',
      '}',
    ].join('\n');
    expect(await problems(code, file)).toEqual([]);
  });
});

test('the same imports are fine outside workflows/ and domain/', async () => {
  expect(await problems("import fs from 'node:fs';\nexport const now = Date.now() + fs.constants.F_OK;", 'activities/example.ts')).toEqual([]);
});

describe('lint rules in api/', () => {
  const file = 'api/example.ts';
  test.each([
    ["import { Prisma } from '@prisma/client';\nexport const x = Prisma.sql;", 'no-restricted-imports'],
    ["import type { PrismaClient } from '@prisma/client';\nexport const f = (deps: { prisma: PrismaClient }) => deps.prisma.caseTask.count();", 'no-restricted-syntax'],
    ["import type { PrismaClient } from '@prisma/client';\nexport const f = (prisma: PrismaClient) => prisma.$queryRaw`SELECT 1`;", 'no-restricted-syntax'],
  ])('%s is refused', async (code, rule) => {
    expect((await problems(code, file)).some((p) => p.startsWith(`${rule}:`))).toBe(true);
  });

  test('handing the client to store/ passes', async () => {
    const code = [
      "import type { PrismaClient } from '@prisma/client';",
      "import { taskByKey } from '../store/tasks';",
      "export const f = (deps: { prisma: PrismaClient }) => taskByKey(deps.prisma, 'k');",
    ].join('\n');
    expect(await problems(code, file)).toEqual([]);
  });
});
