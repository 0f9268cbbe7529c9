/** The scripts' own tests (start-up, the H5 build's settings); the browser stories are the e2e project (e2e/jest.config.js). */
module.exports = {
  ...require('../jest.preset'),
  displayName: 'scripts',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/e2e/'],
}
