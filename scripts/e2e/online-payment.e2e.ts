import { screenshotter } from './browser'
import { call, CATALOGUE, fillOwnProfile, login, phones } from './steps/api'
import { idNumber } from './steps/files'
import { openAs, settle, visible } from './steps/screens'
import { staffWorld } from './steps/world'
import { endpoints, pathOf } from '@huzhu/shared'

/**
 * Premiums paid with WeChat Pay (the fake of our own that signs and checks as
 * WeChat Pay does): a rider who enrolled alone pays on a phone through the H5
 * cashier, comes back and has an active card; a unit admin pays the unit's
 * roster by the Native QR code on a desk, the fake pays it, and every row is active.
 */
const world = staffWorld({ wechatPay: true })
const shot = screenshotter('staff/online-payment')

interface EnrolmentView {
  id: string
  status: string
  premiumFen: number
}

describe('paying premiums online', () => {
  test('a rider enrols alone, pays through WeChat Pay’s H5 cashier on a phone, comes back and sees the card active', async () => {
    const rider = (await login(world.base, phones.rider)).token
    await fillOwnProfile(world.base, rider, { name: '钱多多', idNumber: idNumber('1994-04-14', 37), mobile: phones.rider })
    const page = await openAs(world.browser, world.base, rider, 'phone')
    await page.goto(`/enrol/confirm/index?catalogue=${CATALOGUE}&products=ZY`)
    await visible(page, '#enrol-submit')
    await page.click('#enrol-submit')
    await visible(page, '#pay-online-button')
    expect(await page.locator('#pay-online-button').textContent()).toContain('微信支付 ¥100.00')
    await settle(page)
    await shot(page, 'rider-pending-pay-button')

    // The app hands over to WeChat Pay's cashier (the fake's page), which pays and returns to the app.
    await page.click('#pay-online-button')
    await page.waitForURL(/\/fake-cashier\?/, { timeout: 20_000 })
    expect(await page.locator('#cashier-amount').textContent()).toBe('¥100.00')
    await shot(page, 'wechat-cashier')
    await page.click('#cashier-pay')
    await page.waitForURL(/\/enrol\/card\/index\?enrolment=.*&order=pmo_/, { timeout: 20_000 })
    await visible(page, '#card-qr', 30_000)
    await settle(page)
    await shot(page, 'rider-card-active')
    const mine = await call<{ enrolments: EnrolmentView[] }>(world.base, 'GET', pathOf(endpoints.enrolments.listMyEnrolments), { token: rider })
    expect(mine.enrolments.map((e) => e.status)).toEqual(['active'])
    await page.context().close()
  })

  test('a unit admin pays the roster by the Native QR code; the fake pays it; every row becomes active', async () => {
    const { unitId, tokens } = world.office
    for (const [n, name] of ['孙一', '孙二', '孙三'].entries()) {
      await call(world.base, 'POST', pathOf(endpoints.units.createNewHire, { unitId }), {
        token: tokens.unitAdmin,
        body: { name, idNumber: idNumber('1990-02-0' + (n + 1), 41 + n * 2), mobile: `1391234000${n}`, occupation: 'courier', platform: '顺丰', basicMedicalInsurance: true, unionMember: true },
      })
    }
    const page = await openAs(world.browser, world.base, tokens.unitAdmin, 'desk')
    await page.goto(`/staff/unit/index?unitId=${unitId}`)
    await visible(page, '#unit-pay-online-button')
    await page.click('#unit-pay-online-button')
    await visible(page, '#pay-online-code')
    const codeUrl = await page.locator('#pay-online-code').getAttribute('data-payload')
    expect(codeUrl).toMatch(/^weixin:\/\/wxpay\/bizpayurl\?pr=/)
    await settle(page)
    await shot(page, 'unit-roster-qr')

    // Someone scans the code with WeChat and pays.
    const order = world.wechatPay.orderOf({ codeUrl: codeUrl! })!
    expect(await world.wechatPay.pay(order.transaction.out_trade_no)).toBe(204)
    await visible(page, '#unit-pay-online-note', 30_000)
    expect(await page.locator('#unit-pay-online-note').textContent()).toContain('已全部生效')
    await settle(page)
    await shot(page, 'unit-roster-paid')
    const list = await call<{ enrolments: EnrolmentView[] }>(world.base, 'GET', pathOf(endpoints.enrolments.listEnrolments, {}, { unitId }), { token: tokens.unitAdmin })
    expect(list.enrolments.length).toBeGreaterThanOrEqual(3)
    expect(list.enrolments.filter((e) => e.status !== 'active')).toEqual([])
    await page.context().close()
  })
})
