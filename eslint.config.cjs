// CommonJS so the lint test can load the same rules without a dynamic import (jest cannot).
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

// Workflow code is replayed and must make the same decisions every time: no I/O, no clocks, no
// randomness, no database or mail clients. The shared domain module is imported by workflows,
// so it is held to the same rule.
const deterministicImports = {
  paths: [
    { name: '@prisma/client', message: 'Workflows must not touch the database: call an activity.' },
    { name: 'nodemailer', message: 'Workflows must not send mail: call an activity.' },
    { name: 'pg', message: 'Workflows must not touch the database: call an activity.' },
    { name: 'pino', message: 'Use the workflow logger from @temporalio/workflow.' },
    { name: '@temporalio/client', message: 'Use @temporalio/workflow APIs inside workflows.' },
    { name: '@temporalio/worker', message: 'Use @temporalio/workflow APIs inside workflows.' },
    { name: '@temporalio/activity', message: 'Activities run in activities/, not in workflows.' },
  ],
  patterns: [
    { group: ['node:*'], message: 'Node built-ins are not deterministic: call an activity.' },
    {
      regex: '^(fs|path|os|crypto|child_process|http|https|net|dns|timers|worker_threads|cluster|zlib|stream|readline|util)(/.*)?$',
      message: 'Node built-ins are not deterministic: call an activity.',
    },
    { group: ['**/platform/*', '**/platform', '**/api/*', '**/worker/*'], message: 'Side-effecting modules are off limits here.' },
    { group: ['**/activities', '**/activities/*'], allowTypeImports: true, message: 'Import activity types only; call them via proxyActivities.' },
    { group: ['@prisma/*'], message: 'Workflows must not touch the database: call an activity.' },
  ],
};

const nondeterministicCalls = [
  { object: 'Date', property: 'now', message: 'Use workflow time (new Date() in a workflow is replay-safe) or pass the time in.' },
  { object: 'Math', property: 'random', message: 'Not deterministic: use a seeded generator or uuid4() from @temporalio/workflow.' },
  { object: 'process', property: 'env', message: 'Configuration is read in platform/config.ts and passed in.' },
];

// The database is store/'s: api/ hands the client to store/ functions, so each table is written
// from one layer. The client's type may be named (a route's dependencies), never its values.
const databaseMessage = "api/ reads and writes through store/: add or reuse a store function";
const apiDatabaseImports = {
  paths: [
    { name: '@prisma/client', allowTypeImports: true, message: databaseMessage },
    { name: 'pg', message: databaseMessage },
  ],
  patterns: [{ group: ['@prisma/*', '!@prisma/client'], message: databaseMessage }],
};
const apiDatabaseCalls = ['MemberExpression[object.name="prisma"]', 'MemberExpression[object.property.name="prisma"]'].map((selector) => ({
  // Closing the client on shutdown is the entry point's, not a query.
  selector: `${selector}:not([property.name="$disconnect"])`,
  message: databaseMessage,
}));

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', '.tools/**', 'coverage/**', 'scripts/*.mjs', 'tests/support/*.mjs', 'jest.config.js', 'eslint.config.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['workflows/**/*.ts', 'domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', deterministicImports],
      'no-restricted-properties': ['error', ...nondeterministicCalls],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use sleep() from @temporalio/workflow.' },
        { name: 'setInterval', message: 'Use sleep() in a loop from @temporalio/workflow.' },
        { name: 'fetch', message: 'Workflows must not do I/O: call an activity.' },
        { name: 'require', message: 'Use static imports.' },
      ],
    },
  },
  {
    // The demo data is seeded: one seed gives one campaign, on every machine and every run.
    files: ['demo/**/*.ts'],
    rules: { 'no-restricted-properties': ['error', ...nondeterministicCalls] },
  },
  {
    files: ['api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', apiDatabaseImports],
      'no-restricted-syntax': ['error', ...apiDatabaseCalls],
    },
  },
);
