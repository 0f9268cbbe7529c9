import type { Page } from 'playwright-core'
import { screenshotter } from './browser'
import { phones } from './steps/api'
import { fillSmsLogin, openAs, settle, visible } from './steps/screens'
import { staffWorld } from './steps/world'

/**
 * Signing in from a staff page, end to end: staff, a reviewer and a unit admin
 * each open their staff page signed out, tap 去登录, sign in by SMS, and land
 * back on that page with its content (the page used to keep saying "please sign
 * in first", and its button led to the SMS screen again until a reload).
 */
const world = staffWorld()
const shot = screenshotter('staff/sign-in')

const stories = [
  { who: 'staff', phone: phones.staff, path: '/staff/payments/index', content: '#claim-payments', device: 'desk' },
  { who: 'reviewer', phone: phones.reviewer, path: '/staff/review/index', content: '#review-queue', device: 'phone' },
  { who: 'unit-admin', phone: phones.unitAdmin, path: '/staff/unit/index', content: '#unit-desk', device: 'phone' },
] as const

async function signInFromStaffPage(page: Page, story: (typeof stories)[number]): Promise<void> {
  await page.goto(story.path)
  await visible(page, '#staff-signed-out')
  await settle(page)
  await shot(page, `${story.who}-signed-out`)
  await page.click('#staff-sign-in')
  const login = await fillSmsLogin(page, story.phone)
  await login.submit()
  await visible(page, story.content)
  expect(new URL(page.url()).pathname).toBe(story.path)
  expect(await page.locator('#staff-signed-out').count()).toBe(0)
  await settle(page)
  await shot(page, `${story.who}-signed-in`)
}

describe('signing in from a staff page', () => {
  test.each(stories.map((s, i) => [s.who, s, i] as const))('%s lands back on the staff page with its content', async (_who, story, i) => {
    // The office was set up over the API a moment ago: a later minute for the SMS code's per-number limit.
    await world.setClock((i + 1) * 0.002)
    const page = await openAs(world.browser, world.base, null, story.device)
    await signInFromStaffPage(page, story)
    // Reloading keeps the session: the page opens straight onto its content.
    await page.reload()
    await visible(page, story.content)
    await page.context().close()
  })
})
