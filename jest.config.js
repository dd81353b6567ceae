/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // ignoreDynamic keeps `await import()` a real dynamic import: the embedded PostgreSQL
    // binaries package is an ES module.
    '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs', ignoreDynamic: true } }],
  },
  // openid-client and its two dependencies are ES modules only: Node 20.19+ require()s them, jest's own loader cannot.
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose)/)'],
  globalSetup: '<rootDir>/tests/support/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
  testTimeout: 120_000,
  // Two cores: the Temporal server and PostgreSQL need one of them.
  maxWorkers: 2,
};
