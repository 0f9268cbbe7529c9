/** End-to-end tests: the real H5 build, served by the real server, in Debian's headless Chromium. */
module.exports = {
  ...require('../../jest.preset'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e.ts'],
  // A Content-Security-Policy violation in the browser fails the test it happened in.
  setupFilesAfterEnv: ['<rootDir>/csp-check.ts'],
  testTimeout: 180_000,
  maxWorkers: 1,
}
