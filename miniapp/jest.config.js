/**
 * Component tests: jest + jsdom + Testing Library. Taro's runtime does not run
 * under jest, so `@tarojs/taro` and `@tarojs/components` are small local
 * stand-ins (test/taro-stub.ts, test/components-stub.tsx); NutUI's component
 * sources are transformed by babel (see babel.config.js: no styles under test).
 */
const path = require('node:path')

const esmPackages = ['@tarojs', '@nutui', 'swiper', 'ssr-window', 'dom7', '@stencil', 'tslib']

module.exports = {
  displayName: 'miniapp',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/**/*.test.ts?(x)'],
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  transform: { '^.+\\.(t|j|mj)sx?$': ['babel-jest', { configFile: path.join(__dirname, 'babel.config.js') }] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/taro-stub.ts',
    '^@tarojs/components$': '<rootDir>/test/components-stub.tsx',
    '\\.(css|scss)$': '<rootDir>/test/style-stub.ts',
    // Every render inside the app's data provider, with a fresh cache (test/testing-library.tsx).
    '^@testing-library/react$': '<rootDir>/test/testing-library.tsx',
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
}
