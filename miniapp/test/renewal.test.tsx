import { describe, expect, test } from '@jest/globals'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { renewalUi, type Enrolment, type RenewalOffer as Offer } from '@huzhu/shared'
import { setToken } from '../src/api/token'
import { CardScreen } from '../src/features/card/CardScreen'
import { HomeScreen } from '../src/features/home/HomeScreen'
import { MessagesScreen } from '../src/features/messages/MessagesScreen'
import { enrolmentFixture, errorResponse, fakeServer, json } from './fixtures'
import { navigations, requests, setRequestHandler } from './taro-stub'

/** 续保: the member's active cover in its renewal window offers one tap that makes the pending renewal and opens it to pay. */
const offer = (over: Partial<Offer> = {}): Offer => ({
  opensOn: '2027-10-26', closesOn: '2027-11-25', renewalId: null, unavailable: null,
  offer: { catalogueId: 'shaanxi-gig-2023', catalogueName: '陕西新就业形态劳动者工会会员职工互助保障（住院+意外）', start: '2027-11-26', end: '2028-11-25', premiumFen: 10_000, coverFrom: { hospital: '2027-11-26', accident: '2027-11-26' } },
  ...over,
})
const covered = (renewal: Offer | null) => enrolmentFixture({ coverState: 'covered', renewal })
const renewalMade = enrolmentFixture({
  id: 'enr_2', status: 'pending_payment', coverState: 'pending_payment', payment: null, start: '2027-11-26', end: '2028-11-25', renewsEnrolmentId: 'enr_1',
})

function homeServer(enrolments: Enrolment[], renew: Parameters<typeof fakeServer>[0][string] = json(renewalMade, 201)) {
  setToken('tok')
  setRequestHandler(fakeServer({
    'GET /api/v1/me/enrolments': json({ enrolments, nextCursor: null }),
    'GET /api/v1/me/notifications': json({ notifications: [], unread: 0, nextBefore: null }),
    'POST /api/v1/enrolments/enr_1/renewals': renew,
  }))
}
const byId = (id: string) => document.getElementById(id)
/** A loaded machine may take more than the default second to render the list. */
const slow = { timeout: 3_000 }

describe('renewing from home', () => {
  test('the window is open: the new period and price, and one tap makes the renewal and opens it to pay', async () => {
    homeServer([covered(offer())])
    render(<HomeScreen />)
    const button = await screen.findByText(renewalUi.member.button, {}, slow)
    expect(byId('renewal-enr_1-period')!.textContent).toBe('保障将于 2027年11月25日 到期。续保后新保障从 2027年11月26日 起接续至 2028年11月25日，不断保，已有保障项目不再重新计算等待期。')
    expect(byId('renewal-enr_1-premium')!.textContent).toBe('续保保费 ¥100.00')
    expect(byId('renewal-enr_1-catalogue')).toBeNull()
    await act(async () => {
      fireEvent.click(button)
    })
    await waitFor(() => expect(navigations).toEqual([{ kind: 'navigateTo', url: '/enrol/card/index?enrolment=enr_2' }]), slow)
    expect(requests.find((r) => r.url === '/api/v1/enrolments/enr_1/renewals')).toMatchObject({ method: 'POST', data: { expectedPremiumFen: 10_000 } })
  })

  test('refused (the price changed meanwhile): the server’s reason, and nowhere to go', async () => {
    homeServer([covered(offer())], errorResponse(409, 'quote_changed', '保费已变化，请重新确认后再参保'))
    render(<HomeScreen />)
    const button = await screen.findByText(renewalUi.member.button, {}, slow)
    await act(async () => {
      fireEvent.click(button)
    })
    expect((await screen.findByText('保费已变化，请重新确认后再参保', {}, slow)).id).toBe('renewal-enr_1-error')
    expect(navigations).toEqual([])
  })

  test('renewed already: says from when, and opens the renewal instead of renewing again', async () => {
    homeServer([covered(offer({ renewalId: 'enr_2' })), renewalMade])
    render(<HomeScreen />)
    expect((await screen.findByText('已续保，新保障从 2027年11月26日 起生效', {}, slow)).id).toBe('renewal-enr_1-done')
    expect(screen.queryByText(renewalUi.member.button)).toBeNull()
    fireEvent.click(byId('renewal-enr_1-open')!)
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/enrol/card/index?enrolment=enr_2' }])
  })

  test('outside the window nothing is offered; a renewal the engine refuses says why', async () => {
    homeServer([covered(null)])
    const { unmount } = render(<HomeScreen />)
    await screen.findByText('保障期 2026年11月26日 至 2027年11月25日', { selector: '#cover-enr_1 *' }, slow)
    expect(byId('renewal-enr_1')).toBeNull()
    unmount()
    homeServer([covered(offer({ offer: null, unavailable: '还没有 2027-11-26 起的保障计划，暂不能续保，请联系工会办事处' }))])
    render(<HomeScreen />)
    expect((await screen.findByText(/暂不能续保：还没有/, {}, slow)).id).toBe('renewal-enr_1-unavailable')
    expect(screen.queryByText(renewalUi.member.button)).toBeNull()
  })

  test('into next year’s plan: the plan is named', async () => {
    homeServer([covered(offer({ offer: { ...offer().offer!, catalogueId: 'shaanxi-gig-2027', catalogueName: '陕西 2027 年度计划' } }))])
    render(<HomeScreen />)
    expect((await screen.findByText('续保计划：陕西 2027 年度计划', {}, slow)).id).toBe('renewal-enr_1-catalogue')
  })
})

describe('renewing from the member card', () => {
  test('the card of a cover in its renewal window carries the same one-tap renewal', async () => {
    setToken('tok')
    setRequestHandler(fakeServer({
      'GET /api/v1/me/enrolments': json({ enrolments: [covered(offer())], nextCursor: null }),
      'GET /api/v1/enrolments/enr_1/certificate': json({ payload: 'HZ1.eyJ0ZXN0Ijp0cnVlfQ.c2ln', keyId: 'k1', enrolmentId: 'enr_1', validFrom: '2026-11-26', validTo: '2027-11-25' }),
      'POST /api/v1/enrolments/enr_1/renewals': json(renewalMade, 201),
    }))
    render(<CardScreen />)
    const button = await screen.findByText(renewalUi.member.button, {}, slow)
    await act(async () => {
      fireEvent.click(button)
    })
    expect(byId('card-qr')).not.toBeNull()
    await waitFor(() => expect(navigations).toEqual([{ kind: 'navigateTo', url: '/enrol/card/index?enrolment=enr_2' }]), slow)
  })
})

describe('renewal reminders', () => {
  test('a unit admin’s reminder about their unit opens the unit page, where the renewal roster is', async () => {
    setToken('tok')
    setRequestHandler(fakeServer({
      'GET /api/v1/me/notifications': json({
        notifications: [{
          id: 'n1', kind: 'unit_cover_ending', title: '本单位保障即将到期', body: '碑林区外卖骑手站有 2 人的保障将在 2027-01-06 前到期。', subject: { type: 'unit', id: 'unt_1' },
          createdAt: '2026-12-23T02:00:00.000Z', readAt: null,
        }],
        unread: 1, nextBefore: null,
      }),
      'POST /api/v1/me/notifications/read': { statusCode: 204, data: '' },
    }))
    render(<MessagesScreen />)
    fireEvent.click((await screen.findByText('本单位保障即将到期', {}, slow)).closest('#message-n1')!)
    expect(navigations[0]?.url).toBe('/staff/unit/index?unitId=unt_1')
  })
})
