import { addDays, chinaDateOf, type Claim, endpoints, type Enrolment, maskBankAccountNumber, pathOf, payeeUi, staffUi, ui } from '@huzhu/shared'
import { call, RIDER_CARD } from '../e2e/steps/api'
import { idNumber, plainPng, stripedPhoto } from '../e2e/steps/files'
import type { PageHandle } from './harness/mini-program'
import { SESSION_KEY, weappWorld } from './harness/world'
import { readCardQr } from './steps/card-qr'
import { coveredRider, RIDER, type CoveredRider } from './steps/people'

/**
 * The key flows through the WeChat build, headless against the real server: a
 * new rider logs in with WeChat (wx.login's code, exchanged by the server with
 * a fake WeChat), enrols and, once staff confirm the premium, holds the card; a
 * covered rider claims a hospital stay with photos from the album (their bytes
 * reach the server); the card's QR code reads back as the signed payload, and
 * staff check it with WeChat's scanner.
 */
const world = weappWorld()

/** The NutUI checkbox in `scope` is ticked, with a tick WeChat can draw (a templated element with the icon as a mask). */
function expectTicked(page: PageHandle, scope: string): void {
  const tick = page.get(`${scope} .nut-checkbox-icon-checked`)
  expect(tick.tag).toBe('view')
  expect(tick.style).toContain('data:image/svg+xml')
}

describe('a new rider: WeChat login, enrolment, the member card', () => {
  const NEW_RIDER_ID = idNumber('1998-07-21', 215)

  test('logs in with WeChat, enrols on the hospital cover; staff confirm the premium; the card’s QR code holds the signed payload', async () => {
    const mp = await world.launch({ answers: { login: () => ({ code: 'ok-weapp-rider' }) } })
    const home = await mp.openPage('pages/index/index')
    expect(home.text()).toContain(ui.home.loginPrompt)
    await home.tap('#home-login')

    // WeChat login, only once the privacy policy is ticked.
    const login = mp.current()
    expect(login.route).toBe('pages/login/index')
    await login.tap('#login-wechat')
    expect(login.get('#login-error').text).toBe(ui.login.agreeFirst)
    expect(mp.calls('login')).toHaveLength(0)
    await login.tap('#login-agree view.nut-checkbox')
    expectTicked(login, '#login-agree')
    await login.tap('#login-wechat')
    expect(mp.calls('login')).toHaveLength(1)
    expect(world.wechat.requests.at(-1)?.get('js_code')).toBe('ok-weapp-rider')
    const token = mp.storage.get(SESSION_KEY)
    expect(typeof token).toBe('string')

    // Back home (reLaunch), with no cover yet.
    const signedIn = mp.current()
    expect(signedIn.route).toBe('pages/index/index')
    expect(mp.pages).toHaveLength(1)
    expect(signedIn.text()).toContain(ui.home.noCover)

    // The plan and its quote.
    await signedIn.tap('#home-action-enrol')
    const plans = mp.current()
    expect(plans.route).toBe('enrol/plans/index')
    await plans.tap('#product-ZY view.nut-checkbox')
    expectTicked(plans, '#product-ZY')
    expect(plans.get('#quote-total').text).toContain('¥100.00')
    await plans.tap('#quote-next')

    // Confirm, the separate consent, the real-name form (a wrong check character is refused as it is typed).
    const confirm = mp.current()
    expect(confirm.route).toBe('enrol/confirm/index')
    expect(confirm.text()).toContain(ui.enrol.profileNeeded)
    await confirm.tap('#enrol-profile')
    let profile = mp.current()
    expect(profile.route).toBe('me/profile/index')
    expect(profile.text()).toContain(ui.consent.sensitiveTitle)
    await profile.tap('#consent-sensitive_personal_info-agree')
    profile = mp.current()
    await profile.input('#profile-name', '赵小骑')
    await profile.input('#profile-id', NEW_RIDER_ID.slice(0, 17) + (NEW_RIDER_ID.endsWith('0') ? '1' : '0'))
    expect(profile.get('#profile-id-error').text).toContain('校验不通过')
    await profile.input('#profile-id', NEW_RIDER_ID)
    expect(profile.find('#profile-id-error')).toBeNull()
    await profile.input('#profile-mobile', '13700005678')
    await profile.tap('#profile-occupation-food_delivery')
    await profile.input('#profile-platform', '美团')
    await profile.tap('#profile-insurance-yes')
    await profile.tap('#profile-union-yes')
    await profile.tap('#profile-save')

    // Back on the plan (the page under the form), and enrolled: the premium is due.
    const ready = mp.current()
    expect(ready.route).toBe('enrol/confirm/index')
    await ready.tap('#enrol-submit')
    expect(ready.get('#enrol-result').text).toContain(ui.payment.title)
    expect(ready.get('#pending-payment-amount').text).toBe('¥100.00')
    expect(ready.find('#enrol-view-card')).toBeNull()

    // Staff confirm the bank transfer; the rider looks again, and the card is the way on.
    const pending = await call<{ enrolments: Enrolment[] }>(world.base, 'GET', pathOf(endpoints.enrolments.listEnrolments, {}, { status: 'pending_payment' }), { token: world.office.tokens.staff })
    const enrolment = pending.enrolments.find((e) => e.person.name === '赵小骑')!
    await call(world.base, 'POST', pathOf(endpoints.payments.createPayment), {
      token: world.office.tokens.staff,
      body: { catalogueId: enrolment.catalogueId, reference: 'WEAPP-BANK-0001', amountFen: enrolment.premiumFen, enrolmentIds: [enrolment.id] },
    })
    await ready.tap('#payment-refresh')
    await ready.tap('#enrol-view-card')
    const card = mp.current()
    expect(card.route).toBe('enrol/card/index')
    expect(card.text()).toContain('赵小骑')
    const { payload } = await call<{ payload: string }>(world.base, 'GET', pathOf(endpoints.certificates.getCertificate, { enrolmentId: enrolment.id }), { token: token as string })
    expect(readCardQr(card)).toBe(payload)
  })
})

describe('a covered rider and the staff', () => {
  let rider: CoveredRider

  beforeAll(async () => {
    rider = await coveredRider(world)
  }, 60_000)

  test('claims a hospital stay with two photos from the album: the photos’ bytes reach the server, the estimate comes first, the claim is sent', async () => {
    const invoice = plainPng(320, 240)
    const slip = stripedPhoto('slip.png', 140).buffer
    const mp = await world.launch({ token: rider.token })
    mp.answerPhotos([{ bytes: invoice, extension: 'png' }, { bytes: slip, extension: 'png' }])

    const consent = await mp.openPage('claims/new/index')
    expect(consent.text()).toContain(ui.consent.medicalTitle)
    await consent.tap('#consent-medical_data-agree')
    const form = mp.current()
    expect(form.route).toBe('claims/new/index')

    const eventDate = addDays(chinaDateOf(new Date()), -2)
    await form.change('#field-claim-date picker', eventDate)
    await form.input('#claim-diagnosis', '急性阑尾炎')
    await form.input('#claim-hospital', '西安市第一医院')
    await form.input('#claim-totalCost', '15000')
    await form.input('#claim-pooledOutOfPocket', '8000')
    await form.input('#claim-supplementaryOutOfPocket', '2000')
    await form.input('#claim-hospitalDays', '12')

    // The album: WeChat asks for the privacy consent first (the app's own dialog, agreed), then the pictures.
    await form.tap('#claim-add-photos')
    expect(mp.calls('showModal')).toEqual([expect.objectContaining({ title: ui.consent.privacyTitle })])
    expect(form.get('#photo-0-status').text).toBe(ui.claim.uploaded)
    expect(form.get('#photo-1-status').text).toBe(ui.claim.uploaded)

    await form.tap('#claim-estimate-button')
    expect(form.get('#claim-estimate').text).toContain(ui.claim.estimateTotal)
    // Where it is paid: no account yet, so the rider adds their bank card here, in the profile's name.
    expect(form.text()).toContain(payeeUi.empty)
    await form.input('#claim-payee-new-bank', '中国工商银行')
    await form.input('#claim-payee-new-number', RIDER_CARD)
    await form.tap('#claim-payee-new-save')
    expect(form.text()).toContain(maskBankAccountNumber(RIDER_CARD))
    await form.tap('#claim-submit')
    expect(form.find('#claim-failure')?.text ?? null).toBeNull()

    const detail = mp.current()
    expect(detail.route).toBe('claims/detail/index')
    expect(detail.text()).toContain(ui.claimStatus.submitted)
    expect(detail.text()).toContain('急性阑尾炎 · 西安市第一医院')

    const claimId = decodeURIComponent(detail.instance.options.id ?? '')
    const claim = await call<Claim>(world.base, 'GET', pathOf(endpoints.claims.getClaim, { claimId }), { token: rider.token })
    expect(claim.eventDate).toBe(eventDate)
    expect(claim.documents).toHaveLength(2)
    const sent = await Promise.all(claim.documents.map(async (d) => {
      const response = await fetch(`${world.base}${pathOf(endpoints.uploads.getUploadContent, { uploadId: d.uploadId })}`, { headers: { Authorization: `Bearer ${rider.token}` } })
      return Buffer.from(await response.arrayBuffer())
    }))
    expect(sent).toEqual([invoice, slip])
  })

  test('the member card’s QR code reads back as the signed payload; staff scan it with WeChat: valid, name and ID masked; a tampered one is refused', async () => {
    const member = await world.launch({ token: rider.token })
    const card = await member.openPage('enrol/card/index')
    expect(card.text()).toContain(RIDER.name)
    const scanned = readCardQr(card)
    expect(scanned).toBe(rider.payload)

    const staff = await world.launch({ token: world.office.tokens.staff, answers: { scanCode: () => ({ result: scanned, scanType: 'QR_CODE', charSet: 'utf-8' }) } })
    const check = await staff.openPage('staff/check/index')
    await check.tap('#check-scan')
    expect(staff.calls('scanCode')).toEqual([expect.objectContaining({ scanType: ['qrCode'] })])
    expect(check.get('#check-verdict').text).toContain(staffUi.check.verdict.valid)
    expect(check.get('#check-name').text).toBe('王**')
    expect(check.get('#check-id').text).toMatch(/^6101\*+\d{3}[\dX]$/)
    expect(check.text()).toContain(staffUi.check.verdict.valid)

    // A payload whose end date was changed: the signature no longer holds.
    const [prefix, body, signature] = rider.payload.split('.')
    const forged = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as Record<string, unknown>
    forged.u = '2099-12-31'
    staff.answer('scanCode', () => ({ result: `${prefix}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`, scanType: 'QR_CODE' }))
    await check.tap('#check-scan')
    expect(check.get('#check-verdict').text).toContain(staffUi.check.verdict.invalid)

    // The scanner closed without a code.
    staff.answer('scanCode', () => {
      throw new Error('cancel')
    })
    await check.tap('#check-scan')
    expect(check.text()).toContain(staffUi.check.scanCancelled)
  })
})
