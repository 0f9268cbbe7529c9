import type { ConsoleMessage, Page } from 'playwright-core'
import { addDays, chinaDateOf, type Claim, endpoints, pathOf } from '@huzhu/shared'
import { screenshotter } from './browser'
import { answer, enrolledRider, phones, RIDER_CARD } from './steps/api'
import { payThroughBank } from './steps/bank'
import { heicPhoto, notAPhoto, randomBytes, stripedPhoto } from './steps/files'
import { arrive, choosePhotos, heightsOnScreen, keepSession, onScreen, openPhone, smsLogin, tap, typeInto } from './steps/phone'
import { staffWorld } from './steps/world'

/**
 * A rider's hospital claim, end to end on the real H5 build and server at a
 * 375 × 812 phone viewport: the rider claims a hospital stay with two photos
 * and an iPhone's HEIC (two files picked by mistake are refused, each saying
 * why), reloads the page and finds the draft with its photos, sees the payout
 * estimate (理赔试算), adds the bank card it is to be paid to in the form (a
 * mistyped digit refused as it is typed) and submits, and sees on the claim
 * what was sent (the figures, the photos, one enlarged); a reviewer approves it
 * and staff pay it through the bank (a batch, the bank file, the bank's results,
 * through the API); the rider sees the paid status, the payout lines and the
 * timeline, and the news in the message list. Every screen passed
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

  test('a month later: submits a hospitalisation claim with its photos (what cannot be sent says why; the draft survives a reload); the reviewer approves, staff pay; the rider sees the payout', async () => {
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

    // Five files from the album at once: two photos (compressed and uploaded), a text file named .jpg and random bytes
    // (each refused, with the reason, where it would have been), and an iPhone's HEIC (the browser cannot draw it: sent as it is).
    const errors: string[] = []
    const onConsole = (m: ConsoleMessage) => m.type() === 'error' && errors.push(m.text())
    page.on('console', onConsole)
    await choosePhotos(page, '#claim-add-photos', [
      stripedPhoto('invoice.png', 20), stripedPhoto('slip.png', 140), notAPhoto('收据.jpg'), randomBytes('IMG_0007.jpg'), heicPhoto('IMG_0008.HEIC'),
    ])
    await onScreen(page, '#photo-4-status').filter({ hasText: '已上传' }).waitFor({ timeout: 30_000 })
    await onScreen(page, '#photo-1-status').filter({ hasText: '已上传' }).waitFor()
    await onScreen(page, '#photo-0-status').filter({ hasText: '已上传' }).waitFor()
    page.off('console', onConsole)
    expect(errors).toEqual([])
    await expect(onScreen(page, '#photo-2-status').textContent()).resolves.toBe('“收据.jpg”没有添加：这不是照片或 PDF 文件，无法识别（可以上传 JPG、PNG、WebP、HEIC 照片或 PDF）')
    await expect(onScreen(page, '#photo-3-status').textContent()).resolves.toContain('“IMG_0007.jpg”没有添加')
    await expect(onScreen(page, '#photo-4-thumb').textContent()).resolves.toBe('HEIC 照片')
    await onScreen(page, '#photo-2').scrollIntoViewIfNeeded()
    await shot(page, 'claim-photos-refused-and-heic')
    await onScreen(page, '#claim-photos').scrollIntoViewIfNeeded()
    await shot(page, 'claim-photos-uploaded')
    // The material-type chips: a compact row under each photo added, every chip still a 44 px tap target.
    const chipHeights = await heightsOnScreen(page, '#photo-list .photo__kind')
    expect(chipHeights).toHaveLength(21)
    expect(chipHeights.filter((h) => h < 44)).toEqual([])
    await tap(page, '#photo-2-remove')
    await tap(page, '#photo-2-remove')

    // The app is closed (or the page reloaded) before sending: the kept draft comes back with its photos, fetched from the server.
    await page.reload()
    await arrive(page, '#claim-draft-restored')
    await onScreen(page, '#photo-2-thumb').filter({ hasText: 'HEIC 照片' }).waitFor()
    // Both photos drawn from blob: URLs of what the server sent back (not grey boxes).
    await page.waitForFunction(() => [0, 1].every((i) => {
      const img = Array.from(document.querySelectorAll(`#photo-${i}-thumb img, img#photo-${i}-thumb`)).find((el) => (el as HTMLElement).offsetParent !== null) as HTMLImageElement | undefined
      return img !== undefined && img.src.startsWith('blob:') && img.complete && img.naturalWidth > 0
    }), undefined, { timeout: 10_000 })
    await onScreen(page, '#claim-photos').scrollIntoViewIfNeeded()
    await shot(page, 'claim-draft-restored-photos')

    // Where it is paid: no account yet, so the form asks for the rider's bank card, in the name on the profile.
    await onScreen(page, '#claim-payee-new-form').scrollIntoViewIfNeeded()
    await expect(onScreen(page, '#claim-payee-new-holder').textContent()).resolves.toBe('王小明')
    await typeInto(page, 'claim-payee-new-bank', '中国工商银行西安雁塔支行')
    await typeInto(page, 'claim-payee-new-number', `${RIDER_CARD.slice(0, -1)}7`)
    await expect(onScreen(page, '#claim-payee-new-number-error').textContent()).resolves.toBe('银行卡号校验不通过，可能有一位输错了，请对照银行卡逐位核对')
    await shot(page, 'claim-payee-card-mistyped')
    await typeInto(page, 'claim-payee-new-number', RIDER_CARD)
    await expect(onScreen(page, '#claim-payee-new-number input').inputValue()).resolves.toBe('6222 0212 3456 7890 128')
    await tap(page, '#claim-payee-new-save')
    await onScreen(page, '#claim-payee .payee-option.is-active').filter({ hasText: '6222 **** **** 0128' }).waitFor()
    await onScreen(page, '#claim-payee').scrollIntoViewIfNeeded()
    await shot(page, 'claim-payee-card-added')

    // A date in the hospital cover's waiting period: the estimate is ¥0, and the app says so, and why, before sending.
    await onScreen(page, '#claim-date').fill(addDays(chinaDateOf(new Date()), -13))
    await tap(page, '#claim-estimate-button')
    await onScreen(page, '#claim-estimate-lines-total').filter({ hasText: '¥0.00' }).waitFor()
    await tap(page, '#claim-submit')
    await arrive(page, '#claim-zero-confirm')
    await expect(onScreen(page, '#claim-zero-reason-0').textContent()).resolves.toContain('等待期')
    await onScreen(page, '#claim-zero-confirm').scrollIntoViewIfNeeded()
    await shot(page, 'claim-zero-estimate-confirm')
    await tap(page, '#claim-zero-back')
    await onScreen(page, '#claim-date').fill(eventDate)

    await tap(page, '#claim-estimate-button')
    await onScreen(page, '#claim-estimate-lines-total').waitFor()
    await onScreen(page, '#claim-estimate').scrollIntoViewIfNeeded()
    await shot(page, 'claim-estimate')
    await tap(page, '#claim-submit')

    await arrive(page, '#claim-detail')
    await expect(onScreen(page, '#claim-status').textContent()).resolves.toBe('已提交')
    await shot(page, 'claim-submitted')

    // What the rider sent, on their own claim: the figures in yuan and the photos (tap one: the photo large).
    await expect(onScreen(page, '#claim-sent-pooledOutOfPocketFen').textContent()).resolves.toBe('¥8,000.00')
    await expect(onScreen(page, '#claim-sent-hospitalDays').textContent()).resolves.toBe('12 天')
    await expect(onScreen(page, '#claim-photo-2-tile').textContent()).resolves.toBe('HEIC 照片')
    const sentPhoto = onScreen(page, '#claim-photo-0-image img')
    await sentPhoto.waitFor()
    await page.waitForFunction((img) => img !== null && (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0, await sentPhoto.elementHandle(), { timeout: 10_000 })
    await onScreen(page, '#claim-sent').scrollIntoViewIfNeeded()
    await shot(page, 'claim-sent-figures-and-photos')
    await tap(page, '#claim-photo-0-image')
    await onScreen(page, '.preview-image img').waitFor()
    await page.waitForTimeout(400)
    await shot(page, 'claim-photo-large')
    await tap(page, '.preview-image')
    await page.locator('.preview-image').waitFor({ state: 'detached' })

    // The office: the reviewer takes the claim from the queue and approves it; staff pay it.
    const { reviewer, staff } = world.office.tokens
    const queue = await answer<{ claims: Claim[] }>(world.base, 'GET', pathOf(endpoints.review.listReviewQueue), { token: reviewer })
    expect(queue.status).toBe(200)
    const claim = queue.body.claims[0]!
    expect((await answer(world.base, 'POST', pathOf(endpoints.review.startClaimReview, { claimId: claim.id }), { token: reviewer, body: {} })).status).toBe(200)
    const decided = await answer<Claim>(world.base, 'POST', pathOf(endpoints.review.decideOnClaim, { claimId: claim.id }), { token: reviewer, body: { decision: 'approve' } })
    expect(decided.status).toBe(200)
    expect(decided.body.decision?.approvedFen).toBeGreaterThan(0)
    const today = chinaDateOf(new Date())
    expect(await payThroughBank(world.base, staff, [claim.id], today)).toMatchObject({ paid: [{ claimId: claim.id, settledOn: today }], unmatched: [] })

    // The rider, without calling anyone: paid to the card, the transfer's reference, the payout lines, the timeline.
    await page.reload()
    await arrive(page, '#claim-payout-lines')
    await expect(onScreen(page, '#claim-status').textContent()).resolves.toBe('已打款')
    await expect(onScreen(page, '#claim-paid').textContent()).resolves.toContain(`流水号 HX${today.replace(/-/g, '')}000001`)
    await expect(onScreen(page, '#claim-payee-account').textContent()).resolves.toContain('6222 **** **** 0128')
    await expect(onScreen(page, '#claim-payout-lines-line-0').isVisible()).resolves.toBe(true)
    await expect(onScreen(page, '#claim-timeline').textContent()).resolves.toMatch(/已提交.*审核中.*已核准.*付款中.*已打款/)
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
