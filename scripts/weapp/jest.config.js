/**
 * The WeChat build run headless: miniapp/dist/weapp in a Node vm with a stand-in
 * mini-program runtime (harness/), against the real server over loopback.
 * Run after `npm run build` (`npm run test:weapp`).
 */
module.exports = {
  ...require('../../jest.preset'),
  displayName: 'weapp',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.weapp.ts'],
  testTimeout: 60_000,
}
