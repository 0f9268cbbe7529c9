import {
  assistedUi, auditUi, calendarUi, cataloguesUi, dashboardPageUi, dashboardUi, dataRequestUi, fillTemplate, hardshipUi, ledgerUi, payeeUi, staffPageTitles, staffUi, transparencyUi, ui, unitsUi, usersUi,
} from '@huzhu/shared'
import { routesOf, type PageHandle } from './harness/mini-program'
import { weappWorld } from './harness/world'
import { claimOf, coveredRider, EVENT_NAME, outreachEvent, RIDER, type CoveredRider } from './steps/people'

/**
 * Every page of the WeChat build (the main package and each subpackage, as
 * app.json lists them) opened headless against the real server, signed out and
 * signed in: its lifecycle runs, and what it rendered through setData says what
 * a member (or staff) would read. Any error thrown or logged, or a node WeChat
 * has no template for, fails the page (harness/mini-program.ts, settle()).
 */
const world = weappWorld()

interface Visit {
  /** The page's query (ids made in beforeAll). */
  query?: () => Record<string, string>
  /** Where the page sends the visitor instead (the login page, to come back afterwards). */
  lands?: { route: string; options: Record<string, string> }
  shows: () => string[]
}

const SHAANXI = '陕西新就业形态劳动者工会会员职工互助保障（住院+意外）'
const ZY = 'ZY 住院+意外'
/** A page for signed-in members swaps itself for the login page, which knows where to come back to. */
const loginPage = (route: string): Visit => ({
  lands: { route: 'pages/login/index', options: { redirect: encodeURIComponent(`/${route}`) } },
  shows: () => [ui.login.intro, ui.login.wechat, ui.login.agree, ui.login.privacySummary],
})
const staffSignIn: Visit = { shows: () => [staffUi.home.signInFirst, staffUi.home.signIn] }

let rider: CoveredRider
let claimId = ''
let eventId = ''

/** Members' pages: signed out, and signed in as a rider with cover and a claim. Staff pages: signed out, and as the admin. */
const pages: Record<string, { signedOut: Visit; signedIn: Visit }> = {
  'pages/index/index': {
    signedOut: { shows: () => [ui.home.enrol, ui.home.claim, ui.home.card, ui.home.loginPrompt, ui.home.login, ui.settings.largeTextOff] },
    signedIn: { shows: () => [ui.home.myCover, SHAANXI, ui.coverState.covered, ZY, ui.home.myClaims, ui.home.messages] },
  },
  'pages/login/index': {
    signedOut: { shows: () => [ui.login.intro, ui.login.wechat, ui.login.agree] },
    signedIn: { shows: () => [ui.login.intro, ui.login.wechat, ui.login.agree] },
  },
  'enrol/plans/index': {
    signedOut: { shows: () => [ui.plans.intro, ui.plans.catalogues, SHAANXI, ZY, fillTemplate(ui.plans.pricePerYear, { price: '¥100.00' }), ui.quote.empty, ui.plans.next] },
    signedIn: { shows: () => [ui.plans.intro, SHAANXI, ZY, ui.quote.empty] },
  },
  'enrol/confirm/index': {
    signedOut: { query: () => ({ catalogue: 'shaanxi-gig-2023', products: 'ZY' }), shows: () => [ui.enrol.plan, SHAANXI, ZY, ui.quote.total, '¥100.00', ui.quote.coverPeriod, ui.enrol.nextStep, ui.enrol.loginFirst, ui.enrol.back] },
    signedIn: { query: () => ({ catalogue: 'shaanxi-gig-2023', products: 'ZY' }), shows: () => [ui.enrol.plan, SHAANXI, ZY, ui.quote.total, ui.enrol.submit] },
  },
  'enrol/card/index': {
    signedOut: loginPage('enrol/card/index'),
    signedIn: { shows: () => [SHAANXI, ui.card.intro, ui.card.holder, RIDER.name, ui.card.idNumber, RIDER.maskedId, ZY] },
  },
  // Public figures, no login: the rider's paid cover is counted; no paid claim yet, so no case to show.
  'enrol/transparency/index': {
    signedOut: { shows: () => [transparencyUi.intro, SHAANXI, transparencyUi.figures.members, transparencyUi.figures.premiums, transparencyUi.cases.title, transparencyUi.cases.empty] },
    signedIn: { shows: () => [transparencyUi.intro, SHAANXI, transparencyUi.figures.members, transparencyUi.cases.title] },
  },
  'enrol/assisted/index': {
    // Signed out: the login on the page itself (WeChat's, in the mini-program), to come back here.
    signedOut: { shows: () => [assistedUi.rider.title, assistedUi.rider.intro, ui.login.wechat] },
    // Nothing was entered for this rider: they are told to sign in with the phone staff entered.
    signedIn: { shows: () => [assistedUi.rider.title, assistedUi.rider.none, assistedUi.rider.switchAccount] },
  },
  'me/profile/index': {
    signedOut: loginPage('me/profile/index'),
    signedIn: { shows: () => [ui.profile.title, RIDER.name, RIDER.maskedId, RIDER.maskedPhone, '美团外卖', ui.profile.edit] },
  },
  'me/messages/index': {
    signedOut: loginPage('me/messages/index'),
    // The server has WeChat subscribe templates: the mini-program offers WeChat notifications.
    signedIn: { shows: () => [ui.messages.subscribe, ui.messages.markAllRead, ui.messages.unread, '保障已生效'] },
  },
  'me/accounts/index': {
    signedOut: loginPage('me/accounts/index'),
    signedIn: { shows: () => [payeeUi.title, payeeUi.add] },
  },
  'me/data/index': {
    signedOut: loginPage('me/data/index'),
    // The rider's claim is being handled: deletion is refused with the reason; the export is offered (the workbook only, in WeChat).
    signedIn: { shows: () => [dataRequestUi.intro, dataRequestUi.exportTitle, dataRequestUi.exportXlsx, dataRequestUi.deletionTitle, '笔理赔正在办理', dataRequestUi.keptTitle, dataRequestUi.kept.payments] },
  },
  'claims/new/index': {
    signedOut: loginPage('claims/new/index'),
    // The rider agreed to the medical-data consent with the first claim: the form, on the cover.
    signedIn: { shows: () => [ui.claim.enrolment, SHAANXI, ui.claim.kind, ui.claim.eventDate, ui.claim.figures, ui.claim.photos, ui.claim.addPhotos, ui.claim.estimateButton, ui.claim.submit] },
  },
  'claims/detail/index': {
    signedOut: loginPage('claims/detail/index'),
    signedIn: { query: () => ({ id: claimId }), shows: () => ['右胫骨骨折 · 西安市红会医院', ui.claimStatus.submitted, ui.claim.sentFigures, '¥15,000.00', ui.claim.sentPhotos, ui.documentKind.invoice, ui.claim.withdraw] },
  },
  'claims/list/index': {
    signedOut: loginPage('claims/list/index'),
    signedIn: { shows: () => [ui.claim.new, ui.claimStatus.submitted] },
  },
  'staff/index/index': {
    signedOut: staffSignIn,
    signedIn: { shows: () => [fillTemplate(staffUi.home.roles, { roles: staffUi.roles.admin }), staffUi.entries.check, staffUi.entries.events, staffUi.entries.units, staffUi.entries.review, staffUi.entries.payments, staffUi.entries.medical, staffPageTitles.catalogues] },
  },
  'staff/check/index': { signedOut: staffSignIn, signedIn: { shows: () => [staffUi.check.scan, staffUi.check.pasteLabel, staffUi.check.pasteCheck] } },
  'staff/events/index': { signedOut: staffSignIn, signedIn: { shows: () => [staffUi.events.create, staffUi.events.name, staffUi.events.funding, staffUi.events.submit, EVENT_NAME] } },
  'staff/event/index': {
    signedOut: staffSignIn,
    signedIn: { query: () => ({ id: eventId }), shows: () => [EVENT_NAME, staffUi.event.scanToJoin, staffUi.event.scanned, staffUi.event.enrolled, staffUi.event.confirmPayments] },
  },
  'staff/unit/index': {
    signedOut: staffSignIn,
    signedIn: { query: () => ({ unitId: world.office.unitId }), shows: () => [staffPageTitles.unit, staffUi.unit.template, staffUi.unit.enrolled, staffUi.unit.noEnrolments] },
  },
  'staff/units/index': {
    signedOut: staffSignIn,
    signedIn: { query: () => ({ unitId: world.office.unitId }), shows: () => [unitsUi.edit, unitsUi.creditCode, unitsUi.region, unitsUi.invitations.title, unitsUi.invitations.invite] },
  },
  'staff/review/index': { signedOut: staffSignIn, signedIn: { shows: () => [staffUi.review.queue, '王**', ui.claimStatus.submitted, staffUi.review.sample] } },
  'staff/claim/index': {
    signedOut: staffSignIn,
    signedIn: { query: () => ({ id: claimId }), shows: () => ['王** · 住院医疗', '右胫骨骨折', '西安市红会医院', ui.claimStatus.submitted, '¥5,000.00'] },
  },
  'staff/payments/index': { signedOut: staffSignIn, signedIn: { shows: () => [staffUi.claimPayments.approved, staffUi.claimPayments.empty, staffUi.claimPayments.addById, staffUi.claimPayments.byEvent, EVENT_NAME] } },
  'staff/medical/index': { signedOut: staffSignIn, signedIn: { shows: () => [staffPageTitles.medical, staffUi.medical.allOrNothing, staffUi.medical.weappChoose] } },
  'staff/identity/index': { signedOut: staffSignIn, signedIn: { shows: () => [staffUi.identity.intro, staffUi.identity.idNumber, staffUi.identity.search] } },
  'staff/hardship/index': { signedOut: staffSignIn, signedIn: { shows: () => [hardshipUi.flagTitle, hardshipUi.intro, hardshipUi.name, hardshipUi.reason, hardshipUi.submit, hardshipUi.listTitle, hardshipUi.empty] } },
  'staff/calendar/index': { signedOut: staffSignIn, signedIn: { shows: () => [staffPageTitles.calendar, calendarUi.intro, calendarUi.holidaysHint, calendarUi.add, calendarUi.addHoliday, calendarUi.addWorkday] } },
  'staff/catalogues/index': {
    signedOut: staffSignIn,
    signedIn: { shows: () => [staffPageTitles.catalogues, cataloguesUi.intro, cataloguesUi.upload, cataloguesUi.listTitle, `${SHAANXI}（shaanxi-gig-2023）`, cataloguesUi.twoUnitsNo, cataloguesUi.twoUnitsYes, cataloguesUi.close] },
  },
  'staff/users/index': { signedOut: staffSignIn, signedIn: { shows: () => [staffPageTitles.users, usersUi.phone, usersUi.find] } },
  'staff/audit/index': { signedOut: staffSignIn, signedIn: { shows: () => [staffPageTitles.audit, auditUi.actor, auditUi.subject, auditUi.search, auditUi.export] } },
  'staff/ledger/index': { signedOut: staffSignIn, signedIn: { shows: () => [ledgerUi.intro, ledgerUi.allCatalogues, SHAANXI, ledgerUi.show, ledgerUi.totals] } },
  'staff/dashboard/index': {
    signedOut: staffSignIn,
    signedIn: { shows: () => [dashboardPageUi.intro, dashboardPageUi.allCatalogues, dashboardPageUi.figures.coverage, dashboardPageUi.charts.enrolmentsByDay, dashboardUi.tables.coverageByUnit, dashboardPageUi.downloadAll] },
  },
}

beforeAll(async () => {
  rider = await coveredRider(world)
  claimId = await claimOf(world, rider)
  eventId = await outreachEvent(world)
}, 60_000)

/** Opens a route on a freshly launched mini-program and checks where it lands and what it says. */
async function visit(route: string, visit: Visit, token?: string): Promise<PageHandle> {
  const mp = await world.launch(token ? { token } : {})
  await mp.openPage(route, visit.query?.() ?? {})
  const page = mp.current()
  expect(page.route).toBe(visit.lands?.route ?? route)
  if (visit.lands) expect(page.instance.options).toEqual(visit.lands.options)
  const text = page.text()
  for (const wanted of visit.shows()) expect(text).toContain(wanted)
  expect(page.untemplated()).toEqual([])
  return page
}

test('every page of app.json, main package and subpackages, is tested here', () => {
  expect(routesOf(world.dist)).toEqual(Object.keys(pages))
})

describe.each(Object.keys(pages))('%s', (route) => {
  const isStaff = route.startsWith('staff/')

  test('signed out', async () => {
    await visit(route, pages[route]!.signedOut)
  })

  test(isStaff ? 'signed in as the admin' : 'signed in as a rider with cover', async () => {
    await visit(route, pages[route]!.signedIn, isStaff ? world.office.tokens.admin : rider.token)
  })

  if (isStaff) {
    test('signed in as a member: no permission', async () => {
      const page = await visit(route, { shows: () => [staffUi.home.noPermission] }, rider.token)
      expect(page.text()).not.toContain(staffUi.entries.check)
    })
  }
})
