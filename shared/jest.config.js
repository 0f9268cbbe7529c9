module.exports = {
  ...require('../jest.preset'),
  displayName: 'shared',
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
}
