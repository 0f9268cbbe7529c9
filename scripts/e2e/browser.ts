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

/** A phone: 375 × 812, touch, Chinese locale, China time; its CSP violations fail the story (watchCsp). */
export async function phoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return watchCsp(await browser.newContext({
    baseURL,
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  }))
}

const cspViolations: string[] = []

/**
 * Keeps every Content-Security-Policy violation of the context's pages: Chromium's
 * console message, and the page's `securitypolicyviolation` event (a blocked eval
 * that the code catches prints nothing to the console). csp-check.ts fails the
 * test during which one happened.
 */
export async function watchCsp(context: BrowserContext): Promise<BrowserContext> {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`[csp] ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`)
    })
  })
  context.on('console', (message) => {
    const text = message.text()
    if (text.startsWith('[csp] ') || /Content Security Policy/i.test(text)) cspViolations.push(`${message.location().url || message.page()?.url()}: ${text}`)
  })
  return context
}

/** The CSP violations seen since the last call. */
export function takeCspViolations(): string[] {
  return cspViolations.splice(0)
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
