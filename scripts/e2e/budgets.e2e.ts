import type { Browser } from 'playwright-core'
import { budgets, firstScreenJs, kib, weappSizes } from '../lib/bundle-sizes'
import { launchChromium, phoneContext, screenshotter } from './browser'
import { startServer, type RunningServer } from './server-process'

/**
 * The mini-app's size budgets, on the builds `npm test` has just made: WeChat
 * refuses a main package over 2 MB (our budget 1.5 MB) and a subpackage over
 * 2 MB; a rider on a weak network gets a first screen of at most 300 KB of
 * gzipped JavaScript.
 */
describe('bundle budgets', () => {
  test('weapp main package ≤ 1.5 MB and every subpackage < 2 MB', () => {
    const sizes = weappSizes()
    console.log(`weapp main ${kib(sizes.mainBytes)}; ${Object.entries(sizes.subpackages).map(([r, b]) => `${r} ${kib(b)}`).join(', ')}`)
    expect(sizes.mainBytes).toBeLessThanOrEqual(budgets.weappMainBytes)
    for (const bytes of Object.values(sizes.subpackages)) expect(bytes).toBeLessThan(budgets.weappSubpackageBytes)
  })

  describe('H5 first screen, served by the real server', () => {
    let server: RunningServer
    let browser: Browser
    beforeAll(async () => {
      server = await startServer()
      browser = await launchChromium()
    })
    afterAll(async () => {
      await browser?.close()
      await server?.stop()
    })

    test('renders in Chinese and loads ≤ 300 KB of gzipped JavaScript', async () => {
      const page = await (await phoneContext(browser, server.baseUrl)).newPage()
      const js = await firstScreenJs(page, '/')
      console.log(`H5 first screen JS: ${js.files.length} files, ${kib(js.gzipBytes)} gzipped`)
      await page.waitForFunction(() => /[\u4e00-\u9fff]/.test(document.body.innerText))
      await screenshotter('budgets')(page, 'first-screen')
      expect(js.files.length).toBeGreaterThan(0)
      expect(js.gzipBytes).toBeLessThanOrEqual(budgets.h5FirstScreenGzipJsBytes)
    })
  })
})
