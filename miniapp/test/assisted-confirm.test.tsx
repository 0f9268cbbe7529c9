import { describe, expect, test } from '@jest/globals'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { assistedUi, ui, type AssistedEnrolment } from '@huzhu/shared'
import AssistedConfirmPage from '../src/enrol/assisted'
import { setToken } from '../src/api/token'
import { enrolmentFixture, errorResponse, fakeServer, json } from './fixtures'
import { requests, setRequestHandler, setRouterParams, type RequestOptions, type RequestResult } from './taro-stub'

/**
 * The rider's side of a staff-assisted enrolment (代办): signed out, the page asks
 * for the phone and the SMS code; signed in, it shows what staff entered (masked),
 * who pays and the consent, and confirms only after the rider agreed.
 */
const entry = (over: Partial<AssistedEnrolment> = {}): AssistedEnrolment => ({
  id: 'asn_1', eventId: 'evt_1', eventName: '雁塔区骑手义诊', catalogueId: 'shaanxi-gig-2023', name: '王小骑', idNumberMasked: '6****************1',
  mobileMasked: '139****0001', products: [{ code: 'ZY', name: '住院+意外' }], premiumFen: 10_000, fundingSource: 'member', status: 'waiting', createdAt: '2026-11-25T02:00:00Z',
  expiresAt: '2026-11-26T02:00:00Z', confirmedAt: null, enrolmentId: null, enrolmentStatus: null, ...over,
})
const click = (id: string) => fireEvent.click(document.getElementById(id)!)
const text = (id: string) => document.getElementById(id)?.textContent ?? null
const confirmations = () => requests.filter((r) => r.method === 'POST' && r.url === '/api/v1/me/assisted-enrolments/asn_1/confirmation')

function rider(list: AssistedEnrolment[], routes: Record<string, RequestResult | ((options: RequestOptions) => RequestResult)> = {}) {
  setToken('a-session-token-0123456789')
  setRequestHandler(fakeServer({
    'GET /api/v1/me/assisted-enrolments': json({ assistedEnrolments: list }),
    'GET /api/v1/client-config': json({ wechatSubscribeTemplateIds: [], consentVersions: { privacy_policy: '2026-11-01', sensitive_personal_info: '2026-11-01', medical_data: '2026-11-01' }, onlinePayment: false, pendingDays: 7 }),
    ...routes,
  }))
  setRouterParams({})
  render(<AssistedConfirmPage />)
}

describe('the rider confirms an assisted enrolment on their own phone', () => {
  test('signed out: the phone and SMS code form, nothing of the enrolment shown', () => {
    setRouterParams({})
    render(<AssistedConfirmPage />)
    expect(document.getElementById('login-phone')).toBeTruthy()
    expect(requests.map((r) => r.url)).not.toContain('/api/v1/me/assisted-enrolments')
  })

  test('signed in: the details masked and who pays; not confirmed until the consent is ticked; then sent with the text version', async () => {
    const made = enrolmentFixture({ id: 'enr_9', status: 'pending_payment', payment: null, eventId: 'evt_1' })
    rider([entry()], { 'POST /api/v1/me/assisted-enrolments/asn_1/confirmation': json({ assistedEnrolment: entry({ status: 'confirmed', enrolmentId: 'enr_9', enrolmentStatus: 'pending_payment' }), enrolment: made }, 201) })
    await waitFor(() => expect(document.getElementById('assisted-asn_1')).toBeTruthy())
    const card = text('assisted-asn_1')!
    expect(card).toContain('6****************1')
    expect(card).toContain('139****0001')
    expect(text('assisted-premium')).toBe('¥100.00')
    expect(text('assisted-payer-note')).toBe(assistedUi.rider.memberPays)
    expect(card).toContain(ui.consent.sensitiveBody)

    click('assisted-confirm')
    expect(text('assisted-error')).toBe(assistedUi.rider.agreeFirst)
    expect(confirmations()).toEqual([])
    click('assisted-agree')
    await waitFor(() => expect(document.getElementById('assisted-agree')?.getAttribute('aria-checked')).toBe('true'))
    click('assisted-confirm')
    await waitFor(() => expect(document.getElementById('assisted-confirmed')).toBeTruthy())
    expect(confirmations()[0]?.data).toEqual({ textVersion: '2026-11-01' })
    expect(document.getElementById('assisted-gift-done')).toBeNull()
  })

  test('a gift: the rider is told the event pays, and after confirming that nothing is owed', async () => {
    const made = enrolmentFixture({ id: 'enr_9', status: 'pending_payment', payment: null, fundingSource: 'union_gift', shares: [{ payer: 'union', amountFen: 10_000, paid: false }] })
    rider([entry({ fundingSource: 'union_gift' })], { 'POST /api/v1/me/assisted-enrolments/asn_1/confirmation': json({ assistedEnrolment: entry({ status: 'confirmed' }), enrolment: made }, 201) })
    await waitFor(() => expect(text('assisted-payer-note')).toBe(assistedUi.rider.giftPays))
    click('assisted-agree')
    click('assisted-confirm')
    await waitFor(() => expect(text('assisted-gift-done')).toBe(assistedUi.rider.giftDone))
  })

  test('a refusal (the gift’s budget used up) is shown in Chinese and the rider stays on the details', async () => {
    rider([entry({ fundingSource: 'union_gift' })], { 'POST /api/v1/me/assisted-enrolments/asn_1/confirmation': errorResponse(409, 'event_gift_budget_exhausted', '本活动的赠送名额（1 人）已经用完，不能再以赠送方式参保') })
    await waitFor(() => expect(document.getElementById('assisted-asn_1')).toBeTruthy())
    click('assisted-agree')
    click('assisted-confirm')
    await waitFor(() => expect(text('assisted-error')).toBe('本活动的赠送名额（1 人）已经用完，不能再以赠送方式参保'))
    expect(document.getElementById('assisted-confirmed')).toBeNull()
  })

  test('nothing waiting for this phone (another number, or expired): says so and offers another number', async () => {
    rider([entry({ status: 'expired' })])
    await screen.findByText(assistedUi.rider.none)
    expect(document.getElementById('assisted-asn_1')).toBeNull()
    expect(document.getElementById('assisted-switch')).toBeTruthy()
  })
})
