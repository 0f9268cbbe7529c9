import type { Page } from 'playwright-core'
import { endpoints, type Enrolment, maskMobile, pathOf } from '@huzhu/shared'
import { screenshotter } from './browser'
import { answer, call, CATALOGUE, login } from './steps/api'
import { idNumber } from './steps/files'
import { arrive, onScreen, openPhone, smsLogin, tap } from './steps/phone'
import { fill, fillProfile, openAs, settle, visible } from './steps/screens'
import { staffWorld } from './steps/world'

/**
 * DOMAIN.md, "Identity": a rider whose unit enrolled them under an old phone
 * signs up with their new phone and sees no cover (the home screen says why and
 * what to do). At an outreach event, office staff on a phone (375 px) type the
 * number from the rider's ID card, find two accounts holding it (someone else
 * typed it too), pick the rider's by its login phone and verify it; the rider
 * then sees the cover, the other account still nothing. At the desk the same
 * search shows which account is linked. Every screen passed is saved in
 * scripts/e2e/screenshots/staff/identity-verification/.
 */
const world = staffWorld()
const shot = screenshotter('staff/identity-verification')
const rider = { name: '韩梅梅', idNumber: idNumber('1994-03-12', 57), oldPhone: '13900000077', newPhone: '13700000088' }
const otherPhone = '13600000099'

const profileBody = (mobile: string) => ({ name: rider.name, idNumber: rider.idNumber, mobile, occupation: 'food_delivery', platform: '美团外卖', basicMedicalInsurance: true, unionMember: true })

/** The session the app keeps on this phone (Taro's H5 storage wraps values as `{data}`). */
const sessionOn = (page: Page) => page.evaluate(() => (JSON.parse(localStorage.getItem('huzhu.session.token') ?? '{}') as { data?: string }).data ?? '')

const myEnrolmentIds = async (token: string) =>
  (await answer<{ enrolments: Enrolment[] }>(world.base, 'GET', pathOf(endpoints.enrolments.listMyEnrolments), { token })).body.enrolments.map((e) => e.id)

/** Nothing on the page is wider than the phone's screen (375 px). */
const fitsTheScreen = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= 375)

describe('a rider enrolled under an old phone, verified by office staff with their ID card', () => {
  let enrolmentId = ''
  let otherToken = ''
  let riderPage: Page
  let riderUserId = ''

  beforeAll(async () => {
    // The unit enrolled the rider as a new hire with the phone it had on file, and the office confirmed the unit's transfer.
    const { unitId, tokens } = world.office
    const hired = await call<{ id: string; premiumFen: number }>(world.base, 'POST', pathOf(endpoints.units.createNewHire, { unitId }), { token: tokens.unitAdmin, body: profileBody(rider.oldPhone) })
    await call(world.base, 'POST', pathOf(endpoints.payments.createPayment), {
      token: tokens.staff, body: { catalogueId: CATALOGUE, reference: 'ZZ20261125077', amountFen: hired.premiumFen, enrolmentIds: [hired.id] },
    })
    enrolmentId = hired.id
    // Someone else typed the rider's ID number into their own profile.
    otherToken = (await login(world.base, otherPhone)).token
    await call(world.base, 'POST', pathOf(endpoints.consents.giveMyConsent), { token: otherToken, body: { kind: 'sensitive_personal_info', textVersion: '2026-11-01' } })
    await call(world.base, 'PUT', pathOf(endpoints.members.putMyProfile), { token: otherToken, body: profileBody(otherPhone) })
  })

  afterAll(async () => {
    await riderPage?.context().close()
  })

  test('the rider signs up with the new phone, fills the real-name profile, and sees no cover with the hint of what to do', async () => {
    riderPage = await openPhone(world.browser, world.base, shot)
    await riderPage.goto('/')
    await arrive(riderPage, '#home-login')
    await tap(riderPage, '#home-login')
    await smsLogin(riderPage, rider.newPhone, shot)
    await arrive(riderPage, '#home-no-cover')
    await tap(riderPage, '#home-link-profile')
    const profile = await fillProfile(riderPage, { name: rider.name, idNumber: rider.idNumber, mobile: rider.newPhone })
    await profile.save()
    await arrive(riderPage, '#profile-summary')

    await riderPage.goto('/')
    await arrive(riderPage, '#home-cover-not-linked')
    await shot(riderPage, 'rider-home-no-cover')
    expect(await onScreen(riderPage, '#home-cover-not-linked').textContent()).toContain('带身份证到工会办事处核实身份')
    const token = await sessionOn(riderPage)
    riderUserId = (await call<{ id: string }>(world.base, 'GET', pathOf(endpoints.users.getMe), { token })).id
    expect(await myEnrolmentIds(token)).toEqual([])
  })

  test('on a phone at the event, staff find the rider’s account by the ID card and verify it', async () => {
    const page = await openAs(world.browser, world.base, world.office.tokens.staff, 'phone')
    await page.goto('/staff/index/index')
    await visible(page, '#staff-entry-identity')
    await settle(page)
    await shot(page, 'staff-home')
    await page.click('#staff-entry-identity')
    await visible(page, '#identity-desk')
    await settle(page)

    // A mistyped last character is refused at the field, before any search.
    const wrong = rider.idNumber.slice(0, 17) + (rider.idNumber.endsWith('1') ? '2' : '1')
    await fill(page, 'identity-id-number', wrong)
    await visible(page, '#identity-id-number-error')
    expect(await page.locator('#identity-id-number-error').textContent()).toContain('校验不通过')
    await settle(page)
    await shot(page, 'staff-id-mistyped')

    await fill(page, 'identity-id-number', rider.idNumber)
    await page.click('#identity-search')
    await visible(page, '#identity-results')
    expect(await page.locator('#identity-results').getAttribute('data-count')).toBe('2')
    await visible(page, '#identity-several')
    // The rider tells staff their login phone: its account is the one to verify.
    const mine = page.locator('.identity-account').filter({ hasText: maskMobile(rider.newPhone) })
    expect(await mine.getAttribute('id')).toBe(`identity-account-${riderUserId}`)
    expect(await mine.getAttribute('data-linked')).toBe('false')
    expect(await page.locator('.identity-account').filter({ hasText: maskMobile(otherPhone) }).getAttribute('data-linked')).toBe('false')
    expect(await fitsTheScreen(page)).toBe(true)
    await settle(page)
    await shot(page, 'staff-two-accounts')

    await mine.locator(`#identity-account-${riderUserId}-verify`).scrollIntoViewIfNeeded()
    await page.click(`#identity-account-${riderUserId}-verify`)
    await visible(page, '.taro__modal .taro-modal__text')
    const said = await page.locator('.taro__modal .taro-modal__text').textContent()
    expect(said).toContain(maskMobile(rider.newPhone))
    expect(said).toContain('身份证原件')
    await page.waitForTimeout(300)
    await shot(page, 'staff-confirm')
    await page.click('.taro__modal .taro-model__confirm')
    await visible(page, '#identity-verified')
    expect(await mine.getAttribute('data-linked')).toBe('true')
    expect(await page.locator(`#identity-account-${riderUserId}-verify`).count()).toBe(0)
    await page.locator('#identity-verified').scrollIntoViewIfNeeded()
    await shot(page, 'staff-verified')
    await page.context().close()
  })

  test('the rider now sees the cover on the home screen; the other account still sees nothing', async () => {
    await riderPage.goto('/')
    await arrive(riderPage, `#cover-${enrolmentId}`)
    expect(await riderPage.locator('#home-cover-not-linked').count()).toBe(0)
    await shot(riderPage, 'rider-home-cover')
    expect(await myEnrolmentIds(await sessionOn(riderPage))).toEqual([enrolmentId])
    expect(await myEnrolmentIds(otherToken)).toEqual([])
  })

  test('at the desk, the same search shows the rider’s account linked and the other not', async () => {
    const page = await openAs(world.browser, world.base, world.office.tokens.staff, 'desk')
    await page.goto('/staff/identity/index')
    await visible(page, '#identity-desk')
    await fill(page, 'identity-id-number', rider.idNumber.toLowerCase())
    await page.click('#identity-search')
    await visible(page, '#identity-results')
    expect(await page.locator(`#identity-account-${riderUserId}`).getAttribute('data-linked')).toBe('true')
    expect(await page.locator('.identity-account[data-linked="false"]').count()).toBe(1)
    await settle(page)
    await shot(page, 'desk-linked')
    await page.context().close()
  })
})
