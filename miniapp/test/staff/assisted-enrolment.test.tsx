import { describe, expect, test } from '@jest/globals'
import { fireEvent, render, waitFor } from '@testing-library/react'
import { assistedUi, message, type AssistedEnrolment, type MeResponse, type OutreachEvent } from '@huzhu/shared'
import EventPage from '../../src/staff/event'
import { TodayProvider } from '../../src/lib/today'
import { catalogueServer, errorResponse, fakeServer, json } from '../fixtures'
import { requests, setRequestHandler, setRouterParams, setStorageSync, type RequestOptions, type RequestResult } from '../taro-stub'

/**
 * Staff-assisted enrolment (代办) on the event page, issue 11 item 6: the rider's
 * details are checked on the staff member's phone with the shared checks (ID
 * number, mobile, selection) and the quote shown; nothing is sent while a check
 * fails; once sent, the rider's QR is shown and the event's entries with their state.
 */
const staffMe: MeResponse = { id: 'usr_staff', roles: ['member', 'staff'], grants: [], phoneMasked: '138****0002', wechatLinked: false, hasProfile: true }
const event: OutreachEvent = {
  id: 'evt_1', code: 'AB23CD', name: '雁塔区骑手义诊', place: '小寨骑手驿站', date: '2026-11-25', unitName: null, catalogueId: 'shaanxi-gig-2023',
  products: ['ZY'], fundingSource: 'member', gift: null, unitId: null, link: 'https://huzhu.example.org/pages/index/index?event=AB23CD', scene: 'e=AB23CD',
  counts: { scanned: 3, enrolled: 1, pendingPayment: 1, gifts: 0 }, createdAt: '2026-11-25T01:00:00Z', createdBy: 'usr_staff',
}
const entry = (over: Partial<AssistedEnrolment> = {}): AssistedEnrolment => ({
  id: 'asn_1', eventId: 'evt_1', eventName: event.name, catalogueId: 'shaanxi-gig-2023', name: '王小骑', idNumberMasked: '6****************1',
  mobileMasked: '139****0001', products: [{ code: 'ZY', name: '住院+意外' }], premiumFen: 10_000, fundingSource: 'member', status: 'waiting', createdAt: '2026-11-25T02:00:00Z',
  expiresAt: '2026-11-26T02:00:00Z', confirmedAt: null, enrolmentId: null, enrolmentStatus: null, ...over,
})
const VALID_ID = '610102199001011231'

const type = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } })
const click = (id: string) => fireEvent.click(document.getElementById(id)!)
const text = (id: string) => document.getElementById(id)?.textContent ?? null
const posted = () => requests.filter((r) => r.method === 'POST' && r.url === '/api/v1/events/evt_1/assisted-enrolments')

function office(routes: Record<string, RequestResult | ((options: RequestOptions) => RequestResult)> = {}, list: AssistedEnrolment[] = []) {
  setStorageSync('huzhu.session.token', 'a-session-token-0123456789')
  const catalogues = catalogueServer()
  const server = fakeServer({
    'GET /api/v1/me': json(staffMe), 'GET /api/v1/events/evt_1': json(event),
    'GET /api/v1/events/evt_1/assisted-enrolments': json({ assistedEnrolments: list }), ...routes,
  })
  setRequestHandler((options) => (options.url.startsWith('/api/v1/catalogues') ? catalogues(options) : server(options)))
}

async function openEvent() {
  setRouterParams({ id: 'evt_1' })
  render(<TodayProvider value={() => '2026-11-25'}><EventPage /></TodayProvider>)
  await waitFor(() => expect(document.getElementById('assisted-product-ZY')).toBeTruthy())
  await waitFor(() => expect(text('assisted-quote')).toContain('¥'))
}

function fillRider(idNumber = VALID_ID, mobile = '13900000001') {
  type('assisted-name', '王小骑')
  type('assisted-id-number', idNumber)
  type('assisted-mobile', mobile)
  type('assisted-platform', '美团')
}

describe('a staff member enrols a rider at an event', () => {
  test('a wrong ID number or phone is refused on the phone with the shared check’s message; nothing is sent', async () => {
    office()
    await openEvent()
    fillRider('610102199001011232')
    click('assisted-submit')
    expect(text('assisted-error')).toBe(message('id_checksum'))
    fillRider(VALID_ID, '1390000000')
    click('assisted-submit')
    expect(text('assisted-error')).toBe(message('mobile_invalid'))
    expect(posted()).toEqual([])
  })

  test('the quote is shown; sent with the quoted premium; then the rider’s QR of the confirmation page', async () => {
    office({ 'POST /api/v1/events/evt_1/assisted-enrolments': json(entry(), 201) })
    await openEvent()
    expect(text('assisted-quote')).toContain('个人缴费')
    fillRider()
    click('assisted-submit')
    await waitFor(() => expect(document.getElementById('assisted-sent')).toBeTruthy())
    expect(posted()[0]?.data).toEqual({
      name: '王小骑', idNumber: VALID_ID, mobile: '13900000001', occupation: 'food_delivery', platform: '美团',
      basicMedicalInsurance: true, unionMember: true, products: ['ZY'], expectedPremiumFen: expect.any(Number),
    })
    expect(text('assisted-sent-text')).toContain('139****0001')
    expect(text('assisted-link')).toBe('https://huzhu.example.org/enrol/assisted/index')
  })

  test('the server’s refusal is shown in Chinese (a gift over its budget)', async () => {
    office({ 'POST /api/v1/events/evt_1/assisted-enrolments': errorResponse(409, 'event_gift_budget_exhausted', '本活动的赠送名额（1 人）已经用完，不能再以赠送方式参保') })
    await openEvent()
    fillRider()
    click('assisted-submit')
    await waitFor(() => expect(text('assisted-error')).toBe('本活动的赠送名额（1 人）已经用完，不能再以赠送方式参保'))
    expect(document.getElementById('assisted-sent')).toBeNull()
  })

  test('the event’s entries show their state: waiting, confirmed and paid or not, expired', async () => {
    office({}, [
      entry({ id: 'asn_3' }),
      entry({ id: 'asn_2', status: 'confirmed', enrolmentId: 'enr_2', enrolmentStatus: 'active', confirmedAt: '2026-11-25T02:05:00Z' }),
      entry({ id: 'asn_1', status: 'expired' }),
    ])
    await openEvent()
    await waitFor(() => expect(document.getElementById('assisted-asn_3')).toBeTruthy())
    expect(document.getElementById('assisted-asn_3')?.textContent).toContain(assistedUi.staff.waiting)
    expect(document.getElementById('assisted-asn_2')?.textContent).toContain(`${assistedUi.staff.confirmed} · ${assistedUi.staff.active}`)
    expect(document.getElementById('assisted-asn_1')?.textContent).toContain(assistedUi.staff.expired)
  })
})
