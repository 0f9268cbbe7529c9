import type { Page, Response } from 'playwright-core'
import { auditUi, cataloguesUi, hardshipUi, ledgerUi, staffUi, unitsUi, usersUi, type Enrolment } from '@huzhu/shared'
import { firstScreenJs, kib } from '../lib/bundle-sizes'
import { screenshotter } from './browser'
import { answer } from './steps/api'
import { arrive, onScreen, openPhone, readQrOnScreen, smsLogin, tap, typeInto } from './steps/phone'
import { staffWorld } from './steps/world'
import { endpoints, pathOf } from '@huzhu/shared'

/**
 * A new rider enrols, end to end: the real H5 build served by the real server,
 * in headless Chromium at a 375 × 812 phone viewport. The rider logs in with an
 * SMS code, chooses the hospital cover and sees its quote, gives the consent,
 * fills in the real-name form (a wrong ID check character is refused at the
 * field, as it is typed), enrols and sees the payment pending; staff confirm the
 * payment through the API; the card shows a QR code a phone can read back.
 * Every screen passed is saved in scripts/e2e/screenshots/member-enrol/.
 */
const world = staffWorld()
const shot = screenshotter('member-enrol')

const RIDER_PHONE = '13700001234'
const RIDER_ID = '610102199001011231'
const RIDER_ID_WRONG_CHECK = '610102199001011232'

/** The longest text of each message group only staff screens show (users and roles, audit, catalogues, units, ledger, hardship, staff home). */
const textsOf = (group: object): string[] => Object.values(group).flatMap((v) => (typeof v === 'string' ? [v] : typeof v === 'object' && v !== null ? textsOf(v) : []))
const staffOnlyTexts = [usersUi, auditUi, cataloguesUi, unitsUi, ledgerUi, hardshipUi, staffUi].map((group) => textsOf(group).sort((a, b) => b.length - a.length)[0]!)

describe('a new rider, from login to the member card', () => {
  let page: Page

  /** Every JavaScript file the rider's phone downloads in this story. */
  const scripts: Promise<{ url: string; text: string }>[] = []

  beforeAll(async () => {
    page = await openPhone(world.browser, world.base, shot)
    page.on('response', (res: Response) => {
      if (res.url().endsWith('.js')) scripts.push(res.text().then((text) => ({ url: res.url(), text })))
    })
  })

  afterAll(async () => {
    await page?.context().close()
  })

  test('the first screen loads at most 300 KB of gzipped JavaScript', async () => {
    const js = await firstScreenJs(page, '/')
    console.log(`H5 first screen: ${js.files.length} JavaScript files, ${kib(js.gzipBytes)} gzipped\n${js.files.map((f) => `  ${f.url.replace(world.base, '')} ${kib(f.gzipBytes)}`).join('\n')}`)
    expect(js.gzipBytes).toBeLessThanOrEqual(300 * 1024)
  })

  test('logs in with an SMS code, fills in the real-name form, enrols; staff confirm the payment; the card shows the QR code', async () => {
    await page.goto('/')
    await arrive(page, '#home-screen')
    await shot(page, 'home-logged-out')
    await tap(page, '#home-login')
    await smsLogin(page, RIDER_PHONE, shot)
    await arrive(page, '#home-no-cover')
    await shot(page, 'home-no-cover')

    // The plan: the hospital cover of the gig-workers' catalogue, with its live quote.
    await tap(page, '#home-action-enrol')
    await arrive(page, '#plans-screen')
    await onScreen(page, '#catalogue-shaanxi-gig-2023.is-active').waitFor()
    await tap(page, '#product-ZY .nut-checkbox')
    await onScreen(page, '#quote-total').waitFor()
    await shot(page, 'plans-quote')
    await tap(page, '#quote-next')

    await arrive(page, '#confirm-plan')
    await shot(page, 'enrol-confirm')
    await tap(page, '#enrol-profile')

    // The separate consent before an ID number is asked for, then the real-name form.
    await arrive(page, '#consent-sensitive_personal_info')
    await shot(page, 'consent-sensitive')
    await tap(page, '#consent-sensitive_personal_info-agree')
    await arrive(page, '#real-name-form')
    await typeInto(page, 'profile-name', '王小明')
    await typeInto(page, 'profile-id', RIDER_ID_WRONG_CHECK)
    await expect(onScreen(page, '#profile-id-error').textContent()).resolves.toContain('校验不通过')
    await shot(page, 'real-name-wrong-check-character')
    await typeInto(page, 'profile-id', RIDER_ID)
    await onScreen(page, '#profile-id-error').waitFor({ state: 'detached' })
    // The phone just proved by SMS is already there.
    await expect(onScreen(page, '#profile-mobile input').inputValue()).resolves.toBe(RIDER_PHONE)
    await expect(onScreen(page, '#profile-mobile-proven').isVisible()).resolves.toBe(true)

    // Back to the plan to look again, then on to the form: nothing typed is lost (and the ID number was never stored on the phone).
    await page.goBack()
    await arrive(page, '#confirm-plan')
    expect(await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage))).not.toContain(RIDER_ID)
    await tap(page, '#enrol-profile')
    await arrive(page, '#real-name-form')
    await expect(onScreen(page, '#profile-name input').inputValue()).resolves.toBe('王小明')
    await expect(onScreen(page, '#profile-id input').inputValue()).resolves.toBe(RIDER_ID)
    await tap(page, '#profile-occupation-food_delivery')
    await typeInto(page, 'profile-platform', '美团')
    await tap(page, '#profile-insurance-yes')
    await tap(page, '#profile-union-yes')
    await shot(page, 'real-name-filled')
    await tap(page, '#profile-save')

    await arrive(page, '#enrol-submit')
    await shot(page, 'enrol-ready')
    await tap(page, '#enrol-submit')
    await arrive(page, '#enrol-result')
    await expect(onScreen(page, '#enrol-result').textContent()).resolves.toContain('待缴费')
    // The way on is paying, not a card that cannot exist yet: the amount, how, the reference.
    await expect(onScreen(page, '#pending-payment-amount').textContent()).resolves.toBe('¥100.00')
    await expect(page.locator('#enrol-view-card').filter({ visible: true }).count()).resolves.toBe(0)
    await onScreen(page, '#pending-payment').scrollIntoViewIfNeeded()
    await shot(page, 'enrol-submitted-pending-payment')
    await tap(page, '#payment-refresh')
    await onScreen(page, '#pending-payment-still').waitFor()

    // Staff find the enrolment waiting for its premium and confirm the bank transfer.
    const staff = world.office.tokens.staff
    const pending = await answer<{ enrolments: Enrolment[] }>(world.base, 'GET', pathOf(endpoints.enrolments.listEnrolments, {}, { status: 'pending_payment' }), { token: staff })
    expect(pending.status).toBe(200)
    expect(pending.body.enrolments).toHaveLength(1)
    const enrolment = pending.body.enrolments[0]!
    const paid = await answer(world.base, 'POST', pathOf(endpoints.payments.createPayment), {
      token: staff,
      body: { catalogueId: enrolment.catalogueId, reference: 'E2E-BANK-0001', amountFen: enrolment.premiumFen, enrolmentIds: [enrolment.id] },
    })
    expect(paid.status).toBe(201)

    // Paid: one tap to look again, and the card is the way on. Its QR code holds the signed payload, and a phone can read it off the screen.
    await tap(page, '#payment-refresh')
    await arrive(page, '#enrol-view-card')
    await tap(page, '#enrol-view-card')
    await arrive(page, '#card-qr')
    const payload = await onScreen(page, '#card-qr').getAttribute('data-payload')
    expect(payload).toMatch(/^HZ1\./)
    expect(await readQrOnScreen(page, '#card-qr')).toBe(payload)
    await shot(page, 'member-card')
  })

  test('the rider’s phone downloaded none of the staff pages’ code or text', async () => {
    const loaded = await Promise.all(scripts)
    expect(loaded.length).toBeGreaterThan(3)
    expect(loaded.map((s) => s.url).filter((url) => /staff/.test(url))).toEqual([])
    for (const text of staffOnlyTexts) {
      expect(text.length).toBeGreaterThan(10)
      expect(loaded.filter((s) => s.text.includes(text)).map((s) => s.url)).toEqual([])
    }
  })
})
