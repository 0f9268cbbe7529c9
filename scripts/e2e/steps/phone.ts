import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Browser, Locator, Page } from 'playwright-core'
import { phoneContext } from '../browser'
import { SMS_CODE } from './api'

/**
 * What the member runs do on the rider's phone (375 × 812). Taro's H5 keeps the
 * earlier pages of the stack in the DOM, hidden: every step here acts on the
 * page on screen. A wait that times out saves what the screen showed and says
 * what the browser printed.
 */
type Shot = (page: Page, name: string) => Promise<void>

const watched = new WeakMap<Page, { shot: Shot; lines: string[] }>()

/** A new phone (its own context: storage, network) whose console and failed requests are kept for a failing wait's message. */
export async function openPhone(browser: Browser, base: string, shot: Shot): Promise<Page> {
  const page = await (await phoneContext(browser, base)).newPage()
  const lines: string[] = []
  watched.set(page, { shot, lines })
  page.on('console', (m) => lines.push(`[${m.type()}] ${m.text()}`))
  page.on('requestfinished', (r) => void r.response().then((res) => res && res.status() >= 400 && lines.push(`[http] ${r.method()} ${r.url()} ${res.status()}`)))
  return page
}

/** The element on screen (not a hidden copy on an earlier page). */
export function onScreen(page: Page, selector: string): Locator {
  return page.locator(selector).filter({ visible: true }).first()
}

/** Waits for a page's element (Taro's H5 page transition takes about half a second), then a beat for it to settle. */
export async function arrive(page: Page, selector: string): Promise<void> {
  try {
    await onScreen(page, selector).waitFor({ state: 'visible', timeout: 20_000 })
  } catch (error) {
    const run = watched.get(page)
    await run?.shot(page, `FAILED-waiting-for-${selector.replace(/[^a-z0-9-]+/gi, '_')}`).catch(() => undefined)
    throw new Error(`${String(error)}\nat ${page.url()}\nbrowser console:\n${(run?.lines ?? []).slice(-20).join('\n')}`, { cause: error })
  }
  await page.waitForTimeout(600)
}

/** Types into a Taro Input/Textarea on screen, by id. */
export async function typeInto(page: Page, id: string, text: string): Promise<void> {
  const input = onScreen(page, `#${id} input, input#${id}, #${id} textarea`)
  await input.click()
  await input.fill(text)
}

export async function tap(page: Page, selector: string): Promise<void> {
  await onScreen(page, selector).click()
}

/** The log-in screen: phone, send the code (the button counts down), the code, the privacy box; screenshot `login`; log in. */
export async function smsLogin(page: Page, phone: string, shot: Shot): Promise<void> {
  await arrive(page, '#login-screen')
  await typeInto(page, 'login-phone', phone)
  await tap(page, '#login-send-code')
  await onScreen(page, '#login-send-code').filter({ hasText: '秒后重发' }).waitFor()
  await typeInto(page, 'login-code', SMS_CODE)
  await tap(page, '#login-agree .nut-checkbox')
  await shot(page, 'login')
  await tap(page, '#login-submit')
}

/**
 * Puts a session token where the app keeps it (Taro's H5 storage wraps values as
 * `{data}`), once: unlike screens.signIn, a later log-in on the phone is not overwritten.
 */
export async function keepSession(page: Page, token: string): Promise<void> {
  await page.goto('/')
  await page.evaluate((t) => localStorage.setItem('huzhu.session.token', JSON.stringify({ data: t })), token)
}

/** Reads the QR code drawn on the screen back from a screenshot of it. */
export async function readQrOnScreen(page: Page, selector: string): Promise<string | null> {
  const image = PNG.sync.read(await onScreen(page, selector).screenshot())
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null
}

/** The card's payload as the phone keeps it for offline use (the app stores the card as JSON text inside Taro's `{data}`). */
export function cachedCardPayload(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const stored = JSON.parse(window.localStorage.getItem('huzhu.card.last') ?? 'null') as { data?: string } | null
    return stored?.data ? (JSON.parse(stored.data) as { certificate: { payload: string } }).certificate.payload : undefined
  })
}

/** Heights of the elements on screen matching `selector` (hidden pages left out). */
export function heightsOnScreen(page: Page, selector: string): Promise<number[]> {
  return page.evaluate((s) =>
    Array.from(document.querySelectorAll(s))
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => el.getBoundingClientRect().height), selector)
}

/**
 * Picks photos from the album: a phone's browser first asks "camera or album"
 * (Taro's action sheet); a desktop one opens the file chooser at once.
 */
export async function choosePhotos(page: Page, trigger: string, files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await tap(page, trigger)
  const album = page.getByText('从相册选择')
  await page.waitForTimeout(300)
  if (await album.isVisible()) await album.click()
  await (await chooser).setFiles(files)
}

export interface RowLayout {
  id: string
  label: { top: number; bottom: number; right: number }
  value: { top: number; bottom: number; left: number; right: number }
  rowRight: number
}

/** Where each on-screen row's label and value are drawn (`row`: the rows; `label`, `value`: their parts, by selector inside the row). */
export function rowLayouts(page: Page, row: string, label: string, value: string): Promise<RowLayout[]> {
  return page.evaluate(([r, l, v]) =>
    Array.from(document.querySelectorAll(r!))
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => {
        const a = el.querySelector(l!)!.getBoundingClientRect()
        const b = el.querySelector(v!)!.getBoundingClientRect()
        return {
          id: el.id,
          label: { top: a.top, bottom: a.bottom, right: a.right },
          value: { top: b.top, bottom: b.bottom, left: b.left, right: b.right },
          rowRight: el.getBoundingClientRect().right,
        }
      }), [row, label, value])
}

/** Rows whose value has wrapped away from its label: not on the label's line, not beside it, or past the row's edge. */
export function rowsApart(rows: RowLayout[]): string[] {
  return rows
    .filter((r) => !(r.value.top < r.label.bottom && r.label.top < r.value.bottom && r.value.left >= r.label.right - 1 && r.value.right <= r.rowRight + 1))
    .map((r) => r.id)
}
