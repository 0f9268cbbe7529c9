import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { renewalUi, type UnitRenewal } from '@huzhu/shared'
import { RenewalRosterPanel } from '../../src/staff/unit/RenewalRosterPanel'
import { json } from '../fixtures'
import { setRequestHandler, setStorageSync } from '../taro-stub'

/** The unit page's 续保 card: how many covers may be renewed, and next year's roster, prefilled, to download. */
describe('renewal roster on the unit page (H5)', () => {
  const realFetch = globalThis.fetch
  const realObjectUrl = URL.createObjectURL
  let fetchMock: jest.Mock<(url: string, init?: RequestInit) => Promise<unknown>>
  const renewal: UnitRenewal = {
    catalogueId: 'shaanxi-gig-2023', catalogueName: '陕西新就业形态劳动者工会会员职工互助保障（住院+意外）', intoCatalogueId: 'shaanxi-gig-2023',
    intoCatalogueName: '陕西新就业形态劳动者工会会员职工互助保障（住院+意外）', endingCount: 24, firstEnd: '2027-01-06', lastEnd: '2027-01-06',
  }
  const serve = (renewals: UnitRenewal[]) =>
    setRequestHandler((options) => (options.url === '/api/v1/units/unt_1/renewals' ? json({ renewals }) : { statusCode: 404, data: {} }))
  beforeEach(() => {
    setStorageSync('huzhu.session.token', 'token-of-the-unit-admin-0123456789')
    fetchMock = jest.fn(async () => ({ ok: true, status: 200, blob: async () => new Blob(['xlsx']), headers: { get: () => null } }))
    globalThis.fetch = fetchMock as unknown as typeof fetch
    URL.createObjectURL = () => 'blob:roster'
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined) // jsdom cannot follow a download link
  })
  afterEach(() => {
    globalThis.fetch = realFetch
    URL.createObjectURL = realObjectUrl
    jest.restoreAllMocks()
  })

  test('in the window: how many covers end, and the prefilled roster of their catalogue to download', async () => {
    serve([renewal])
    render(<RenewalRosterPanel unitId='unt_1' />)
    expect((await screen.findByText('陕西新就业形态劳动者工会会员职工互助保障（住院+意外）：有 24 人的保障将于 2027年1月6日 到期')).id).toBe('unit-renewal-shaanxi-gig-2023-ending')
    fireEvent.click(screen.getByText(renewalUi.unit.download))
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1))
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/v1/units/unt_1/renewal-roster.xlsx?catalogueId=shaanxi-gig-2023')
  })

  test('next year’s plan not published: says so, and offers no roster', async () => {
    serve([{ ...renewal, intoCatalogueId: null, intoCatalogueName: null, firstEnd: '2027-03-01', lastEnd: '2027-03-31' }])
    render(<RenewalRosterPanel unitId='unt_1' />)
    await screen.findByText(renewalUi.unit.noSuccessor)
    expect(screen.getByText(/2027年3月1日 至 2027年3月31日 到期/)).toBeTruthy()
    expect(screen.queryByText(renewalUi.unit.download)).toBeNull()
  })

  test('nothing to renew: no card at all', async () => {
    serve([])
    render(<RenewalRosterPanel unitId='unt_1' />)
    await new Promise((r) => setTimeout(r, 50))
    expect(document.getElementById('unit-renewal')).toBeNull()
  })
})
