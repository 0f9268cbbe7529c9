import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { fireEvent, render, waitFor } from '@testing-library/react'
import { ledgerSchema, ledgerUi, message, staffPageTitles, type Ledger, type LedgerFigures, type MeResponse } from '@huzhu/shared'
import StaffHomePage from '../../src/staff/index'
import LedgerPage from '../../src/staff/ledger'
import { catalogueServer, errorResponse, fakeServer, json, shaanxi } from '../fixtures'
import { requests, setRequestHandler, setStorageSync, type RequestResult } from '../taro-stub'

const zero: LedgerFigures = {
  paidEnrolmentCount: 0, premiumsOnlineFen: 0, premiumsTransferFen: 0, refundCount: 0, refundsFen: 0, netPremiumsFen: 0,
  claimsPaidCount: 0, claimsPaidFen: 0, claimsFailedCount: 0, claimsFailedFen: 0,
}
const SHAANXI = shaanxi.data.name

// The server's answer, checked against the shared contract so it cannot drift from it.
const ledger: Ledger = ledgerSchema.parse({
  from: '2026-11-24', to: '2026-11-25', catalogueId: null,
  rows: [
    { ...zero, day: '2026-11-24', catalogueId: 'shaanxi-gig-2023', catalogueName: SHAANXI, fundingSource: 'unit', paidEnrolmentCount: 2, premiumsTransferFen: 20_000, netPremiumsFen: 20_000 },
    { ...zero, day: '2026-11-25', catalogueId: 'shaanxi-gig-2023', catalogueName: SHAANXI, fundingSource: 'member', paidEnrolmentCount: 2, premiumsOnlineFen: 20_000, refundCount: 1, refundsFen: 10_000, netPremiumsFen: 10_000 },
    { ...zero, day: '2026-11-25', catalogueId: 'shanghai-2020', catalogueName: '上海', fundingSource: 'member', claimsPaidCount: 1, claimsPaidFen: 620_000, claimsFailedCount: 1, claimsFailedFen: 123_456 },
  ],
  totals: { paidEnrolmentCount: 4, premiumsOnlineFen: 20_000, premiumsTransferFen: 20_000, refundCount: 1, refundsFen: 10_000, netPremiumsFen: 30_000, claimsPaidCount: 1, claimsPaidFen: 620_000, claimsFailedCount: 1, claimsFailedFen: 123_456 },
})

const type = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } })
const click = (id: string) => fireEvent.click(document.getElementById(id)!)
const text = (id: string) => document.getElementById(id)?.textContent
const ledgerRequests = () => requests.filter((r) => r.url.startsWith('/api/v1/ledger'))

function signedInAs(roles: MeResponse['roles'], answer: (url: string) => RequestResult = () => json(ledger)) {
  setStorageSync('huzhu.session.token', 'token-of-the-office-staff-0123456789')
  const me: MeResponse = { id: 'usr_1', roles, grants: [], phoneMasked: '138****5678', wechatLinked: false, hasProfile: true }
  const catalogues = catalogueServer()
  const staff = fakeServer({ 'GET /api/v1/me': json(me), 'GET /api/v1/ledger': ({ url }) => answer(url) })
  setRequestHandler((options) => (options.url.startsWith('/api/v1/catalogues') ? catalogues(options) : staff(options)))
}

describe('the ledger page', () => {
  test('opens on this month so far (China dates), with the totals and one card per day, catalogue and funding source', async () => {
    signedInAs(['member', 'staff'])
    render(<LedgerPage />)
    await waitFor(() => expect(document.getElementById('ledger-result')).toBeTruthy())
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
    expect(ledgerRequests().map((r) => r.url)).toEqual([`/api/v1/ledger?from=${today.slice(0, 8)}01&to=${today}`])
    expect(text('ledger-totals-premiums')).toBe('保费收入：线上 ¥200.00，转账 ¥200.00（4 人）')
    expect(text('ledger-totals-refunds')).toBe('退费：1 笔 ¥100.00')
    expect(text('ledger-totals-net')).toBe('净保费：¥300.00')
    expect(text('ledger-totals-claims-paid')).toBe('理赔已付：1 笔 ¥6,200.00')
    expect(text('ledger-totals-claims-failed')).toBe('理赔退回：1 笔 ¥1,234.56')
    const rows = Array.from(document.querySelectorAll<HTMLElement>('.ledger-row')).map((row) => [row.dataset.day, row.dataset.funding, row.textContent])
    expect(rows).toEqual([
      ['2026-11-24', 'unit', `2026-11-24 · ${SHAANXI} · 单位缴费保费收入：线上 ¥0.00，转账 ¥200.00（2 人）净保费：¥200.00`],
      ['2026-11-25', 'member', `2026-11-25 · ${SHAANXI} · 个人缴费保费收入：线上 ¥200.00，转账 ¥0.00（2 人）退费：1 笔 ¥100.00净保费：¥100.00`],
      ['2026-11-25', 'member', '2026-11-25 · 上海 · 个人缴费理赔已付：1 笔 ¥6,200.00理赔退回：1 笔 ¥1,234.56'],
    ])
  })

  test('another range and one catalogue: asked as typed; a range the server would refuse says why and asks nothing', async () => {
    signedInAs(['member', 'admin'])
    render(<LedgerPage />)
    await waitFor(() => expect(document.getElementById('ledger-catalogue-shaanxi-gig-2023')).toBeTruthy())
    await waitFor(() => expect(document.getElementById('ledger-result')).toBeTruthy())
    type('ledger-from', '2026-11-25')
    type('ledger-to', '2026-11-24')
    click('ledger-show')
    expect(text('ledger-error')).toBe(message('ledger_range_reversed'))
    type('ledger-from', '2025-11-24')
    type('ledger-to', '2026-11-25')
    click('ledger-show')
    expect(text('ledger-error')).toBe('一次最多查询 366 天，请缩短日期范围')
    type('ledger-from', '2026-11-31')
    click('ledger-show')
    expect(text('ledger-error')).toBe(ledgerUi.dateInvalid)
    expect(ledgerRequests()).toHaveLength(1)

    type('ledger-from', ' 2026-11-24')
    click('ledger-catalogue-shaanxi-gig-2023')
    click('ledger-show')
    await waitFor(() => expect(ledgerRequests()).toHaveLength(2))
    expect(ledgerRequests()[1]!.url).toBe('/api/v1/ledger?from=2026-11-24&to=2026-11-25&catalogueId=shaanxi-gig-2023')
    expect(document.getElementById('ledger-error')).toBeNull()
  })

  test('nothing in the range: the totals at zero and a word saying so; a refusal from the server is shown with a retry', async () => {
    let refuse = false
    signedInAs(['member', 'staff'], () => (refuse ? errorResponse(422, 'unknown_catalogue', message('unknown_catalogue')) : json({ ...ledger, rows: [], totals: zero })))
    render(<LedgerPage />)
    await waitFor(() => expect(text('ledger-empty')).toBe(ledgerUi.empty))
    expect(text('ledger-totals-net')).toBe('净保费：¥0.00')
    refuse = true
    click('ledger-catalogue-shanghai-2020')
    click('ledger-show')
    await waitFor(() => expect(text('ledger-load-error')).toContain(message('unknown_catalogue')))
  })
})

describe('the ledger workbook (H5)', () => {
  const realFetch = globalThis.fetch
  afterEach(() => {
    globalThis.fetch = realFetch
  })

  test('downloads the range shown, with the token', async () => {
    signedInAs(['member', 'staff'])
    const fetchMock = jest.fn(async (_url: string, _init?: RequestInit): Promise<unknown> => ({ ok: true, status: 200, blob: async () => new Blob(['xlsx']), headers: { get: () => null } }))
    globalThis.fetch = fetchMock as unknown as typeof fetch
    URL.createObjectURL = () => 'blob:ledger'
    URL.revokeObjectURL = () => undefined
    const saved = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    render(<LedgerPage />)
    await waitFor(() => expect(document.getElementById('ledger-result')).toBeTruthy())
    type('ledger-from', '2026-11-24')
    type('ledger-to', '2026-11-25')
    click('ledger-catalogue-shanghai-2020')
    click('ledger-show')
    await waitFor(() => expect(ledgerRequests()).toHaveLength(2))
    await waitFor(() => expect(document.getElementById('ledger-result')).toBeTruthy())
    click('ledger-download')
    await waitFor(() => expect(saved).toHaveBeenCalled())
    const [url, init] = fetchMock.mock.calls[0]!
    expect(url).toBe('/api/v1/ledger.xlsx?from=2026-11-24&to=2026-11-25&catalogueId=shanghai-2020')
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer token-of-the-office-staff-0123456789')
    saved.mockRestore()
  })
})

describe('who reaches the ledger', () => {
  test.each([['staff'], ['admin']] as const)('%s: an entry on the staff home, and the page opens', async (role) => {
    signedInAs(['member', role])
    const home = render(<StaffHomePage />)
    await waitFor(() => expect(text('staff-entry-ledger')).toContain(staffPageTitles.ledger))
    home.unmount()
    render(<LedgerPage />)
    await waitFor(() => expect(document.getElementById('ledger-desk')).toBeTruthy())
  })

  test.each([['reviewer'], ['unit_admin']] as const)('%s: no entry, and the page refuses', async (role) => {
    signedInAs(['member', role])
    const home = render(<StaffHomePage />)
    await waitFor(() => expect(document.getElementById('staff-home')).toBeTruthy())
    expect(document.getElementById('staff-entry-ledger')).toBeNull()
    home.unmount()
    render(<LedgerPage />)
    await waitFor(() => expect(document.getElementById('staff-forbidden')).toBeTruthy())
    expect(ledgerRequests()).toEqual([])
  })
})
