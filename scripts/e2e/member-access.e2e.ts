import type { Page } from 'playwright-core'
import { chinaDateOf, endpoints, type Enrolment, idCheckCharacter, type OutreachEvent, pathOf } from '@huzhu/shared'
import { screenshotter } from './browser'
import { answer, enrolledRider, login, phones, submittedClaim } from './steps/api'
import { arrive, cachedCardPayload, heightsOnScreen, keepSession, onScreen, openPhone, readQrOnScreen, rowLayouts, rowsApart, smsLogin, tap, typeInto } from './steps/phone'
import { staffWorld } from './steps/world'

/**
 * The member app for every rider, end to end on the real H5 build and server: a
 * rider enrolled weeks ago (past the waiting period) with a claim sent; at
 * 320 px wide in large-text mode nothing is wider than the screen and every
 * button is a 44 px tap target; without a network the card still shows its QR
 * code; a second rider scans an outreach event's link and enrols with the
 * event's plan and funding. Every screen passed is saved in
 * scripts/e2e/screenshots/member-access/.
 */
const world = staffWorld()
const shot = screenshotter('member-access')

describe('a rider on a small screen, offline, and through an event link', () => {
  let page: Page

  beforeAll(async () => {
    await world.setClock(-40)
    const rider = await enrolledRider(world.base, world.office.tokens.staff, { name: '王小明', idNumber: '610102199001011231' })
    await world.setClock(0)
    const { token } = await login(world.base, phones.rider)
    await submittedClaim(world.base, token, rider.enrolmentId, chinaDateOf(new Date()))
    page = await openPhone(world.browser, world.base, shot)
    await keepSession(page, token)
  })

  afterAll(async () => {
    await page?.context().close()
  })

  test('at 320 px wide with large text, nothing is wider than the screen and every button is at least 44 px high', async () => {
    await page.setViewportSize({ width: 320, height: 640 })
    await page.goto('/')
    await arrive(page, '#home-cover')
    await tap(page, '#home-large-text')
    await onScreen(page, '.large-text').waitFor()
    await shot(page, 'home-320-large-text')
    const tooWide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
    expect(tooWide).toBe(false)

    await page.goto('/claims/list/index')
    await arrive(page, '#claims-list .claim-item')
    await shot(page, 'claims-320-large-text')
    const small = (await heightsOnScreen(page, '.nut-button, .choice, .home__action, .link')).filter((h) => h < 44)
    expect(small).toEqual([])
  })

  test('in large text, each waiting-period row of the quote keeps its date beside its label, at 320 and at 375 px', async () => {
    await page.setViewportSize({ width: 320, height: 640 })
    await page.goto('/enrol/plans/index')
    await arrive(page, '#plans-screen')
    await onScreen(page, '.large-text').waitFor()
    await onScreen(page, '#catalogue-shaanxi-gig-2023.is-active').waitFor()
    await tap(page, '#product-ZY .nut-checkbox')
    await onScreen(page, '#quote-cover-from-hospital').waitFor()
    await onScreen(page, '#quote-cover-from-hospital').scrollIntoViewIfNeeded()
    await shot(page, 'plans-quote-320-large-text')
    const rows = () => rowLayouts(page, '#quote-panel .quote-row', '.quote-row__label', '.quote-row__value')
    const at320 = await rows()
    expect(at320.map((r) => r.id)).toEqual(expect.arrayContaining(['quote-cover-from-hospital', 'quote-cover-from-accident']))
    expect(rowsApart(at320)).toEqual([])

    await page.setViewportSize({ width: 375, height: 812 })
    await page.waitForTimeout(300)
    await onScreen(page, '#quote-cover-from-hospital').scrollIntoViewIfNeeded()
    await shot(page, 'plans-quote-375-large-text')
    expect(rowsApart(await rows())).toEqual([])
  })

  test('without a network the card still shows its QR code, from the copy on the phone', async () => {
    await page.setViewportSize({ width: 375, height: 812 })
    // Opened once with a network, the card is kept on the phone.
    await page.goto('/')
    await arrive(page, '#home-cover')
    await tap(page, '#home-action-card')
    await arrive(page, '#card-qr')
    await shot(page, 'member-card-online')

    await page.goto('/')
    await arrive(page, '#home-cover')
    const payload = await cachedCardPayload(page)
    expect(payload).toMatch(/^HZ1\./)
    await page.context().setOffline(true)
    try {
      await tap(page, '#home-action-card')
      await arrive(page, '#card-offline')
      await expect(onScreen(page, '#card-qr').getAttribute('data-payload')).resolves.toBe(payload)
      expect(await readQrOnScreen(page, '#card-qr')).toBe(payload)
      await shot(page, 'member-card-offline')
    } finally {
      await page.context().setOffline(false)
    }
  })

  test('a second rider scans an outreach event’s QR code and enrols with the event’s plan and funding', async () => {
    const staff = world.office.tokens.staff
    const created = await answer<OutreachEvent>(world.base, 'POST', pathOf(endpoints.events.createEvent), {
      token: staff,
      body: {
        name: '骑手健康义诊', place: '西安市雁塔区骑手驿站', date: chinaDateOf(new Date()), unitId: null,
        catalogueId: 'shaanxi-gig-2023', products: ['ZY'], fundingSource: 'union_gift',
        gift: { limit: 20, products: ['ZY'], from: chinaDateOf(new Date()), to: chinaDateOf(new Date()) },
      },
    })
    expect(created.status).toBe(201)

    // Another phone: nothing stored, the usual viewport.
    const second = await openPhone(world.browser, world.base, shot)
    await second.goto(created.body.link.replace(/^https?:\/\/[^/]+/, ''))
    await arrive(second, '#event-banner')
    await expect(onScreen(second, '#event-funding').textContent()).resolves.toContain('工会赠送')
    await shot(second, 'event-home')
    await tap(second, '#event-enrol')
    await arrive(second, '#confirm-quote')
    await tap(second, '#enrol-login')
    await smsLogin(second, '13700005678', shot)
    await arrive(second, '#enrol-profile')
    await tap(second, '#enrol-profile')
    await tap(second, '#consent-sensitive_personal_info-agree')
    await arrive(second, '#real-name-form')
    const first17 = '61011319950808123'
    await typeInto(second, 'profile-name', '李快递')
    await typeInto(second, 'profile-id', first17 + idCheckCharacter(first17))
    await typeInto(second, 'profile-mobile', '13700005678')
    await tap(second, '#profile-occupation-courier')
    await typeInto(second, 'profile-platform', '顺丰')
    await tap(second, '#profile-insurance-yes')
    await tap(second, '#profile-union-yes')
    await tap(second, '#profile-save')
    await arrive(second, '#enrol-submit')
    await tap(second, '#enrol-submit')
    await arrive(second, '#enrol-result')
    await expect(onScreen(second, '#enrol-result').textContent()).resolves.toContain('工会赠送')
    await shot(second, 'event-enrolled')

    // Until the union's payment is confirmed, the card screen says so; in large text at 320 px each category's first day stays beside it.
    await second.evaluate(() => localStorage.setItem('huzhu.settings.largeText', JSON.stringify({ data: '1' })))
    await second.setViewportSize({ width: 320, height: 640 })
    await second.goto('/enrol/card/index')
    await arrive(second, '#pending-payment')
    await expect(onScreen(second, '#pending-payment-how').textContent()).resolves.toContain('工会赠送')
    await onScreen(second, '.cover-card__from').scrollIntoViewIfNeeded()
    await shot(second, 'card-pending-320-large-text')
    const coverRows = await rowLayouts(second, '.cover-card__from-row', ':scope > :first-child', ':scope > :last-child')
    expect(coverRows.length).toBeGreaterThan(0)
    expect(rowsApart(coverRows)).toEqual([])
    await second.context().close()

    // Attributed to the event with its funding; the event counts the scan and the enrolment.
    const listed = await answer<{ enrolments: Enrolment[] }>(world.base, 'GET', pathOf(endpoints.enrolments.listEnrolments, {}, { eventId: created.body.id }), { token: staff })
    expect(listed.body.enrolments.map((e) => [e.eventId, e.fundingSource, e.person.name])).toEqual([[created.body.id, 'union_gift', '李快递']])
    const counted = await answer<OutreachEvent>(world.base, 'GET', pathOf(endpoints.events.getEvent, { eventId: created.body.id }), { token: staff })
    expect(counted.body.counts).toMatchObject({ scanned: 1, enrolled: 1 })
  })
})
