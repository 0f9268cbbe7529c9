import { takeCspViolations } from './browser'

/**
 * Run after every end-to-end test: the served H5 app must work under its
 * Content-Security-Policy, so any violation a page reported (browser.ts,
 * watchCsp) fails the test during which it happened.
 */
afterEach(async () => {
  // Console messages reach the test a moment after the page printed them.
  await new Promise((resolve) => setTimeout(resolve, 100))
  const violations = takeCspViolations()
  if (violations.length > 0) throw new Error(`Content-Security-Policy violations:\n${violations.join('\n')}`)
})
