import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { chinaDateOf, endpoints, pathOf } from '@huzhu/shared'
import { screenshotter } from './browser'
import { call, CATALOGUE, phones } from './steps/api'
import { idNumber } from './steps/files'
import { fill, fillProfile, fillSmsLogin, openAs, settle, visible } from './steps/screens'
import { staffWorld } from './steps/world'

/**
 * Outreach events, end to end on the real H5 build and server: staff create an
 * event and show its QR code (also printed as a poster); a rider opens the
 * event's link, logs in by SMS, fills in the real-name form and enrols; the
 * enrolment counts for the event; staff confirm its payment.
 */
const world = staffWorld()
const shot = screenshotter('staff/events')

describe('staff: an outreach event and a rider who enrols through it', () => {
  let eventId = ''
  let eventPath = ''

  test('staff create an outreach event: a QR code a phone can read, its link, a scene within 32 characters, a poster', async () => {
    const page = await openAs(world.browser, world.base, world.office.tokens.staff)
    await page.goto('/staff/index/index')
    await visible(page, '#staff-entry-events')
    await settle(page)
    await shot(page, 'staff-home')

    await page.click('#staff-entry-events')
    await visible(page, '#new-event-form')
    await fill(page, 'new-event-name', '雁塔区外卖骑手宣讲会')
    await fill(page, 'new-event-place', '小寨站点')
    await fill(page, 'new-event-date', chinaDateOf(new Date()))
    await page.click(`#new-event-unit-${world.office.unitId}`)
    await page.click(`#new-event-catalogue-${CATALOGUE}`)
    await page.click('#new-event-product-ZY')
    await page.click('#new-event-funding-union_gift')
    // A gift has a budget: how many riders, on which days (the products are the suggested ones).
    await fill(page, 'new-event-gift-limit', '50')
    await settle(page)
    await shot(page, 'event-form')
    await page.click('#new-event-submit')

    await visible(page, '#event-qr')
    const link = (await page.locator('#event-link').innerText()).trim()
    expect((await page.locator('#event-scene').innerText()).trim().length).toBeLessThanOrEqual(32)
    const url = new URL(link, world.base)
    eventPath = url.pathname + url.search
    eventId = new URL(page.url()).searchParams.get('id') ?? ''
    expect(eventId).not.toBe('')
    // The QR code on the page holds the event link, and a phone can read it off the screen.
    expect(await page.locator('#event-qr').getAttribute('data-qr-text')).toBe(link)
    const qr = PNG.sync.read(await page.locator('#event-qr').screenshot())
    expect(jsQR(Uint8ClampedArray.from(qr.data), qr.width, qr.height)?.data).toBe(link)
    await settle(page)
    await shot(page, 'event-page')
    await page.emulateMedia({ media: 'print' })
    await shot(page, 'event-poster-print')
    await page.context().close()
  })

  test('a rider opens the event link, logs in by SMS, fills the profile, enrols: the enrolment counts for the event', async () => {
    const page = await openAs(world.browser, world.base, null, 'phone')
    await page.goto(eventPath)
    await visible(page, '#event-banner')
    await settle(page)
    await shot(page, 'rider-event-landing')
    await page.click('#event-enrol')

    await visible(page, '#enrol-login')
    await page.click('#enrol-login')
    const login = await fillSmsLogin(page, phones.rider)
    await settle(page)
    await shot(page, 'rider-login')
    await login.submit()

    await visible(page, '#enrol-profile')
    await page.click('#enrol-profile')
    const profile = await fillProfile(page, { name: '王小明', idNumber: idNumber('1995-03-08', 13), mobile: phones.rider })
    await settle(page)
    await shot(page, 'rider-profile')
    await profile.save()

    await visible(page, '#enrol-submit')
    await settle(page)
    await shot(page, 'rider-confirm')
    await page.click('#enrol-submit')
    await visible(page, '#enrol-submitted')
    await settle(page)
    await shot(page, 'rider-enrolled')
    await page.context().close()

    // Attributed to the event, funded as the event says, and the staff's event page counts it (it polls every few seconds).
    const listed = await call<{ enrolments: { eventId: string | null; status: string; fundingSource: string }[] }>(
      world.base, 'GET', pathOf(endpoints.enrolments.listEnrolments, {}, { eventId }), { token: world.office.tokens.staff },
    )
    expect(listed.enrolments.map((e) => [e.eventId, e.status, e.fundingSource])).toEqual([[eventId, 'pending_payment', 'union_gift']])

    const desk = await openAs(world.browser, world.base, world.office.tokens.staff)
    await desk.goto(`/staff/event/index?id=${encodeURIComponent(eventId)}`)
    await desk.waitForSelector('#event-count-enrolled[data-count="1"]', { timeout: 20_000 })
    await settle(desk)
    await shot(desk, 'event-counts')
    await desk.context().close()
  })

  test('staff confirm the event’s pending payment from the event page: the enrolment becomes active', async () => {
    const page = await openAs(world.browser, world.base, world.office.tokens.staff)
    await page.goto(`/staff/event/index?id=${encodeURIComponent(eventId)}`)
    await visible(page, '#event-payments')
    await page.click('#event-payments')
    await visible(page, '#event-payment-form')
    // The payments page also lists it among every pending enrolment, the rider's own included.
    await page.waitForSelector('#pending-list .pending-row', { timeout: 20_000 })
    await fill(page, 'event-payment-reference', 'ZZ20261125001')
    await page.click('#event-payment-submit')
    await visible(page, '#event-payment-done')
    // Paid by the event's list, it leaves the list of every pending enrolment too.
    await visible(page, '#pending-empty')
    await settle(page)
    await shot(page, 'event-payment-confirmed')
    await page.context().close()

    const listed = await call<{ enrolments: { status: string }[] }>(world.base, 'GET', pathOf(endpoints.enrolments.listEnrolments, {}, { eventId }), { token: world.office.tokens.staff })
    expect(listed.enrolments.map((e) => e.status)).toEqual(['active'])
  })
})
