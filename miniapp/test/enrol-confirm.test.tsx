import { describe, expect, jest, test } from '@jest/globals'
import { fireEvent, render, screen } from '@testing-library/react'
import { ui } from '@huzhu/shared'
import EnrolConfirmPage from '../src/enrol/confirm'
import { TodayProvider } from '../src/lib/today'
import { setToken } from '../src/api/token'
import type { Enrolment } from '@huzhu/shared'
import { catalogueServer, enrolmentFixture, errorResponse, json, meFixture } from './fixtures'
import { navigations, requests, setRequestHandler, setRouterParams, type RequestHandler } from './taro-stub'

const profile = {
  userId: 'usr_1', name: '王小明', idNumber: '610102199001011231', sex: 'M', birthDate: '1990-01-01', mobile: '13800001111', masked: false,
  occupation: 'food_delivery', platform: '美团', basicMedicalInsurance: true, unionMember: true, updatedAt: '2026-11-25T02:00:00.000Z',
}

/** The catalogue endpoints, the account (with a profile or not), the profile, and the enrolment endpoints. */
function enrolServer(options: { profile: boolean; enrol?: RequestHandler; mine?: () => Enrolment[] }): RequestHandler {
  const catalogues = catalogueServer()
  return (request) => {
    if (request.url === '/api/v1/me') return meFixture(options.profile)
    if (request.url === '/api/v1/me/profile') return options.profile ? json(profile) : errorResponse(404, 'profile_required', '请先填写实名信息')
    if (request.url === '/api/v1/me/enrolments' && request.method === 'POST') return options.enrol!(request)
    if (request.url === '/api/v1/me/enrolments') return json({ enrolments: options.mine?.() ?? [], nextCursor: null })
    return catalogues(request)
  }
}

function openConfirm(params: Record<string, string>, today = params.catalogue === 'shaanxi-gig-2023' ? '2026-11-25' : '2020-10-14') {
  setRouterParams(params)
  render(
    <TodayProvider value={() => today}>
      <EnrolConfirmPage />
    </TodayProvider>,
  )
}

describe('enrolment: confirm the plan', () => {
  test('quotes the chosen products again, as of today', async () => {
    setRequestHandler(catalogueServer())
    openConfirm({ catalogue: 'shanghai-2020', products: 'A0%2CA2%2CC1' })

    await screen.findByText('上海职工互助保障项目 2020')
    expect(document.getElementById('quote-total')?.textContent).toContain('¥195.00')
    expect(document.getElementById('confirm-violations')).toBeNull()
  })

  test('a selection that breaks a rule shows why', async () => {
    setRequestHandler(catalogueServer())
    openConfirm({ catalogue: 'shanghai-2020', products: 'A1' })

    await screen.findByText('上海职工互助保障项目 2020')
    expect(document.getElementById('confirm-violations')?.textContent).toContain('需要同时参加至少一项基本保障')
    expect(document.getElementById('confirm-quote')).toBeNull()
  })

  test('without a selection: says so, and goes back', () => {
    openConfirm({})

    expect(screen.getByText(ui.enrol.noSelection)).toBeTruthy()
    fireEvent.click(screen.getByText(ui.enrol.back))
    expect(navigations).toEqual([{ kind: 'navigateBack' }])
  })

  test('logged out: the way on is to log in, and come back here', async () => {
    setRequestHandler(catalogueServer())
    openConfirm({ catalogue: 'shaanxi-gig-2023', products: 'ZY' })
    fireEvent.click(await screen.findByText(ui.enrol.loginFirst))
    expect(navigations[0]?.url).toMatch(/^\/pages\/login\/index\?redirect=/)
  })

  test('without a real-name profile: the way on is the profile form (asked of GET /me: no "not found", no read of an ID number)', async () => {
    setToken('tok')
    setRequestHandler(enrolServer({ profile: false }))
    const logged = jest.spyOn(console, 'error')
    openConfirm({ catalogue: 'shaanxi-gig-2023', products: 'ZY' })
    fireEvent.click(await screen.findByText(ui.enrol.profileFirst))
    expect(navigations[0]?.url).toMatch(/^\/me\/profile\/index\?redirect=/)
    expect(requests.map((r) => r.url)).not.toContain('/api/v1/me/profile')
    expect(logged).not.toHaveBeenCalled()
    logged.mockRestore()
  })

  test('submits the selection with the premium shown and the event, then shows the payment state', async () => {
    setToken('tok')
    setRequestHandler(enrolServer({
      profile: true,
      enrol: () => json(enrolmentFixture({ status: 'pending_payment', coverState: 'pending_payment', payment: null, fundingSource: 'union_gift', eventId: 'evt_1' }), 201),
    }))
    openConfirm({ catalogue: 'shaanxi-gig-2023', products: 'ZY', event: 'evt_1' })
    fireEvent.click(await screen.findByText(ui.enrol.submit))

    await screen.findByText(ui.enrol.submitted)
    expect(requests.find((r) => r.method === 'POST')?.data).toEqual({ catalogueId: 'shaanxi-gig-2023', products: ['ZY'], expectedPremiumFen: 10_000, eventId: 'evt_1' })
    expect(document.getElementById('cover-enr_1-payment')?.textContent).toContain('保费由工会赠送')
    // The union pays: nothing for the rider to pay, and no card before the payment is confirmed.
    expect(document.getElementById('pending-payment-how')?.textContent).toBe('保费由工会赠送，您不需要缴纳。工会办事处确认到账后保障生效，我们会发消息通知您。')
    expect(document.getElementById('pending-payment-amount')).toBeNull()
    expect(document.getElementById('enrol-view-card')).toBeNull()
  })

  test('awaiting the rider’s own payment: the way on is paying (amount, how, the reference); the card only once the cover is active', async () => {
    setToken('tok')
    const pending = enrolmentFixture({ status: 'pending_payment', coverState: 'pending_payment', payment: null, fundingSource: 'member' })
    let mine: Enrolment[] = [pending]
    setRequestHandler(enrolServer({ profile: true, enrol: () => json(pending, 201), mine: () => mine }))
    openConfirm({ catalogue: 'shaanxi-gig-2023', products: 'ZY' })
    fireEvent.click(await screen.findByText(ui.enrol.submit))

    await screen.findByText(ui.enrol.submitted)
    expect(document.getElementById('enrol-view-card')).toBeNull()
    expect(document.getElementById('pending-payment-amount')?.textContent).toBe('¥100.00')
    expect(document.getElementById('pending-payment-how')?.textContent).toBe(ui.payment.howToPay)
    expect(document.getElementById('pending-payment-reference')?.textContent).toBe('HZ7K3M9QX9')

    // Not confirmed yet: said so, still no card.
    fireEvent.click(screen.getByText(ui.payment.refresh))
    expect((await screen.findByText(ui.payment.stillPending)).id).toBe('pending-payment-still')
    expect(document.getElementById('enrol-view-card')).toBeNull()

    // The office confirmed the transfer: the card is the way on.
    mine = [enrolmentFixture()]
    fireEvent.click(screen.getByText(ui.payment.refresh))
    fireEvent.click(await screen.findByText(ui.enrol.viewCard))
    expect(document.getElementById('pending-payment')).toBeNull()
    expect(navigations.at(-1)).toEqual({ kind: 'redirectTo', url: '/enrol/card/index?enrolment=enr_1' })
  })

  test('the server computed another premium: said so, and quoted again', async () => {
    setToken('tok')
    setRequestHandler(enrolServer({ profile: true, enrol: () => errorResponse(409, 'quote_changed', '保费已变化') }))
    openConfirm({ catalogue: 'shaanxi-gig-2023', products: 'ZY' })
    fireEvent.click(await screen.findByText(ui.enrol.submit))
    expect((await screen.findByText(ui.enrol.quoteChanged)).id).toBe('enrol-quote-changed')
    expect(await screen.findByText(ui.enrol.submit)).toBeTruthy()
  })
})
