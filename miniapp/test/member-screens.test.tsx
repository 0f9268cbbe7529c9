import { describe, expect, test } from '@jest/globals'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ui } from '@huzhu/shared'
import { getToken, setToken } from '../src/api/token'
import { CardScreen } from '../src/features/card/CardScreen'
import { CoverCard } from '../src/features/cover/CoverCard'
import { qrRows } from '../src/features/card/QrCode'
import { HomeScreen } from '../src/features/home/HomeScreen'
import { LoginScreen } from '../src/features/login/LoginScreen'
import { MessagesScreen } from '../src/features/messages/MessagesScreen'
import { isLargeText } from '../src/lib/large-text'
import { eventCodeOf } from '../src/lib/routes'
import { enrolmentFixture, errorResponse, fakeServer, json } from './fixtures'
import { navigations, requests, setRequestHandler } from './taro-stub'

function byId(id: string): HTMLElement {
  const element = document.getElementById(id)
  if (!element) throw new Error(`no element #${id}`)
  return element
}
const type = (id: string, value: string) => fireEvent.change(byId(id), { target: { value } })

const certificate = { payload: 'HZ1.eyJ0ZXN0Ijp0cnVlfQ.c2ln', keyId: 'k1', enrolmentId: 'enr_1', validFrom: '2026-11-26', validTo: '2027-11-25' }
const session = { token: 'tok-1', expiresAt: '2026-12-25T00:00:00.000Z', user: { id: 'usr_1', roles: ['member'] } }

describe('login (H5: mobile number and SMS code)', () => {
  test('sends the code, logs in, records the privacy consent and goes back where the member came from', async () => {
    setRequestHandler(fakeServer({
      'POST /api/v1/auth/sms-codes': { statusCode: 204, data: '' },
      'POST /api/v1/auth/sessions': json(session),
      'GET /api/v1/client-config': errorResponse(404, 'not_found', '没有找到'),
      'POST /api/v1/me/consents': json({ id: 'c', kind: 'privacy_policy', textVersion: '2026-11-01', givenAt: '2026-11-25T00:00:00.000Z', withdrawnAt: null }, 201),
    }))
    render(<LoginScreen redirect='/enrol/confirm/index?catalogue=shaanxi-gig-2023&products=ZY' />)
    type('login-phone', '138 0000 1111')
    await act(async () => {
      fireEvent.click(byId('login-send-code'))
    })
    expect(requests[0]).toMatchObject({ url: '/api/v1/auth/sms-codes', data: { phone: '13800001111' } })
    expect(byId('login-send-code').textContent).toContain('秒后重发')

    type('login-code', '246810')
    fireEvent.click(byId('login-submit'))
    expect(byId('login-error').textContent).toBe(ui.login.agreeFirst)

    fireEvent.click(screen.getByText(ui.login.agree))
    fireEvent.click(byId('login-submit'))
    await waitFor(() => expect(navigations).toHaveLength(1))
    expect(getToken()).toBe('tok-1')
    expect(requests.find((r) => r.url === '/api/v1/me/consents')?.data).toEqual({ kind: 'privacy_policy', textVersion: '2026-11-01' })
    expect(navigations[0]).toEqual({ kind: 'redirectTo', url: '/enrol/confirm/index?catalogue=shaanxi-gig-2023&products=ZY' })
  })

  test('a wrong mobile number is named at the field; nothing is sent', () => {
    render(<LoginScreen />)
    type('login-phone', '1234')
    fireEvent.click(byId('login-send-code'))
    expect(byId('login-phone-error').textContent).toBe('手机号码应为11位数字，以13至19开头')
    expect(requests).toHaveLength(0)
  })
})

describe('home', () => {
  test('logged out: the three actions and a login prompt; 理赔 asks to log in first', () => {
    render(<HomeScreen />)
    expect(byId('home-action-enrol').textContent).toContain(ui.home.enrol)
    expect(byId('home-action-claim').textContent).toContain(ui.home.claim)
    expect(byId('home-action-card').textContent).toContain(ui.home.card)
    fireEvent.click(byId('home-action-claim'))
    expect(navigations[0]?.url).toBe(`/pages/login/index?redirect=${encodeURIComponent('/claims/new/index')}`)
    fireEvent.click(byId('home-action-enrol'))
    expect(navigations[1]?.url).toBe('/enrol/plans/index')
  })

  test('my cover at a glance: state today, dates, when waiting ends, payment; unread messages counted', async () => {
    setToken('tok')
    setRequestHandler(fakeServer({
      'GET /api/v1/me/enrolments': json({
        enrolments: [
          enrolmentFixture({ id: 'enr_old', coverState: 'cancelled', status: 'cancelled' }),
          enrolmentFixture(),
          enrolmentFixture({ id: 'enr_2', status: 'pending_payment', coverState: 'pending_payment', payment: null, fundingSource: 'union_gift' }),
        ],
        nextCursor: null,
      }),
      'GET /api/v1/me/notifications': json({ notifications: [], unread: 3, nextBefore: null }),
    }))
    render(<HomeScreen />)
    await screen.findByText('保障期 2026年11月26日 至 2027年11月25日', { selector: '#cover-enr_1 *' })
    expect(byId('cover-enr_1-state').textContent).toBe('等待期')
    // Per category, the first day it pays: accident cover from the start, hospital cover after its 30-day wait.
    expect(byId('cover-enr_1-waiting').textContent).toContain(ui.home.coverFromTitle)
    expect(byId('cover-enr_1-from-accident').textContent).toBe('意外2026年11月26日起（无等待期）')
    expect(byId('cover-enr_1-from-hospital').textContent).toBe('住院2026年12月26日起（等待期 30 天）')
    expect(Array.from(byId('cover-enr_1-waiting').querySelectorAll('[id^="cover-enr_1-from-"]')).map((e) => e.id))
      .toEqual(['cover-enr_1-from-accident', 'cover-enr_1-from-hospital'])
    expect(byId('cover-enr_1-payment').textContent).toBe('已缴费，2026年11月25日确认')
    expect(byId('cover-enr_2-payment').textContent).toContain('保费由工会赠送')
    expect(document.getElementById('cover-enr_old')).toBeNull()
    expect((await screen.findByText('3')).id).toBe('home-unread')
  })

  test('the cover card: each category’s own first day of cover, earliest first; none once everything pays', () => {
    const enrolment = enrolmentFixture({
      catalogueId: 'shanghai-2020', coverState: 'not_started',
      products: [{ code: 'A0', name: '住院', shares: 1 }, { code: 'B0', name: '特种重病', shares: 1 }, { code: 'C0', name: '意外', shares: 1 }],
      start: '2027-01-01', end: '2027-12-31',
      coverFrom: { hospital: '2027-01-31', critical: '2027-04-01', accident: '2027-01-01', dental: '2027-03-01' },
    })
    const { unmount } = render(<CoverCard enrolment={enrolment} />)
    expect(Array.from(byId('cover-enr_1-waiting').querySelectorAll('[id^="cover-enr_1-from-"]')).map((e) => e.textContent)).toEqual([
      '意外2027年1月1日起（无等待期）',
      '住院2027年1月31日起（等待期 30 天）',
      'dental2027年3月1日起（等待期 59 天）',
      '特种重病2027年4月1日起（等待期 90 天）',
    ])
    unmount()
    render(<CoverCard enrolment={{ ...enrolment, coverState: 'covered' }} />)
    expect(document.getElementById('cover-enr_1-waiting')).toBeNull()
  })

  test('no cover seen: enrol now, and what to do when a unit enrolled me under another phone', async () => {
    setToken('tok')
    setRequestHandler(fakeServer({
      'GET /api/v1/me/enrolments': json({ enrolments: [], nextCursor: null }),
      'GET /api/v1/me/notifications': json({ notifications: [], unread: 0, nextBefore: null }),
    }))
    render(<HomeScreen />)
    expect((await screen.findByText(ui.home.noCover)).closest('#home-no-cover')).not.toBeNull()
    expect(byId('home-cover-not-linked').textContent).toBe(ui.home.coverNotLinked)
    expect(ui.home.coverNotLinked).toMatch(/手机号码登录.*工会办事处核实身份/)
  })

  test('an expired session shows the login prompt again', async () => {
    setToken('expired')
    setRequestHandler(() => errorResponse(401, 'session_expired', '登录已过期，请重新登录'))
    render(<HomeScreen />)
    await screen.findByText(ui.home.loginPrompt)
    expect(getToken()).toBeNull()
  })

  test('large-text mode is one tap, and remembered', () => {
    render(<HomeScreen />)
    fireEvent.click(byId('home-large-text'))
    expect(isLargeText()).toBe(true)
    expect(byId('home-large-text').textContent).toBe(ui.settings.largeTextOn)
  })

  test('an outreach event code: from an H5 link or a mini-program code scene', () => {
    expect(eventCodeOf({ event: 'AB12CD' })).toBe('AB12CD')
    expect(eventCodeOf({ scene: 'e%3DAB12CD' })).toBe('AB12CD')
    expect(eventCodeOf({})).toBeUndefined()
  })

  test('an outreach event: its name and funding, and one tap to its enrolment with the event id', async () => {
    setRequestHandler(fakeServer({
      'GET /api/v1/event-codes/AB12CD': json({
        id: 'evt_1', code: 'AB12CD', name: '骑手健康义诊', place: '西安市雁塔区', date: '2026-11-25', unitName: null,
        catalogueId: 'shaanxi-gig-2023', products: ['ZY'], fundingSource: 'union_gift', gift: { limit: 50, products: ['ZY'], from: '2026-11-20', to: '2026-11-30' },
      }),
    }))
    render(<HomeScreen eventCode='AB12CD' />)
    expect((await screen.findByText('骑手健康义诊')).id).toBe('event-name')
    expect(byId('event-funding').textContent).toBe('本次保费由工会赠送')
    fireEvent.click(byId('event-enrol'))
    expect(navigations[0]?.url).toBe('/enrol/confirm/index?catalogue=shaanxi-gig-2023&products=ZY&event=evt_1')
  })
})

describe('member card', () => {
  test('the QR code carries the signed payload; the card is kept for offline use', async () => {
    setToken('tok')
    setRequestHandler(fakeServer({
      'GET /api/v1/me/enrolments': json({ enrolments: [enrolmentFixture()], nextCursor: null }),
      'GET /api/v1/enrolments/enr_1/certificate': json(certificate),
    }))
    const { unmount } = render(<CardScreen />)
    await screen.findByText('王小明')
    expect(byId('card-qr').getAttribute('data-payload')).toBe(certificate.payload)
    expect(byId('card-qr').querySelectorAll('.qr__row')).toHaveLength(qrRows(certificate.payload).length)
    expect(byId('card-valid').textContent).toBe('有效期 2026年11月26日 至 2027年11月25日')
    expect(byId('card-product-ZY').textContent).toBe('ZY 住院+意外')
    expect(document.body.textContent).toContain('6101**********1231')
    unmount()

    setRequestHandler(() => Promise.reject({ errMsg: 'request:fail' }))
    render(<CardScreen />)
    // The saved card shows at once, while the request is retried; then it is marked as the saved one.
    expect(byId('card-qr').getAttribute('data-payload')).toBe(certificate.payload)
    await screen.findByText(ui.card.offline, {}, { timeout: 6_000 })
    expect(byId('card-qr').getAttribute('data-payload')).toBe(certificate.payload)
  }, 10_000)

  test('awaiting payment: no card yet; what to pay and how instead, and the card once the office confirms it', async () => {
    setToken('tok')
    let enrolment = enrolmentFixture({ status: 'pending_payment', coverState: 'pending_payment', payment: null })
    setRequestHandler(fakeServer({
      'GET /api/v1/me/enrolments': () => json({ enrolments: [enrolment], nextCursor: null }),
      'GET /api/v1/enrolments/enr_1/certificate': json(certificate),
    }))
    render(<CardScreen />)
    expect((await screen.findByText(ui.card.notActive)).id).toBe('card-not-active')
    expect(document.getElementById('card-qr')).toBeNull()
    expect(byId('pending-payment-amount').textContent).toBe('¥100.00')
    expect(byId('pending-payment-how').textContent).toBe(ui.payment.howToPay)

    fireEvent.click(byId('payment-refresh'))
    expect((await screen.findByText(ui.payment.stillPending)).id).toBe('pending-payment-still')
    enrolment = enrolmentFixture()
    fireEvent.click(byId('payment-refresh'))
    await waitFor(() => expect(byId('card-qr').getAttribute('data-payload')).toBe(certificate.payload))
  })

  test('the QR modules come out square, row by row', () => {
    const rows = qrRows('HZ1.test')
    const widths = rows.map((runs) => runs.reduce((n, r) => n + r.length, 0))
    expect(new Set(widths)).toEqual(new Set([rows.length]))
    expect(rows[0]![0]).toEqual({ dark: true, length: 7 })
  })
})

describe('messages', () => {
  test('newest first, unread marked; opening one marks it read and opens its claim', async () => {
    setToken('tok')
    setRequestHandler(fakeServer({
      'GET /api/v1/me/notifications': json({
        notifications: [
          { id: 'n2', kind: 'claim_paid', title: '理赔已打款', body: '您的住院医疗理赔 5,000.00 元已打款', subject: { type: 'claim', id: 'clm_1' }, createdAt: '2027-01-20T08:00:00.000Z', readAt: null },
          { id: 'n1', kind: 'enrolment_active', title: '保障已生效', body: '缴费已确认', subject: { type: 'enrolment', id: 'enr_1' }, createdAt: '2026-11-25T03:00:00.000Z', readAt: '2026-11-25T04:00:00.000Z' },
        ],
        unread: 1,
        nextBefore: null,
      }),
      'POST /api/v1/me/notifications/read': { statusCode: 204, data: '' },
    }))
    render(<MessagesScreen />)
    await screen.findByText('理赔已打款')
    expect(byId('message-n2').className).toContain('is-unread')
    expect(byId('message-n1').className).not.toContain('is-unread')

    fireEvent.click(byId('message-n2'))
    expect(byId('message-n2').className).not.toContain('is-unread')
    await waitFor(() => expect(requests.some((r) => r.url === '/api/v1/me/notifications/read')).toBe(true))
    expect(requests.find((r) => r.url === '/api/v1/me/notifications/read')?.data).toEqual({ ids: ['n2'] })
    expect(navigations[0]?.url).toBe('/claims/detail/index?id=clm_1')
  })

  test('no messages: the empty state', async () => {
    setToken('tok')
    setRequestHandler(fakeServer({ 'GET /api/v1/me/notifications': json({ notifications: [], unread: 0, nextBefore: null }) }))
    render(<MessagesScreen />)
    expect((await screen.findByText(ui.messages.empty)).closest('#messages-empty')).toBeTruthy()
  })
})
