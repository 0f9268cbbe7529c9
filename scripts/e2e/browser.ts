import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { repoRoot } from './server-process'

/** Debian's Chromium, headless, with nothing that reaches outside this machine (Playwright gives it a fresh profile). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  })
}

/** A phone: 375 × 812, touch, Chinese locale, China time. */
export function phoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
}

export const screenshotDir = join(repoRoot, 'scripts/e2e/screenshots')

/** Saves a screenshot of the screen a test passes, named in the order the run reaches it. */
export function screenshotter(run: string) {
  let n = 0
  const dir = join(screenshotDir, run)
  mkdirSync(dir, { recursive: true })
  return async (page: Page, name: string) => {
    n++
    await page.screenshot({ path: join(dir, `${String(n).padStart(2, '0')}-${name}.png`) })
  }
}
