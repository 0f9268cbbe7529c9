import type { Page } from 'playwright-core'
import { chinaDateOf, type Claim, daysBetween, endpoints, maskMobile, pathOf } from '@huzhu/shared'
import { screenshotter } from './browser'
import { call, enrolledRider, login, submittedClaim } from './steps/api'
import { idNumber } from './steps/files'
import { fill, openAs, settle, visible } from './steps/screens'
import { staffWorld } from './steps/world'

/**
 * Issue 11, items 2 and 7, on a phone (375 px) and at a desk. The server's clock
 * is set to 20 November 2026 (a rider enrols), then to Friday 18 December: the
 * rider's claim is due 10 working days later, and as the shipped calendar ends
 * with 2026 that count is on weekends alone (New Year's Day, provisional). The
 * admin home warns; the admin enters 2027's holidays (made up for the story: the
 * State Council publishes the real ones each December) and the open claim's due
 * date moves past them. Then the admin finds a new colleague's account by phone,
 * grants the reviewer role and reads the audit line. Every screen passed is saved
 * in scripts/e2e/screenshots/staff/calendar/.
 */
const ENROLLED_ON = '2026-11-20'
const CLAIMED_ON = '2026-12-18'
const daysFromToday = (date: string) => daysBetween(chinaDateOf(new Date()), date)

const world = staffWorld({ clockDays: daysFromToday(ENROLLED_ON) })
const shot = screenshotter('staff/calendar')
const colleaguePhone = '13700000123'

/** Nothing on the page is wider than the phone's screen (375 px). */
const fitsTheScreen = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= 375)

describe('the holiday calendar, and roles and the audit log, in the staff app', () => {
  let claimId = ''
  let riderToken = ''
  let colleagueId = ''

  beforeAll(async () => {
    const rider = await enrolledRider(world.base, world.office.tokens.staff, { name: '李雷', idNumber: idNumber('1992-06-01', 61) })
    riderToken = rider.token
    await world.setClock(daysFromToday(CLAIMED_ON))
    claimId = (await submittedClaim(world.base, riderToken, rider.enrolmentId, CLAIMED_ON)).id
  })

  const claim = () => call<Claim>(world.base, 'GET', pathOf(endpoints.claims.getClaim, { claimId }), { token: riderToken })

  test('a claim sent on 18 December is due on New Year’s Day, counted on weekends alone, and the rider reads that it may move', async () => {
    expect(await claim()).toMatchObject({ dueOn: '2027-01-01', dueOnProvisional: true })
    const page = await openAs(world.browser, world.base, riderToken, 'phone')
    await page.goto(`/claims/detail/index?id=${claimId}`)
    await visible(page, '#claim-due-provisional')
    expect(await page.locator('#claim-due').textContent()).toContain('2027年1月1日')
    await settle(page)
    await shot(page, 'rider-due-provisional')
    await page.context().close()
  })

  test('the admin home warns; the admin enters 2027 on a phone and the open claim’s due date moves', async () => {
    const page = await openAs(world.browser, world.base, world.office.tokens.admin, 'phone')
    await page.goto('/staff/index/index')
    await visible(page, '#calendar-warning')
    expect(await page.locator('#calendar-warning').textContent()).toContain('2027 年节假日安排尚未录入')
    expect(await page.locator('#calendar-warning').textContent()).toContain('还剩 14 天')
    await settle(page)
    await shot(page, 'admin-home-warning')

    await page.click('#calendar-warning-open')
    await visible(page, '#calendar-editor[data-year="2027"]')
    await visible(page, '#calendar-not-published')
    await settle(page)
    await shot(page, 'calendar-2027-empty')

    await fill(page, 'calendar-add-from', '2027-01-01')
    await fill(page, 'calendar-add-to', '2027-01-03')
    await page.click('#calendar-add-holiday')
    await fill(page, 'calendar-add-from', '2027-02-06')
    await fill(page, 'calendar-add-to', '2027-02-12')
    await page.click('#calendar-add-holiday')
    await fill(page, 'calendar-add-from', '2027-02-14')
    await fill(page, 'calendar-add-to', '')
    await page.click('#calendar-add-workday')
    await visible(page, '#calendar-workday-2027-02-14')
    expect(await page.locator('#calendar-holidays').getAttribute('data-count')).toBe('10')
    expect(await fitsTheScreen(page)).toBe(true)
    await page.locator('#calendar-add').scrollIntoViewIfNeeded()
    await shot(page, 'calendar-2027-filled')

    await page.click('#calendar-save')
    await visible(page, '#calendar-saved')
    expect(await page.locator('#calendar-saved').getAttribute('data-moved')).toBe('1')
    expect(await page.locator('#calendar-saved').textContent()).toContain('1 笔未结理赔的到期日已按新安排重新计算')
    await page.locator('#calendar-saved').scrollIntoViewIfNeeded()
    await shot(page, 'calendar-2027-saved')
    await page.context().close()

    expect(await claim()).toMatchObject({ dueOn: '2027-01-04', dueOnProvisional: false })
    const rider = await openAs(world.browser, world.base, riderToken, 'phone')
    await rider.goto(`/claims/detail/index?id=${claimId}`)
    await visible(rider, '#claim-due')
    expect(await rider.locator('#claim-due').textContent()).toContain('2027年1月4日')
    expect(await rider.locator('#claim-due-provisional').count()).toBe(0)
    await settle(rider)
    await shot(rider, 'rider-due-moved')
    await rider.context().close()
  })

  test('at the desk the admin grants a new colleague the reviewer role and reads the audit line', async () => {
    const colleague = await login(world.base, colleaguePhone)
    const page = await openAs(world.browser, world.base, world.office.tokens.admin, 'desk')
    await page.goto('/staff/index/index')
    await visible(page, '#staff-entry-users')
    await page.click('#staff-entry-users')
    await visible(page, '#users-desk')
    await fill(page, 'users-phone', colleaguePhone)
    await page.click('#users-find')
    await visible(page, `#users-account[data-user-id="${colleague.userId}"]`)
    await visible(page, '#users-no-roles')
    await page.click('#users-grant-role-reviewer')
    await settle(page)
    await shot(page, 'users-grant')
    await page.click('#users-grant-submit')
    await visible(page, '#users-notice')
    expect(await page.locator('#users-notice').textContent()).toBe('已授予“理赔审核员”角色')
    await visible(page, '.users-grant-row[data-role="reviewer"]')
    await shot(page, 'users-granted')
    expect((await call<{ roles: string[] }>(world.base, 'GET', pathOf(endpoints.users.getMe), { token: colleague.token })).roles).toEqual(['member', 'reviewer'])

    await page.click('#users-audit-subject')
    await visible(page, '#audit-entries')
    const line = page.locator('.audit-entry').first()
    expect(await line.getAttribute('data-resource')).toBe('role_grant:reviewer')
    expect(await line.getAttribute('data-action')).toBe('create')
    expect(await line.textContent()).toContain('角色 理赔审核员')
    expect(await line.textContent()).toContain(`操作人 ${maskMobile('13800000001')}`)
    expect(await line.textContent()).toContain(`涉及账号 ${maskMobile(colleaguePhone)}`)
    await settle(page)
    await shot(page, 'audit-line')
    colleagueId = colleague.userId
    await page.context().close()
  })

  test('the account and the audit log fit a phone’s screen', async () => {
    const page = await openAs(world.browser, world.base, world.office.tokens.admin, 'phone')
    await page.goto(`/staff/users/index?userId=${colleagueId}`)
    await visible(page, '.users-grant-row[data-role="reviewer"]')
    expect(await fitsTheScreen(page)).toBe(true)
    await settle(page)
    await shot(page, 'phone-users')
    await page.goto(`/staff/audit/index?subjectUserId=${colleagueId}`)
    await visible(page, '.audit-entry')
    expect(await fitsTheScreen(page)).toBe(true)
    await settle(page)
    await shot(page, 'phone-audit')
    await page.context().close()
  })
})
