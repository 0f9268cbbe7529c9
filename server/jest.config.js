module.exports = { ...require('../jest.preset'), displayName: 'server', testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'] }
