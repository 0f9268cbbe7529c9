import type { Page } from 'playwright-core'
import { addDays, chinaDateOf, type Claim } from '@huzhu/shared'
import { screenshotter } from './browser'
import { answer, enrolledRider, phones } from './steps/api'
import { stripedPhoto } from './steps/files'
import { arrive, choosePhotos, heightsOnScreen, keepSession, onScreen, openPhone, smsLogin, tap, typeInto } from './steps/phone'
import { staffWorld } from './steps/world'

/**
 * A rider's hospital claim, end to end on the real H5 build and server at a
 * 375 × 812 phone viewport: the rider claims a hospital stay with two photos,
 * sees the payout estimate (理赔试算) and submits; a reviewer approves it and
 * staff pay it (through the API); the rider sees the paid status, the payout
 * lines and the timeline, and the news in the message list. Every screen passed
 * is saved in scripts/e2e/screenshots/member-claim/.
 *
 * Time: the server's clock is shifted (fake-clock.mjs) so the rider enrolled on
 * this phone 33 days ago; the hospital cover's 30-day waiting period is over
 * when the claim is made "today". Sessions last 30 days, so the app sends the
 * rider back to the log-in screen first.
 */
const world = staffWorld()
const shot = screenshotter('member-claim')

describe('a rider’s hospitalisation claim, from the photos to the payout', () => {
  let page: Page

  beforeAll(async () => {
    await world.setClock(-33)
    const rider = await enrolledRider(world.base, world.office.tokens.staff, { name: '王小明', idNumber: '610102199001011231' })
    page = await openPhone(world.browser, world.base, shot)
    await keepSession(page, rider.token)
    await world.setClock(0)
  })

  afterAll(async () => {
    await page?.context().close()
  })

  test('a month later: submits a hospitalisation claim with two photos; the reviewer approves, staff pay; the rider sees the payout', async () => {
    const eventDate = addDays(chinaDateOf(new Date()), -1)

    // The old session has lapsed: log in again, then the separate consent before medical figures and photos.
    await page.goto('/claims/new/index')
    await arrive(page, '#login-screen')
    expect(await page.evaluate(() => localStorage.getItem('huzhu.session.token'))).toBeNull()
    await smsLogin(page, phones.rider, shot)
    await arrive(page, '#consent-medical_data')
    await shot(page, 'consent-medical')
    await tap(page, '#consent-medical_data-agree')

    await arrive(page, '#claim-form')
    await onScreen(page, '#claim-date').fill(eventDate)
    await typeInto(page, 'claim-diagnosis', '急性阑尾炎')
    await typeInto(page, 'claim-hospital', '西安市第一医院')
    await typeInto(page, 'claim-totalCost', '15000')
    await typeInto(page, 'claim-pooledOutOfPocket', '8000')
    await typeInto(page, 'claim-supplementaryOutOfPocket', '2000')
    await typeInto(page, 'claim-hospitalDays', '12')
    await shot(page, 'claim-figures-and-slip')

    // Two photos from the album at once, each compressed and uploaded.
    await choosePhotos(page, '#claim-add-photos', [stripedPhoto('invoice.png', 20), stripedPhoto('slip.png', 140)])
    await onScreen(page, '#photo-1-status').filter({ hasText: '已上传' }).waitFor({ timeout: 30_000 })
    await onScreen(page, '#photo-0-status').filter({ hasText: '已上传' }).waitFor()
    await onScreen(page, '#claim-photos').scrollIntoViewIfNeeded()
    await shot(page, 'claim-photos-uploaded')
    // The material-type chips: a compact row under each photo, every chip still a 44 px tap target.
    const chipHeights = await heightsOnScreen(page, '#photo-list .photo__kind')
    expect(chipHeights).toHaveLength(14)
    expect(chipHeights.filter((h) => h < 44)).toEqual([])

    await tap(page, '#claim-estimate-button')
    await onScreen(page, '#claim-estimate-lines-total').waitFor()
    await onScreen(page, '#claim-estimate').scrollIntoViewIfNeeded()
    await shot(page, 'claim-estimate')
    await tap(page, '#claim-submit')

    await arrive(page, '#claim-detail')
    await expect(onScreen(page, '#claim-status').textContent()).resolves.toBe('已提交')
    await shot(page, 'claim-submitted')

    // The office: the reviewer takes the claim from the queue and approves it; staff pay it.
    const { reviewer, staff } = world.office.tokens
    const queue = await answer<{ claims: Claim[] }>(world.base, 'GET', '/api/v1/review/claims', { token: reviewer })
    expect(queue.status).toBe(200)
    const claim = queue.body.claims[0]!
    expect((await answer(world.base, 'POST', `/api/v1/claims/${claim.id}/review`, { token: reviewer, body: {} })).status).toBe(200)
    const decided = await answer<Claim>(world.base, 'POST', `/api/v1/claims/${claim.id}/decisions`, { token: reviewer, body: { decision: 'approve' } })
    expect(decided.status).toBe(200)
    expect(decided.body.decision?.approvedFen).toBeGreaterThan(0)
    const payout = await answer(world.base, 'POST', '/api/v1/claim-payments', { token: staff, body: { payments: [{ claimId: claim.id, reference: 'E2E-PAY-0001' }] } })
    expect(payout.status).toBe(201)

    // The rider, without calling anyone: paid, the transfer's reference, the payout lines, the timeline.
    await page.reload()
    await arrive(page, '#claim-payout-lines')
    await expect(onScreen(page, '#claim-status').textContent()).resolves.toBe('已打款')
    await expect(onScreen(page, '#claim-paid').textContent()).resolves.toContain('E2E-PAY-0001')
    await expect(onScreen(page, '#claim-payout-lines-line-0').isVisible()).resolves.toBe(true)
    await expect(onScreen(page, '#claim-timeline').textContent()).resolves.toMatch(/已提交.*审核中.*已核准.*已打款/)
    await shot(page, 'claim-paid-payout-lines-timeline')

    // Home shows the cover and unread news; every status change is in the message list.
    await page.goto('/')
    await arrive(page, '#home-cover')
    await onScreen(page, '#home-unread').waitFor()
    await shot(page, 'home-covered-unread')
    await tap(page, '#home-link-messages')
    await arrive(page, '#messages-screen')
    await shot(page, 'messages')
  })
})
