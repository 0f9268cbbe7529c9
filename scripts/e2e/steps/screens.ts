import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { phoneContext, screenshotDir, watchCsp } from '../browser'
import { SMS_CODE } from './api'

/** What the staff runs do on screen: contexts, waiting, typing, downloads, and the rider's log-in and profile. */

/** A desk screen for the workbench pages (its CSP violations fail the story, as a phone's). */
export async function deskContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return watchCsp(await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }))
}

/** Signs the context in: the token where the app keeps it (Taro's H5 storage wraps values as `{data}`). */
export async function signIn(context: BrowserContext, token: string): Promise<void> {
  await context.addInitScript((t) => localStorage.setItem('huzhu.session.token', JSON.stringify({ data: t })), token)
}

/** A new page on a desk (or a phone) signed in with `token`. */
export async function openAs(browser: Browser, base: string, token: string | null, device: 'desk' | 'phone' = 'desk'): Promise<Page> {
  const context = device === 'desk' ? await deskContext(browser, base) : await phoneContext(browser, base)
  if (token) await signIn(context, token)
  return context.newPage()
}

/** Types into a Taro Input/Textarea by id (H5 renders the native field inside the element that carries the id). */
export async function fill(page: Page, id: string, value: string): Promise<void> {
  await page.locator(`#${id} input, #${id} textarea, input#${id}, textarea#${id}`).first().fill(value)
}

/** Waits for an element; on a timeout, saves what the screen showed instead (screenshots/staff/failed-…). */
export async function visible(page: Page, selector: string, timeout = 20_000): Promise<void> {
  try {
    await page.locator(selector).first().waitFor({ state: 'visible', timeout })
  } catch (error) {
    await page.screenshot({ path: join(screenshotDir, 'staff', `failed-${selector.replace(/[^a-z0-9-]+/gi, '_')}.png`) }).catch(() => undefined)
    throw error
  }
}

/** Waits for Taro's page transition to end before a screenshot; the screenshot shows the top of the page. */
export async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(600)
  await page.evaluate(() => {
    window.scrollTo(0, 0)
    document.querySelectorAll('.taro_page, .taro_router, .staff-page').forEach((element) => element.scrollTo(0, 0))
  })
}

/** Clicks what starts a download; the file's bytes. */
export async function download(page: Page, trigger: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.click(trigger)])
  return readFileSync(await file.path())
}

/** The rider's log-in screen: phone, SMS code, the privacy box ticked. Leaves the filled screen for a screenshot; `submit` sends it. */
export async function fillSmsLogin(page: Page, phone: string): Promise<{ submit: () => Promise<void> }> {
  await visible(page, '#login-screen')
  await fill(page, 'login-phone', phone)
  await page.click('#login-send-code')
  await fill(page, 'login-code', SMS_CODE)
  await page.locator('#login-agree .nut-checkbox').first().click()
  return { submit: () => page.click('#login-submit') }
}

export interface Person {
  name: string
  idNumber: string
  mobile: string
}

/** The real-name form (after the sensitive-data consent, when asked), filled; `save` sends it. */
export async function fillProfile(page: Page, person: Person): Promise<{ save: () => Promise<void> }> {
  const consent = page.locator('#consent-sensitive_personal_info-agree')
  const form = page.locator('#real-name-form')
  await Promise.race([consent.waitFor({ state: 'visible', timeout: 20_000 }), form.waitFor({ state: 'visible', timeout: 20_000 })])
  if (await consent.isVisible()) await consent.click()
  await visible(page, '#real-name-form')
  await page.locator('#field-profile-name input').first().fill(person.name)
  await page.locator('#field-profile-id input').first().fill(person.idNumber)
  await page.locator('#field-profile-mobile input').first().fill(person.mobile)
  await page.click('#profile-occupation-food_delivery')
  await page.locator('#field-profile-platform input').first().fill('美团外卖')
  await page.click('#profile-insurance-yes')
  await page.click('#profile-union-yes')
  return { save: () => page.click('#profile-save') }
}
