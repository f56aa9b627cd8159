const { availableParallelism } = require('node:os');
const base = require('./jest.base');

/** Unit tests next to the code, API suites in test/api against a real PostgreSQL. */
module.exports = {
  ...base,
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/api/**/*.spec.ts', '<rootDir>/test/api/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  // Jest's default is one worker on a two-core machine (cores - 1); the API suites wait on PostgreSQL, spawned
  // servers and job polls as much as they compute, so two workers halve a CI run there without starving it.
  maxWorkers: Math.max(2, availableParallelism() - 1),
};
