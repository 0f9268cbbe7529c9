import { addDays, endpoints, pathOf } from '@huzhu/shared'
import { screenshotter } from './browser'
import { call, enrolledRider, login, phones } from './steps/api'
import { idNumber } from './steps/files'
import { openAs, settle, visible } from './steps/screens'
import { staffWorld } from './steps/world'

/**
 * 续保: a rider whose cover ends in a fortnight opens the app, sees the renewal
 * offered on home (the new period and premium), renews in one tap, pays through
 * WeChat Pay's H5 cashier, and the new cover is there from the day after the old
 * one ends, not from the day of payment.
 */
const world = staffWorld({ wechatPay: true })
const shot = screenshotter('staff/renewal')

interface EnrolmentView {
  id: string
  status: string
  start: string
  end: string
  coverFrom: Record<string, string>
  renewsEnrolmentId: string | null
}

test('a member renews in one tap from home, pays, and sees the new cover from the day after the old one ends', async () => {
  const { enrolmentId } = await enrolledRider(world.base, world.office.tokens.staff, { name: '孙续保', idNumber: idNumber('1992-06-06', 57) })
  const held = await call<EnrolmentView>(world.base, 'GET', pathOf(endpoints.enrolments.getEnrolment, { enrolmentId }), { token: world.office.tokens.staff })

  // Almost a year on: 14 days before the cover ends (sessions last 30 days: the rider signs in again).
  const days = Math.round((Date.parse(held.end) - Date.parse(held.start)) / 86_400_000) - 13
  await world.setClock(days)
  const { token } = await login(world.base, phones.rider)
  const page = await openAs(world.browser, world.base, token, 'phone')
  await page.goto('/')
  await visible(page, `#renewal-${enrolmentId}-button`)
  const dayAfter = addDays(held.end, 1)
  const [y, m, d] = dayAfter.split('-').map(Number)
  expect(await page.locator(`#renewal-${enrolmentId}-period`).textContent()).toContain(`续保后新保障从 ${y}年${m}月${d}日 起接续`)
  expect(await page.locator(`#renewal-${enrolmentId}-premium`).textContent()).toBe('续保保费 ¥100.00')
  await settle(page)
  await shot(page, 'home-renewal-offered')

  // One tap: the renewal awaiting payment, on its card page; pay with WeChat Pay's cashier, which returns to the app.
  await page.click(`#renewal-${enrolmentId}-button`)
  await visible(page, '#pay-online-button')
  await settle(page)
  await shot(page, 'renewal-to-pay')
  await page.click('#pay-online-button')
  await page.waitForURL(/\/fake-cashier\?/, { timeout: 20_000 })
  await page.click('#cashier-pay')
  await page.waitForURL(/\/enrol\/card\/index\?enrolment=.*&order=pmo_/, { timeout: 20_000 })
  await visible(page, '#card-qr', 30_000)
  expect(await page.locator('#card-valid').textContent()).toContain(`有效期 ${y}年${m}月${d}日 至`)
  await settle(page)
  await shot(page, 'renewal-card')

  const mine = await call<{ enrolments: EnrolmentView[] }>(world.base, 'GET', pathOf(endpoints.enrolments.listMyEnrolments), { token })
  const renewal = mine.enrolments.find((e) => e.renewsEnrolmentId === enrolmentId)!
  expect(renewal).toMatchObject({ status: 'active', start: dayAfter, coverFrom: { hospital: dayAfter, accident: dayAfter } })
  await page.context().close()
})
