import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { addDays, chinaDateOf, endpoints, pathOf } from '@huzhu/shared'
import { screenshotDir, screenshotter } from './browser'
import { repoRoot } from './server-process'
import { call, CATALOGUE, enrolledRider, fillOwnProfile, login, phones, submittedClaim, type Office } from './steps/api'
import { idNumber } from './steps/files'
import { openAs, settle, visible } from './steps/screens'
import { staffWorld } from './steps/world'

/**
 * Issue 11, "Every staff page works at 375 px (a staff member's phone at an
 * event) and at a desk": each page of the `staff` subpackage, opened by the role
 * that uses it, on a phone and at a desk, once its own data is on screen: nothing
 * reaches past the screen's edges (Taro's page box hides what does, so it would
 * be cut off, not scrolled to), no script error or console error while it loaded,
 * and no error, failed-load or no-permission state shown. The office has a rider
 * enrolled weeks ago with a claim to review and one approved, two riders who
 * enrolled today (one paid, one not), an outreach event and a hardship worker, so
 * the lists have rows. Every page is saved screen by screen, top to bottom, in
 * scripts/e2e/screenshots/staff/pages/.
 */
const world = staffWorld()
// This run's screens only: a page's screens before, or a page since removed, would be mistaken for it.
rmSync(join(screenshotDir, 'staff/pages'), { recursive: true, force: true })
const shot = screenshotter('staff/pages')

/** What the story made, for the pages that open one thing by its id. */
interface Made {
  unitId: string
  eventId: string
  claimId: string
  userId: string
}

interface StaffPageCase {
  /** How the screenshots and the test's title name it. */
  name: string
  route: string
  role: keyof Office['tokens']
  /** An element the page renders only once its own data has loaded. */
  loaded: string
  query?: (made: Made) => string
}

/** One line per page, as the role that uses it (a page with a second view, for an id or another role, has a second line). */
const staffPages: StaffPageCase[] = [
  { name: 'home', route: '/staff/index/index', role: 'admin', loaded: '#staff-home #staff-entry-audit' },
  { name: 'check', route: '/staff/check/index', role: 'staff', loaded: '#card-check #check-paste' },
  { name: 'events', route: '/staff/events/index', role: 'staff', loaded: '#events-list .staff-entry' },
  { name: 'event', route: '/staff/event/index', role: 'staff', loaded: '#event-page #event-qr', query: (m) => `id=${m.eventId}` },
  { name: 'unit', route: '/staff/unit/index', role: 'unitAdmin', loaded: '#unit-desk #unit-state', query: (m) => `unitId=${m.unitId}` },
  { name: 'units', route: '/staff/units/index', role: 'staff', loaded: '#units-list .units-row' },
  { name: 'units-record', route: '/staff/units/index', role: 'staff', loaded: '#unit-record #unit-coverage', query: (m) => `unitId=${m.unitId}` },
  { name: 'review', route: '/staff/review/index', role: 'reviewer', loaded: '#queue-list' },
  { name: 'claim', route: '/staff/claim/index', role: 'reviewer', loaded: '#claim-page #claim-payout', query: (m) => `id=${m.claimId}` },
  { name: 'payments', route: '/staff/payments/index', role: 'staff', loaded: '#pending-list' },
  { name: 'medical', route: '/staff/medical/index', role: 'staff', loaded: '#medical-desk #medical-panel' },
  { name: 'identity', route: '/staff/identity/index', role: 'staff', loaded: '#identity-desk #identity-id-number' },
  { name: 'hardship', route: '/staff/hardship/index', role: 'staff', loaded: '#hardship-list .hardship-row' },
  { name: 'calendar', route: '/staff/calendar/index', role: 'admin', loaded: '#calendar-editor' },
  { name: 'catalogues', route: '/staff/catalogues/index', role: 'admin', loaded: '#catalogue-list' },
  { name: 'users', route: '/staff/users/index', role: 'admin', loaded: '#users-account', query: (m) => `userId=${m.userId}` },
  { name: 'audit', route: '/staff/audit/index', role: 'admin', loaded: '#audit-entries .audit-entry' },
  { name: 'ledger', route: '/staff/ledger/index', role: 'staff', loaded: '#ledger-result #ledger-rows' },
  { name: 'dashboard', route: '/staff/dashboard/index', role: 'staff', loaded: '#dashboard-result' },
  { name: 'dashboard-unit', route: '/staff/dashboard/index', role: 'unitAdmin', loaded: '#dashboard-result' },
]

/** The staff subpackage's pages as app.config.ts lists them, as routes. */
function configuredStaffRoutes(): string[] {
  const config = readFileSync(join(repoRoot, 'miniapp/src/app.config.ts'), 'utf8')
  const staff = /\{\s*root:\s*'staff',\s*pages:\s*\[([^\]]*)\]/.exec(config)
  if (!staff) throw new Error('no staff subpackage in miniapp/src/app.config.ts')
  return [...staff[1]!.matchAll(/'([^']+)'/g)].map((m) => `/staff/${m[1]}`)
}

/** What a page shows when it failed: a load's error state, no permission, signed out, an error line. */
const FAILED = '.state--error, #staff-forbidden, #staff-signed-out, .staff-error-text'

/** Until no request of the page is open (and none was for 300 ms), and no part of it shows "loading". */
async function quiet(page: Page, open: () => number): Promise<void> {
  let since = Date.now()
  const deadline = Date.now() + 20_000
  while (Date.now() - since < 300) {
    if (Date.now() > deadline) throw new Error(`${page.url()}: still ${open()} requests open after 20 s`)
    if (open() > 0) since = Date.now()
    await page.waitForTimeout(50)
  }
  await page.waitForFunction(() => document.querySelector('.state--loading') === null, undefined, { timeout: 20_000 })
}

/**
 * What reaches past the screen's left or right edge: the document, the page's own
 * scroller (Taro's `.taro_page`, which hides what is wider), and every element
 * shown that is not inside a box that scrolls sideways on purpose (a wide table).
 */
function overflow(page: Page): Promise<{ viewport: number; document: number; page: number; elements: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth
    const scroller = document.querySelector<HTMLElement>('.taro_page.taro_page_show') ?? document.querySelector<HTMLElement>('.taro_page')
    const insideSidewaysScroller = (element: Element) => {
      for (let at = element.parentElement; at && at !== scroller; at = at.parentElement) {
        const x = getComputedStyle(at).overflowX
        if (x === 'auto' || x === 'scroll') return true
      }
      return false
    }
    const name = (element: Element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${Array.from(element.classList).slice(0, 2).map((c) => `.${c}`).join('')}`
    const elements: string[] = []
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const box = element.getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden') continue
      if ((box.right > width + 1 || box.left < -1) && !insideSidewaysScroller(element)) {
        elements.push(`${name(element)} [${Math.round(box.left)}, ${Math.round(box.right)}] "${(element.textContent ?? '').trim().slice(0, 30)}"`)
      }
    }
    return { viewport: width, document: document.documentElement.scrollWidth, page: scroller ? scroller.scrollWidth - scroller.clientWidth + width : width, elements }
  })
}

/** The page from top to bottom, a screen at a time (at most six). */
async function screens(page: Page, name: string): Promise<void> {
  await settle(page)
  await shot(page, name)
  for (let n = 2; n <= 6; n++) {
    const moved = await page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('.taro_page.taro_page_show') ?? document.querySelector<HTMLElement>('.taro_page')
      if (!scroller || scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) return false
      scroller.scrollTop += scroller.clientHeight - 80
      return true
    })
    if (!moved) return
    await page.waitForTimeout(100)
    await shot(page, `${name}-${n}`)
  }
}

/** A rider who enrolled today on their own phone, paid at the office (`paid`) or not yet. */
async function riderEnrolledToday(phone: string, person: { name: string; idNumber: string }, paid: boolean): Promise<void> {
  const { token } = await login(world.base, phone)
  await fillOwnProfile(world.base, token, { ...person, mobile: phone })
  const enrolment = await call<{ id: string; premiumFen: number }>(world.base, 'POST', pathOf(endpoints.enrolments.createMyEnrolment), { token, body: { catalogueId: CATALOGUE, products: ['ZY'] } })
  if (!paid) return
  await call(world.base, 'POST', pathOf(endpoints.payments.createPayment), {
    token: world.office.tokens.staff,
    body: { catalogueId: CATALOGUE, reference: 'ZZ20261129001', amountFen: enrolment.premiumFen, enrolmentIds: [enrolment.id] },
  })
}

describe('every staff page, on a phone (375 px) and at a desk', () => {
  const made: Made = { unitId: '', eventId: '', claimId: '', userId: '' }

  beforeAll(async () => {
    const { office } = world
    // The rider enrolled weeks ago (the claims are past the waiting period); the office's sessions are today's.
    await world.setClock(-40)
    const rider = await enrolledRider(world.base, office.tokens.staff, { name: '王小明', idNumber: idNumber('1995-03-08', 13) })
    await world.setClock(0)
    const today = chinaDateOf(new Date())
    const { token } = await login(world.base, phones.rider)
    made.claimId = (await submittedClaim(world.base, token, rider.enrolmentId, today)).id
    const approved = await submittedClaim(world.base, token, rider.enrolmentId, addDays(today, -2), { invoiceNumber: '61002611250002', diagnosis: '右胫骨骨折术后康复' })
    await call(world.base, 'POST', pathOf(endpoints.review.startClaimReview, { claimId: approved.id }), { token: office.tokens.reviewer, body: {} })
    await call(world.base, 'POST', pathOf(endpoints.review.decideOnClaim, { claimId: approved.id }), { token: office.tokens.reviewer, body: { decision: 'approve' } })
    await riderEnrolledToday('13900000011', { name: '张建国', idNumber: idNumber('1988-11-20', 35) }, true)
    await riderEnrolledToday('13900000012', { name: '欧阳晓萌', idNumber: idNumber('1999-02-14', 24) }, false)
    const event = await call<{ id: string }>(world.base, 'POST', pathOf(endpoints.events.createEvent), {
      token: office.tokens.staff,
      body: { name: '雁塔区外卖骑手宣讲会', place: '小寨站点', date: today, unitId: office.unitId, catalogueId: CATALOGUE, products: ['ZY'], fundingSource: 'member', gift: null },
    })
    await call(world.base, 'POST', pathOf(endpoints.hardship.flagHardshipWorker), {
      token: office.tokens.staff, body: { name: '刘秀英', idNumber: idNumber('1970-07-07', 48), reason: '困难职工档案号 YT-2026-0157' },
    })
    made.unitId = office.unitId
    made.eventId = event.id
    made.userId = (await call<{ id: string }>(world.base, 'GET', pathOf(endpoints.users.getMe), { token: office.tokens.reviewer })).id
  })

  test('the list names every page of the staff subpackage in app.config.ts', () => {
    expect([...new Set(staffPages.map((p) => p.route))].sort()).toEqual(configuredStaffRoutes().sort())
  })

  describe.each(['phone', 'desk'] as const)('on a %s', (device) => {
    test.each(staffPages)('$name ($route) as $role: its data on screen, nothing past the edges, no error', async ({ name, route, role, loaded, query }) => {
      const page = await openAs(world.browser, world.base, world.office.tokens[role], device)
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`)
      })
      let open = 0
      page.on('request', () => open++)
      page.on('requestfinished', () => open--)
      page.on('requestfailed', (request) => {
        open--
        errors.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`)
      })

      try {
        await page.goto(query ? `${route}?${query(made)}` : route)
        await visible(page, loaded)
        await quiet(page, () => open)

        const failed = await page.locator(FAILED).evaluateAll((shown) => shown
          .filter((e) => e.getBoundingClientRect().height > 0)
          .map((e) => `${e.id || e.className}: ${(e.textContent ?? '').trim()}`))
        const widths = await overflow(page)
        await screens(page, `${name}-${device}`)
        expect(failed).toEqual([])
        expect(errors).toEqual([])
        expect(widths.elements).toEqual([])
        expect(widths.document).toBeLessThanOrEqual(widths.viewport)
        expect(widths.page).toBeLessThanOrEqual(widths.viewport)
      } finally {
        await page.context().close()
      }
    })
  })
})
