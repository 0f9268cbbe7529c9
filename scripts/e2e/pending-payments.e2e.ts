import type { Page } from 'playwright-core'
import { screenshotter } from './browser'
import { call, CATALOGUE, fillOwnProfile, login, phones } from './steps/api'
import { idNumber } from './steps/files'
import { fill, openAs, settle, visible } from './steps/screens'
import { staffWorld } from './steps/world'
import { endpoints, pathOf } from '@huzhu/shared'

/**
 * A rider who enrolled alone pays by bank transfer (until online payment): the
 * rider's card says 待缴费; staff find that pending self-enrolment on the
 * payments page by name and by phone, confirm the transfer, and the rider's card
 * becomes active with its QR code.
 */
const world = staffWorld()
const shot = screenshotter('staff/pending-payments')
const rider = { name: '赵小燕', idNumber: idNumber('1996-07-21', 24) }

interface EnrolmentView {
  id: string
  status: string
  premiumFen: number
}

/** The rows the pending list shows once it answers the search `query` ('' for all). */
async function listedFor(page: Page, query: string): Promise<string[]> {
  await page.waitForSelector(`#pending-list[data-query="${query}"], #pending-empty`, { timeout: 20_000 })
  return page.locator('.pending-row').evaluateAll((rows) => rows.map((r) => r.id))
}

async function search(page: Page, text: string, query: string): Promise<string[]> {
  await fill(page, 'pending-search', text)
  await page.click('#pending-search-submit')
  return listedFor(page, query)
}

describe('a pending self-enrolment paid by transfer', () => {
  let riderToken = ''
  let enrolment: EnrolmentView = { id: '', status: '', premiumFen: 0 }

  beforeAll(async () => {
    riderToken = (await login(world.base, phones.rider)).token
    await fillOwnProfile(world.base, riderToken, { ...rider, mobile: phones.rider }, { occupation: 'food_delivery', platform: '饿了么' })
    enrolment = await call<EnrolmentView>(world.base, 'POST', pathOf(endpoints.enrolments.createMyEnrolment), { token: riderToken, body: { catalogueId: CATALOGUE, products: ['ZY'] } })
    expect(enrolment.status).toBe('pending_payment')
  })

  test('the rider’s card waits for the payment', async () => {
    const page = await openAs(world.browser, world.base, riderToken, 'phone')
    await page.goto(`/enrol/card/index?enrolment=${enrolment.id}`)
    await visible(page, '#card-pending')
    await settle(page)
    await shot(page, 'rider-card-pending')
    await page.context().close()
  })

  test('at the desk, staff find it by name among every pending enrolment', async () => {
    const page = await openAs(world.browser, world.base, world.office.tokens.staff, 'desk')
    await page.goto('/staff/payments/index')
    expect(await listedFor(page, '')).toContain(`pending-row-${enrolment.id}`)
    expect(await page.locator(`#pending-row-${enrolment.id}`).textContent()).toContain('自行参保')
    expect(await search(page, '小燕', '小燕')).toEqual([`pending-row-${enrolment.id}`])
    await settle(page)
    await shot(page, 'desk-found-by-name')
    expect(await search(page, '不存在的人', '不存在的人')).toEqual([])
    await page.context().close()
  })

  test('on a phone, staff find it by the phone number and confirm the transfer; the rider’s card is then active', async () => {
    const page = await openAs(world.browser, world.base, world.office.tokens.staff, 'phone')
    await page.goto('/staff/payments/index')
    await visible(page, '#pending-enrolments')
    // Part of a number finds nobody by either: a hint, not an empty list.
    await fill(page, 'pending-search', '1390000')
    await page.click('#pending-search-submit')
    await visible(page, '#pending-error')
    expect(await page.locator('#pending-error').textContent()).toContain('完整的 11 位手机号')
    expect(await search(page, `${phones.rider.slice(0, 3)} ${phones.rider.slice(3, 7)} ${phones.rider.slice(7)}`, `${phones.rider.slice(0, 3)} ${phones.rider.slice(3, 7)} ${phones.rider.slice(7)}`)).toEqual([`pending-row-${enrolment.id}`])
    await page.click(`#pending-row-${enrolment.id}`)
    await visible(page, '#pending-transfer-form')
    await fill(page, 'pending-transfer-reference', 'ZZ20261125088')
    await page.locator('#pending-enrolments').scrollIntoViewIfNeeded()
    await shot(page, 'phone-found-by-phone-selected')
    await page.click('#pending-transfer-submit')
    await visible(page, '#pending-transfer-done')
    await page.waitForSelector('#pending-empty', { timeout: 20_000 })
    await page.locator('#pending-enrolments').scrollIntoViewIfNeeded()
    await shot(page, 'phone-transfer-confirmed')
    await page.context().close()

    const paid = await call<EnrolmentView>(world.base, 'GET', pathOf(endpoints.enrolments.getEnrolment, { enrolmentId: enrolment.id }), { token: riderToken })
    expect(paid.status).toBe('active')
    const card = await openAs(world.browser, world.base, riderToken, 'phone')
    await card.goto(`/enrol/card/index?enrolment=${enrolment.id}`)
    await visible(card, '#card-qr')
    expect(await card.locator('#card-qr').first().getAttribute('data-payload')).toMatch(/^HZ1\./)
    await settle(card)
    await shot(card, 'rider-card-active')
    await card.context().close()
  })
})
