const base = require('./jest.base');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  globalSetup: '<rootDir>/test/support/browser-global-setup.ts',
  globalTeardown: '<rootDir>/test/support/browser-global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 120000,
};
