import type { Page } from 'playwright-core'
import type { MeResponse } from '@huzhu/shared'
import { screenshotter } from './browser'
import { call, login } from './steps/api'
import { fill, openAs, settle, visible } from './steps/screens'
import { staffWorld } from './steps/world'
import { endpoints, pathOf } from '@huzhu/shared'

/**
 * Issue 11, item 4: office staff register a unit on a phone at an event (375 px):
 * a credit code with a wrong check character is refused as it is typed, the
 * region is chosen province → city → district, the plan and who pays are set;
 * then they invite the unit's admin by phone, who becomes its admin on first
 * signing in with that phone. At a desk the list and the form stand side by
 * side. Every screen passed is saved in scripts/e2e/screenshots/staff/units/.
 */
const world = staffWorld()
const shot = screenshotter('staff/units')
const invitedPhone = '13700000456'

/** Nothing on the page is wider than the phone's screen (375 px). */
const fitsTheScreen = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= 375)

describe('units in the staff app', () => {
  let unitId = ''

  test('on a phone, staff register a unit with the checks the server makes', async () => {
    const page = await openAs(world.browser, world.base, world.office.tokens.staff, 'phone')
    await page.goto('/staff/units/index')
    await visible(page, '#units-list')
    await visible(page, `#units-row-${world.office.unitId}`)
    await fill(page, 'unit-name', '碑林区外卖骑手站')
    await fill(page, 'unit-credit-code', '91440300708461136X')
    await visible(page, '#unit-credit-code-check.staff-error-text')
    expect(await page.locator('#unit-credit-code-check').textContent()).toContain('校验不通过')
    await settle(page)
    await shot(page, 'credit-code-refused')

    await fill(page, 'unit-credit-code', '91440300708461136T')
    await visible(page, '#unit-credit-code-check.staff-tag--ok')
    await page.click('#unit-region-province-610000')
    await page.click('#unit-region-city-610100')
    await page.click('#unit-region-district-610103')
    expect(await page.locator('#unit-region-check').textContent()).toBe('陕西省西安市碑林区')
    await page.click('#unit-industry-food_delivery')
    await fill(page, 'unit-headcount', '40')
    await page.click('#unit-catalogue-shaanxi-gig-2023')
    await visible(page, '#unit-product-ZY')
    await page.click('#unit-product-ZY')
    expect(await fitsTheScreen(page)).toBe(true)
    await page.locator('#unit-submit').scrollIntoViewIfNeeded()
    await shot(page, 'new-unit-filled')
    await page.click('#unit-submit')

    await visible(page, '#unit-record')
    unitId = new URL(page.url()).searchParams.get('unitId') ?? ''
    expect(unitId).toMatch(/^unt_/)
    expect(await page.locator('#unit-coverage').textContent()).toBe('参保覆盖率 0%（0 / 40 人）')
    expect(await fitsTheScreen(page)).toBe(true)
    await settle(page)
    await shot(page, 'unit-record')
    await page.context().close()
  })

  test('staff invite the unit’s admin by phone; the first sign-in with that phone makes them its admin', async () => {
    const page = await openAs(world.browser, world.base, world.office.tokens.staff, 'phone')
    await page.goto(`/staff/units/index?unitId=${unitId}`)
    await visible(page, '#unit-invitations-empty')
    await fill(page, 'unit-invite-phone', invitedPhone)
    await page.click('#unit-invite')
    await visible(page, '.units-invitation__status')
    expect(await page.locator('.units-invitation__status').textContent()).toBe('等待登录')
    await page.locator('#unit-invitations').scrollIntoViewIfNeeded()
    await shot(page, 'invitation-pending')

    const invited = await login(world.base, invitedPhone)
    const me = await call<MeResponse>(world.base, 'GET', pathOf(endpoints.users.getMe), { token: invited.token })
    expect(me.grants).toEqual([expect.objectContaining({ role: 'unit_admin', unitId })])

    await page.reload()
    await visible(page, '.units-invitation__status.staff-tag--ok')
    expect(await page.locator('.units-invitation__status').textContent()).toBe('已生效')
    expect(await fitsTheScreen(page)).toBe(true)
    await page.locator('#unit-invitations').scrollIntoViewIfNeeded()
    await shot(page, 'invitation-granted')
    await page.context().close()

    // The new admin opens their unit's roster page straight away.
    const admin = await openAs(world.browser, world.base, invited.token, 'phone')
    await admin.goto('/staff/unit/index')
    await visible(admin, '#unit-desk')
    await admin.context().close()
  })

  test('at a desk the list and the form stand side by side', async () => {
    const page = await openAs(world.browser, world.base, world.office.tokens.admin, 'desk')
    await page.goto('/staff/units/index')
    await visible(page, `#units-row-${unitId}`)
    const list = await page.locator('#units-list').boundingBox()
    const form = await page.locator('#unit-form').boundingBox()
    expect(list && form && form.x > list.x + list.width - 1).toBe(true)
    await settle(page)
    await shot(page, 'desk-list-and-form')
    await page.context().close()
  })
})
