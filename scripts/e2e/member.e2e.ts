/**
 * A rider's story, end to end: the real H5 build served by the real server, in
 * headless Chromium at a 375 × 812 phone viewport. Staff and the reviewer act
 * through the HTTP API. Every screen passed is saved as a screenshot in
 * scripts/e2e/screenshots/member/.
 *
 * Time: the server's clock is shifted (fake-clock.mjs) so the rider enrols 33
 * days ago; the hospital cover's 30-day waiting period is then over when the
 * claim is made "today". Sessions last 30 days, so the rider logs in again.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { PNG } from 'pngjs'
import jsQR from 'jsqr'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { addDays, chinaDateOf, idCheckCharacter, type Claim, type Enrolment, type OutreachEvent } from '@huzhu/shared'
import { firstScreenJs, kib } from '../lib/bundle-sizes'
import { launchChromium, phoneContext, screenshotter } from './browser'
import { repoRoot, startServer, type RunningServer } from './server-process'

const SMS_CODE = '246810'
const RIDER_PHONE = '13700001234'
const STAFF_PHONE = '13900009999'
const DAY_MS = 86_400_000
const RIDER_ID = '610102199001011231'
const RIDER_ID_WRONG_CHECK = '610102199001011232'

let server: RunningServer
let browser: Browser
let context: BrowserContext
let page: Page
const clockFile = join(mkdtempSync(join(tmpdir(), 'huzhu-clock-')), 'offset')
const shot = screenshotter('member')
const consoleLines: string[] = []

/** The server's clock: `days` from now. */
function setServerClock(days: number) {
  writeFileSync(clockFile, String(days * DAY_MS))
}

// ---- the API, as staff use it -------------------------------------------------

async function call<T>(method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(server.baseUrl + path, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T }
}

async function apiLogin(phone: string): Promise<{ token: string; userId: string }> {
  const sent = await call('POST', '/api/v1/auth/sms-codes', null, { phone })
  expect(sent.status).toBe(204)
  const session = await call<{ token: string; user: { id: string } }>('POST', '/api/v1/auth/sessions', null, { phone, code: SMS_CODE })
  expect(session.status).toBe(200)
  return { token: session.body.token, userId: session.body.user.id }
}

/** An office account with the staff and reviewer roles: made admin by the create-admin CLI, then granting itself the roles. */
async function staffAccount(): Promise<string> {
  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/create-admin.ts', '--phone', STAFF_PHONE], {
    cwd: join(repoRoot, 'server'),
    env: { ...process.env, NODE_ENV: 'test', HUZHU_DATA_DIR: server.dataDir },
    encoding: 'utf8',
  })
  expect(cli.status).toBe(0)
  const admin = await apiLogin(STAFF_PHONE)
  for (const role of ['staff', 'reviewer']) {
    const granted = await call('POST', `/api/v1/users/${admin.userId}/roles`, admin.token, { role })
    expect(granted.status).toBe(201)
  }
  return admin.token
}

// ---- the phone ----------------------------------------------------------------

/** Taro's H5 keeps earlier pages of the stack in the DOM, hidden: act on the page on screen. */
function visible(selector: string) {
  return page.locator(selector).filter({ visible: true }).first()
}

/** Waits for a page's element (Taro's H5 page transition takes about half a second), then a beat for it to settle. */
async function arrive(selector: string) {
  try {
    await visible(selector).waitFor({ state: 'visible', timeout: 20_000 })
  } catch (error) {
    await shot(page, `FAILED-waiting-for-${selector.replace(/[^a-z0-9-]+/gi, '_')}`)
    throw new Error(`${String(error)}\nat ${page.url()}\nbrowser console:\n${consoleLines.slice(-20).join('\n')}`)
  }
  await page.waitForTimeout(600)
}

async function typeInto(id: string, text: string) {
  const input = visible(`#${id} input, input#${id}, #${id} textarea`)
  await input.click()
  await input.fill(text)
}

async function tap(selector: string) {
  await visible(selector).click()
}

async function loginOnPhone(phone = RIDER_PHONE) {
  await arrive('#login-screen')
  await typeInto('login-phone', phone)
  await tap('#login-send-code')
  await visible('#login-send-code').filter({ hasText: '秒后重发' }).waitFor()
  await typeInto('login-code', SMS_CODE)
  await tap('#login-agree .nut-checkbox')
  await shot(page, 'login')
  await tap('#login-submit')
}

/** A small real picture file: a PNG of coloured stripes (the app compresses it to JPEG before upload). */
function photoFile(name: string, hue: number): { name: string; mimeType: string; buffer: Buffer } {
  const png = new PNG({ width: 320, height: 480 })
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (png.width * y + x) << 2
      png.data[i] = (hue + y) % 256
      png.data[i + 1] = (x * 3) % 256
      png.data[i + 2] = ((x + y) * 7) % 256
      png.data[i + 3] = 255
    }
  }
  return { name, mimeType: 'image/png', buffer: PNG.sync.write(png) }
}

/** Reads the QR code drawn on the screen back from a screenshot of it. */
async function readQrOnScreen(selector: string): Promise<string | null> {
  const image = PNG.sync.read(await visible(selector).screenshot())
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null
}

beforeAll(async () => {
  setServerClock(-33)
  server = await startServer({
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${join(__dirname, 'fake-clock.mjs')}`.trim(),
    HUZHU_FAKE_CLOCK_FILE: clockFile,
  })
  browser = await launchChromium()
  context = await phoneContext(browser, server.baseUrl)
  page = await context.newPage()
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`))
  page.on('requestfinished', (r) => void r.response().then((res) => res && res.status() >= 400 && consoleLines.push(`[http] ${r.method()} ${r.url()} ${res.status()}`)))
}, 120_000)

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.stop()
})

describe('a rider, from login to a paid claim', () => {
  let staffToken = ''

  test('the first screen loads at most 300 KB of gzipped JavaScript', async () => {
    const js = await firstScreenJs(page, '/')
    console.log(`H5 first screen: ${js.files.length} JavaScript files, ${kib(js.gzipBytes)} gzipped\n${js.files.map((f) => `  ${f.url.replace(server.baseUrl, '')} ${kib(f.gzipBytes)}`).join('\n')}`)
    expect(js.gzipBytes).toBeLessThanOrEqual(300 * 1024)
  })

  test('logs in with an SMS code, fills in the real-name form, enrols; staff confirm the payment; the card shows the QR code', async () => {
    await page.goto('/')
    await arrive('#home-screen')
    await shot(page, 'home-logged-out')
    await tap('#home-login')
    await loginOnPhone()
    await arrive('#home-no-cover')
    await shot(page, 'home-no-cover')

    await tap('#home-action-enrol')
    await arrive('#plans-screen')
    await visible('#catalogue-shaanxi-gig-2023.is-active').waitFor()
    await tap('#product-ZY .nut-checkbox')
    await visible('#quote-total').waitFor()
    await shot(page, 'plans-quote')
    await tap('#quote-next')

    await arrive('#confirm-plan')
    await shot(page, 'enrol-confirm')
    await tap('#enrol-profile')

    await arrive('#consent-sensitive_personal_info')
    await shot(page, 'consent-sensitive')
    await tap('#consent-sensitive_personal_info-agree')
    await arrive('#real-name-form')
    await typeInto('profile-name', '王小明')
    await typeInto('profile-id', RIDER_ID_WRONG_CHECK)
    await expect(visible('#profile-id-error').textContent()).resolves.toContain('校验不通过')
    await shot(page, 'real-name-wrong-check-character')
    await typeInto('profile-id', RIDER_ID)
    await visible('#profile-id-error').waitFor({ state: 'detached' })
    await typeInto('profile-mobile', RIDER_PHONE)
    await tap('#profile-occupation-food_delivery')
    await typeInto('profile-platform', '美团')
    await tap('#profile-insurance-yes')
    await tap('#profile-union-yes')
    await shot(page, 'real-name-filled')
    await tap('#profile-save')

    await arrive('#enrol-submit')
    await shot(page, 'enrol-ready')
    await tap('#enrol-submit')
    await arrive('#enrol-result')
    await expect(visible('#enrol-result').textContent()).resolves.toContain('待缴费')
    await shot(page, 'enrol-submitted-pending-payment')

    staffToken = await staffAccount()
    const pending = await call<{ enrolments: Enrolment[] }>('GET', '/api/v1/enrolments?status=pending_payment', staffToken)
    expect(pending.status).toBe(200)
    expect(pending.body.enrolments).toHaveLength(1)
    const enrolment = pending.body.enrolments[0]!
    const paid = await call('POST', '/api/v1/payments', staffToken, {
      catalogueId: enrolment.catalogueId, reference: 'E2E-BANK-0001', amountFen: enrolment.premiumFen, enrolmentIds: [enrolment.id],
    })
    expect(paid.status).toBe(201)

    await tap('#enrol-view-card')
    await arrive('#card-qr')
    const payload = await visible('#card-qr').getAttribute('data-payload')
    expect(payload).toMatch(/^HZ1\./)
    expect(await readQrOnScreen('#card-qr')).toBe(payload)
    await shot(page, 'member-card')
  })

  test('a month later: submits a hospitalisation claim with two photos; the reviewer approves, staff pay; the rider sees the payout', async () => {
    setServerClock(0)
    const today = chinaDateOf(new Date())
    const eventDate = addDays(today, -1)

    await page.goto('/claims/new/index')
    await loginOnPhone()
    await arrive('#consent-medical_data')
    await shot(page, 'consent-medical')
    await tap('#consent-medical_data-agree')

    await arrive('#claim-form')
    await visible('#claim-date').fill(eventDate)
    await typeInto('claim-diagnosis', '急性阑尾炎')
    await typeInto('claim-hospital', '西安市第一医院')
    await typeInto('claim-totalCost', '15000')
    await typeInto('claim-pooledOutOfPocket', '8000')
    await typeInto('claim-supplementaryOutOfPocket', '2000')
    await typeInto('claim-hospitalDays', '12')
    await shot(page, 'claim-figures-and-slip')

    // A phone's browser first asks "camera or album" (Taro's action sheet); a desktop one opens the file chooser at once.
    const chooser = page.waitForEvent('filechooser')
    await tap('#claim-add-photos')
    const album = page.getByText('从相册选择')
    await page.waitForTimeout(300)
    if (await album.isVisible()) await album.click()
    await (await chooser).setFiles([photoFile('invoice.png', 20), photoFile('slip.png', 140)])
    await visible('#photo-1-status').filter({ hasText: '已上传' }).waitFor({ timeout: 30_000 })
    await visible('#photo-0-status').filter({ hasText: '已上传' }).waitFor()
    await visible('#claim-photos').scrollIntoViewIfNeeded()
    await shot(page, 'claim-photos-uploaded')
    // The material-type chips: a compact row under each photo, every chip still a 44 px tap target.
    const chipHeights = await page.evaluate(() =>
      Array.from(document.querySelectorAll('#photo-list .photo__kind'))
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => el.getBoundingClientRect().height),
    )
    expect(chipHeights).toHaveLength(14)
    expect(chipHeights.filter((h) => h < 44)).toEqual([])

    await tap('#claim-estimate-button')
    await visible('#claim-estimate-lines-total').waitFor()
    await visible('#claim-estimate').scrollIntoViewIfNeeded()
    await shot(page, 'claim-estimate')
    await tap('#claim-submit')

    await arrive('#claim-detail')
    await expect(visible('#claim-status').textContent()).resolves.toBe('已提交')
    await shot(page, 'claim-submitted')

    staffToken = (await apiLogin(STAFF_PHONE)).token // a month on: a new session
    const queue = await call<{ claims: Claim[] }>('GET', '/api/v1/review/claims', staffToken)
    expect(queue.status).toBe(200)
    const claim = queue.body.claims[0]!
    expect((await call('POST', `/api/v1/claims/${claim.id}/review`, staffToken, {})).status).toBe(200)
    const decided = await call<Claim>('POST', `/api/v1/claims/${claim.id}/decisions`, staffToken, { decision: 'approve' })
    expect(decided.status).toBe(200)
    expect(decided.body.decision?.approvedFen).toBeGreaterThan(0)
    const payout = await call('POST', '/api/v1/claim-payments', staffToken, { payments: [{ claimId: claim.id, reference: 'E2E-PAY-0001' }] })
    expect(payout.status).toBe(201)

    await page.reload()
    await arrive('#claim-payout-lines')
    await expect(visible('#claim-status').textContent()).resolves.toBe('已打款')
    await expect(visible('#claim-paid').textContent()).resolves.toContain('E2E-PAY-0001')
    await expect(visible('#claim-payout-lines-line-0').isVisible()).resolves.toBe(true)
    await expect(visible('#claim-timeline').textContent()).resolves.toMatch(/已提交.*审核中.*已核准.*已打款/)
    await shot(page, 'claim-paid-payout-lines-timeline')

    await page.goto('/')
    await arrive('#home-cover')
    await visible('#home-unread').waitFor()
    await shot(page, 'home-covered-unread')
    await tap('#home-link-messages')
    await arrive('#messages-screen')
    await shot(page, 'messages')
  })

  test('at 320 px wide with large text, nothing is wider than the screen and every button is at least 44 px high', async () => {
    await page.setViewportSize({ width: 320, height: 640 })
    await page.goto('/')
    await arrive('#home-cover')
    await tap('#home-large-text')
    await visible('.large-text').waitFor()
    await shot(page, 'home-320-large-text')
    const tooWide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
    expect(tooWide).toBe(false)

    await page.goto('/claims/list/index')
    await arrive('#claims-list .claim-item')
    await shot(page, 'claims-320-large-text')
    const small = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.nut-button, .choice, .home__action, .link'))
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => el.getBoundingClientRect().height)
        .filter((h) => h < 44),
    )
    expect(small).toEqual([])
  })

  test('without a network the card still shows its QR code, from the copy on the phone', async () => {
    await page.setViewportSize({ width: 375, height: 812 })
    await page.goto('/')
    await arrive('#home-cover')
    // Taro's H5 storage wraps each value: {"data": <what the app stored>}; the app stores the card as JSON text.
    const payload = await page.evaluate(() => {
      const stored = JSON.parse(window.localStorage.getItem('huzhu.card.last') ?? 'null') as { data?: string } | null
      return stored?.data ? (JSON.parse(stored.data) as { certificate: { payload: string } }).certificate.payload : undefined
    })
    expect(payload).toMatch(/^HZ1\./)
    await context.setOffline(true)
    try {
      await tap('#home-action-card')
      await arrive('#card-offline')
      await expect(visible('#card-qr').getAttribute('data-payload')).resolves.toBe(payload)
      expect(await readQrOnScreen('#card-qr')).toBe(payload)
      await shot(page, 'member-card-offline')
    } finally {
      await context.setOffline(false)
    }
  })

  test('a second rider scans an outreach event’s QR code and enrols with the event’s plan and funding', async () => {
    const created = await call<OutreachEvent>('POST', '/api/v1/events', staffToken, {
      name: '骑手健康义诊', place: '西安市雁塔区骑手驿站', date: chinaDateOf(new Date()), unitId: null,
      catalogueId: 'shaanxi-gig-2023', products: ['ZY'], fundingSource: 'union_gift',
    })
    expect(created.status).toBe(201)
    await page.evaluate(() => window.localStorage.clear())
    await page.setViewportSize({ width: 375, height: 812 })

    await page.goto(created.body.link.replace(/^https?:\/\/[^/]+/, ''))
    await arrive('#event-banner')
    await expect(visible('#event-funding').textContent()).resolves.toContain('工会赠送')
    await shot(page, 'event-home')
    await tap('#event-enrol')
    await arrive('#confirm-quote')
    await tap('#enrol-login')
    await loginOnPhone('13700005678')
    await arrive('#enrol-profile')
    await tap('#enrol-profile')
    await tap('#consent-sensitive_personal_info-agree')
    await arrive('#real-name-form')
    const first17 = '61011319950808123'
    await typeInto('profile-name', '李快递')
    await typeInto('profile-id', first17 + idCheckCharacter(first17))
    await typeInto('profile-mobile', '13700005678')
    await tap('#profile-occupation-courier')
    await typeInto('profile-platform', '顺丰')
    await tap('#profile-insurance-yes')
    await tap('#profile-union-yes')
    await tap('#profile-save')
    await arrive('#enrol-submit')
    await tap('#enrol-submit')
    await arrive('#enrol-result')
    await expect(visible('#enrol-result').textContent()).resolves.toContain('工会赠送')
    await shot(page, 'event-enrolled')

    const listed = await call<{ enrolments: Enrolment[] }>('GET', `/api/v1/enrolments?eventId=${created.body.id}`, staffToken)
    expect(listed.body.enrolments.map((e) => [e.eventId, e.fundingSource, e.person.name])).toEqual([[created.body.id, 'union_gift', '李快递']])
    const counted = await call<OutreachEvent>('GET', `/api/v1/events/${created.body.id}`, staffToken)
    expect(counted.body.counts).toMatchObject({ scanned: 1, enrolled: 1 })
  })
})
