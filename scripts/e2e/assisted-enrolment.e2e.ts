import { chinaDateOf, endpoints, pathOf } from '@huzhu/shared'
import type { Page } from 'playwright-core'
import { screenshotter } from './browser'
import { call, CATALOGUE, SMS_CODE } from './steps/api'
import { idNumber } from './steps/files'
import { fill, openAs, settle, visible } from './steps/screens'
import { staffWorld } from './steps/world'

/**
 * Staff-assisted enrolment (代办) at an outreach event, end to end on the real H5
 * build and server (issue 11 item 6): a staff member on their phone (375 px)
 * enters a rider; the rider, on their own phone, opens the confirmation page,
 * signs in with the SMS code sent to the number entered, reads the details and
 * the consent, confirms and pays with WeChat Pay; the staff member's screen shows
 * waiting → confirmed → paid. A gift event's budget, once used, is refused on
 * the staff member's screen.
 */
const world = staffWorld({ wechatPay: true })
const shot = screenshotter('staff/assisted-enrolment')
const RIDER_PHONE = '13900000031'

async function makeEvent(fundingSource: 'member' | 'union_gift'): Promise<string> {
  const today = chinaDateOf(new Date())
  const event = await call<{ id: string }>(world.base, 'POST', pathOf(endpoints.events.createEvent), {
    token: world.office.tokens.staff,
    body: {
      name: fundingSource === 'member' ? '雁塔区骑手宣讲会' : '小寨骑手义诊（工会赠送）', place: '小寨骑手驿站', date: today, unitId: null, catalogueId: CATALOGUE,
      products: ['ZY'], fundingSource, gift: fundingSource === 'union_gift' ? { limit: 1, products: ['ZY'], from: today, to: today } : null,
    },
  })
  return event.id
}

async function enterRider(page: Page, rider: { name: string; idNumber: string; mobile: string }): Promise<void> {
  await visible(page, '#assisted-form')
  await fill(page, 'assisted-name', rider.name)
  await fill(page, 'assisted-id-number', rider.idNumber)
  await fill(page, 'assisted-mobile', rider.mobile)
  await fill(page, 'assisted-platform', '美团')
  await visible(page, '#assisted-quote')
}

describe('staff: a staff member enrols a rider at an event and the rider’s phone confirms it', () => {
  let eventId = ''
  let link = ''

  test('the staff member, on their phone, enters the rider: checked, quoted, waiting for the rider', async () => {
    eventId = await makeEvent('member')
    const staff = await openAs(world.browser, world.base, world.office.tokens.staff, 'phone')
    await staff.goto(`/staff/event/index?id=${encodeURIComponent(eventId)}`)
    await enterRider(staff, { name: '赵小骑', idNumber: idNumber('1993-06-06', 41), mobile: RIDER_PHONE })
    expect(await staff.locator('#assisted-quote').innerText()).toContain('¥100.00')
    await staff.locator('#assisted-panel').scrollIntoViewIfNeeded()
    await shot(staff, 'staff-phone-form')
    await staff.click('#assisted-submit')
    await visible(staff, '#assisted-sent')
    link = (await staff.locator('#assisted-link').innerText()).trim()
    expect(link).toMatch(/\/enrol\/assisted\/index$/)
    expect(await staff.locator('#assisted-qr').getAttribute('data-qr-text')).toBe(link)
    await staff.waitForSelector('#assisted-list [data-status="waiting"]', { timeout: 20_000 })
    await staff.locator('#assisted-sent').scrollIntoViewIfNeeded()
    await shot(staff, 'staff-phone-sent')
    await staff.context().close()
    // Nothing is enrolled before the rider confirms.
    const listed = await call<{ enrolments: unknown[] }>(world.base, 'GET', pathOf(endpoints.enrolments.listEnrolments, {}, { eventId }), { token: world.office.tokens.staff })
    expect(listed.enrolments).toEqual([])
  })

  test('the rider, on their own phone, signs in with the SMS code, reads, consents, confirms and pays; the staff screen follows', async () => {
    const rider = await openAs(world.browser, world.base, null, 'phone')
    const url = new URL(link, world.base)
    await rider.goto(url.pathname)
    await visible(rider, '#login-screen')
    // The code the staff member's entry sent to this number (no second send needed).
    await fill(rider, 'login-phone', RIDER_PHONE)
    await fill(rider, 'login-code', SMS_CODE)
    await rider.locator('#login-agree .nut-checkbox').first().click()
    await settle(rider)
    await shot(rider, 'rider-sign-in')
    await rider.click('#login-submit')

    await visible(rider, '.assisted-card')
    expect(await rider.locator('#assisted-rider-name').innerText()).toBe('赵小骑')
    expect(await rider.locator('.assisted-card').innerText()).not.toContain(idNumber('1993-06-06', 41))
    await settle(rider)
    await shot(rider, 'rider-details')
    await rider.click('#assisted-confirm')
    await visible(rider, '#assisted-error')
    await rider.click('#assisted-agree')
    await rider.click('#assisted-confirm')
    await visible(rider, '#assisted-confirmed')
    await visible(rider, '#pay-online-button')
    await settle(rider)
    await shot(rider, 'rider-confirmed-to-pay')

    const desk = await openAs(world.browser, world.base, world.office.tokens.staff, 'desk')
    await desk.goto(`/staff/event/index?id=${encodeURIComponent(eventId)}`)
    await desk.waitForSelector('#assisted-list [data-status="confirmed"][data-enrolment-status="pending_payment"]', { timeout: 20_000 })

    await rider.click('#pay-online-button')
    await rider.waitForURL(/\/fake-cashier\?/, { timeout: 20_000 })
    await rider.click('#cashier-pay')
    await desk.waitForSelector('#assisted-list [data-enrolment-status="active"]', { timeout: 30_000 })
    await desk.waitForSelector('#event-count-enrolled[data-count="1"]', { timeout: 20_000 })
    await settle(desk)
    await shot(desk, 'staff-desk-paid')
    await desk.context().close()
    await rider.context().close()

    const listed = await call<{ enrolments: { eventId: string; status: string; fundingSource: string }[] }>(
      world.base, 'GET', pathOf(endpoints.enrolments.listEnrolments, {}, { eventId }), { token: world.office.tokens.staff },
    )
    expect(listed.enrolments.map((e) => [e.eventId, e.status, e.fundingSource])).toEqual([[eventId, 'active', 'member']])
  })

  test('a gift event: the gift pays the first rider; beyond the budget the staff screen refuses with the reason', async () => {
    const giftEvent = await makeEvent('union_gift')
    const staff = await openAs(world.browser, world.base, world.office.tokens.staff, 'phone')
    await staff.goto(`/staff/event/index?id=${encodeURIComponent(giftEvent)}`)
    await enterRider(staff, { name: '钱小骑', idNumber: idNumber('1991-02-02', 42), mobile: '13900000032' })
    await staff.click('#assisted-submit')
    await visible(staff, '#assisted-sent')

    // The rider confirms (their phone's part is the same as above; here through the API the page calls).
    const session = await call<{ token: string }>(world.base, 'POST', pathOf(endpoints.auth.createSmsSession), { body: { phone: '13900000032', code: SMS_CODE } })
    const mine = await call<{ assistedEnrolments: { id: string }[] }>(world.base, 'GET', pathOf(endpoints.assistedEnrolments.listMyAssistedEnrolments), { token: session.token })
    const confirmed = await call<{ enrolment: { fundingSource: string } }>(world.base, 'POST', pathOf(endpoints.assistedEnrolments.confirmAssistedEnrolment, { assistedId: mine.assistedEnrolments[0]!.id }), {
      token: session.token, body: { textVersion: '2026-11-01' },
    })
    expect(confirmed.enrolment.fundingSource).toBe('union_gift')

    await staff.click('#assisted-another')
    await enterRider(staff, { name: '孙小骑', idNumber: idNumber('1992-03-03', 43), mobile: '13900000033' })
    await staff.click('#assisted-submit')
    await visible(staff, '#assisted-error')
    expect(await staff.locator('#assisted-error').innerText()).toBe('本活动的赠送名额（1 人）已经用完，不能再以赠送方式参保')
    await staff.locator('#assisted-error').scrollIntoViewIfNeeded()
    await shot(staff, 'staff-phone-gift-exhausted')
    await staff.context().close()
  })
})
