import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { fireEvent, render, waitFor } from '@testing-library/react'
import { claimPaymentResultsSchema, fillTemplate, message, staffUi, type ClaimPaymentBatch, type ClaimSummary, type MeResponse } from '@huzhu/shared'
import PaymentsPage from '../../src/staff/payments'
import { claimFixture, errorResponse, fakeServer, json } from '../fixtures'
import { requests, setRequestHandler, setStorageSync } from '../taro-stub'

const me: MeResponse = { id: 'usr_staff', roles: ['member', 'staff'], grants: [], phoneMasked: '138****0002', wechatLinked: false, hasProfile: true }

function summary(id: string, approvedFen: number, hasPayeeAccount = true): ClaimSummary {
  const { enrolmentId, catalogueId, personName, kind, eventDate, submittedAt, dueOn, dueOnProvisional, overdue, flags } = claimFixture()
  return { id, enrolmentId, catalogueId, personName, kind, eventDate, submittedAt, dueOn, dueOnProvisional, overdue, flags, status: 'approved', estimateFen: approvedFen, approvedFen, hasPayeeAccount }
}

const batch = (id: string, count: number, counts: Partial<ClaimPaymentBatch> = {}): ClaimPaymentBatch => ({
  id, count, totalFen: 620_000, createdAt: '2027-02-01T02:00:00.000Z', createdBy: me.id, pendingCount: count, paidCount: 0, failedCount: 0, ...counts,
})

const type = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } })
const click = (id: string) => fireEvent.click(document.getElementById(id)!)

/** Staff: the approved queue (claims in a batch drop out of it), batches, one claim by number. */
function staffServer(approved: ClaimSummary[], batches: ClaimPaymentBatch[] = []) {
  const batched = new Set<string>()
  setStorageSync('huzhu.session.token', 'a-session-token-0123456789')
  setRequestHandler(fakeServer({
    'GET /api/v1/me': json(me),
    'GET /api/v1/events': json({ events: [] }),
    'GET /api/v1/payments/pending-enrolments': json({ enrolments: [], nextCursor: null }),
    'GET /api/v1/review/claims': () => json({ claims: approved.filter((c) => !batched.has(c.id)), nextCursor: null }),
    'GET /api/v1/claim-payments': () => json({ batches, nextCursor: null }),
    'POST /api/v1/claim-payments': ({ data }) => {
      const { claimIds } = data as { claimIds: string[] }
      claimIds.forEach((id) => batched.add(id))
      const made = batch('cpb_new', claimIds.length)
      batches = [made, ...batches]
      return json(made, 201)
    },
    'GET /api/v1/claims/clm_desk': json(claimFixture({ id: 'clm_desk', status: 'approved', personName: '李*' })),
    'GET /api/v1/claims/clm_open': json(claimFixture({ id: 'clm_open', status: 'in_review' })),
  }))
}

describe('staff put approved claims into a payment batch', () => {
  test('approved claims come from the review queue; ticked ones become a batch and leave the list; one without an account cannot be ticked', async () => {
    staffServer([summary('clm_a', 500_000), summary('clm_b', 120_000), summary('clm_c', 80_000, false)])
    render(<PaymentsPage />)
    await waitFor(() => expect(document.getElementById('pay-row-clm_a')).toBeTruthy())
    expect(requests.find((r) => r.url.startsWith('/api/v1/review/claims'))?.url).toContain('status=approved')
    expect(document.getElementById('pay-batches-empty')?.textContent).toBe(staffUi.claimPayments.noBatches)

    click('pay-make-batch')
    expect(document.getElementById('claim-payments-failed')?.textContent).toBe(staffUi.claimPayments.selectFirst)
    expect(document.getElementById('pay-no-payee-clm_c')?.textContent).toBe(staffUi.claimPayments.noPayee)
    click('pay-select-clm_c')
    expect(document.getElementById('pay-select-clm_c')?.getAttribute('aria-checked')).toBe('false')

    click('pay-select-clm_a')
    click('pay-select-clm_b')
    expect(document.getElementById('pay-make-batch')?.textContent).toBe(fillTemplate(staffUi.claimPayments.makeBatch, { count: 2 }))
    click('pay-make-batch')
    await waitFor(() => expect(document.getElementById('pay-batch-made')?.dataset.batchId).toBe('cpb_new'))
    expect(requests.find((r) => r.method === 'POST' && r.url === '/api/v1/claim-payments')?.data).toEqual({ claimIds: ['clm_a', 'clm_b'] })
    await waitFor(() => expect(document.getElementById('pay-row-clm_a')).toBeNull())
    expect(document.getElementById('pay-row-clm_c')).toBeTruthy()
    await waitFor(() => expect(document.getElementById('pay-batch-cpb_new-counts')?.textContent).toBe('待银行结果 2 · 已打款 0 · 失败 0'))
  })

  test('at the desk, a claim is added by its number, and only an approved one', async () => {
    staffServer([])
    render(<PaymentsPage />)
    await waitFor(() => expect(document.getElementById('claim-payments-empty')).toBeTruthy())
    type('pay-claim-id', 'clm_open')
    click('pay-claim-add')
    await waitFor(() => expect(document.getElementById('claim-payments-failed')?.textContent).toBe(staffUi.claimPayments.notApproved))
    type('pay-claim-id', 'clm_desk')
    click('pay-claim-add')
    await waitFor(() => expect(document.getElementById('pay-row-clm_desk')).toBeTruthy())
  })

  test('a queue that cannot be read says why and offers to try again', async () => {
    staffServer([])
    setRequestHandler(fakeServer({ 'GET /api/v1/me': json(me), 'GET /api/v1/events': json({ events: [] }), 'GET /api/v1/review/claims': errorResponse(500, 'internal_error', '服务暂时出了问题，请稍后再试') }))
    render(<PaymentsPage />)
    await waitFor(() => expect(document.getElementById('claim-payments-error')?.textContent).toContain('服务暂时出了问题'))
  })
})

describe('a batch at the bank (H5)', () => {
  const realFetch = globalThis.fetch
  afterEach(() => {
    globalThis.fetch = realFetch
  })

  const results = claimPaymentResultsSchema.parse({
    batch: batch('cpb_1', 3, { pendingCount: 1, paidCount: 1, failedCount: 1 }),
    rowCount: 4,
    paid: [{ row: 2, claimId: 'clm_01JAAAAAAAAAAAAAAAAAAPAID1', settledOn: '2027-02-02' }],
    failed: [{ row: 3, claimId: 'clm_01JAAAAAAAAAAAAAAAAAFAILED', reason: '户名与账号不符' }],
    alreadyRecorded: 0,
    unmatched: [{ row: 4, claimNumber: null, accountMasked: '6222 **** **** 0000', amountFen: 10_000, code: 'bank_result_no_claim_number', message: message('bank_result_no_claim_number') }],
  })

  test('the bank file is downloaded; the results file is uploaded and every failed and unmatched line is shown', async () => {
    staffServer([], [batch('cpb_1', 3)])
    const noHeaders = { get: (): string | null => null }
    const fetchMock = jest.fn(async (url: string, _init?: RequestInit): Promise<unknown> => url.endsWith('/bank-file.xlsx')
      ? { ok: true, status: 200, blob: async () => new Blob(['xlsx']), headers: noHeaders }
      : { ok: true, status: 200, json: async () => results, headers: noHeaders })
    globalThis.fetch = fetchMock as unknown as typeof fetch
    URL.createObjectURL = () => 'blob:bank-file'
    URL.revokeObjectURL = () => undefined
    const saved = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    render(<PaymentsPage />)
    await waitFor(() => expect(document.getElementById('pay-batch-cpb_1')).toBeTruthy())

    click('pay-batch-cpb_1-bank-file')
    await waitFor(() => expect(fetchMock).toHaveBeenCalled())
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/v1/claim-payments/cpb_1/bank-file.xlsx')
    await waitFor(() => expect(saved).toHaveBeenCalled())
    saved.mockRestore()

    const file = new File([new Uint8Array([0x50, 0x4b, 3, 4])], '回单.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
    fireEvent.change(document.getElementById('pay-batch-cpb_1-results-file')!, { target: { files: [file] } })
    await waitFor(() => expect(document.getElementById('pay-batch-cpb_1-results-summary')?.textContent).toBe('已打款 1 笔，打款失败 1 笔，未匹配 1 行'))
    const [url, init] = fetchMock.mock.calls[1]!
    expect([url, init?.method]).toEqual(['/api/v1/claim-payments/cpb_1/results', 'POST'])
    expect(document.getElementById('pay-batch-cpb_1-results-failed-3')?.textContent).toBe('第 3 行AAFAILED户名与账号不符')
    expect(document.getElementById('pay-batch-cpb_1-results-unmatched-4')?.textContent).toBe(`第 4 行6222 **** **** 0000 · ¥100.00${message('bank_result_no_claim_number')}`)
    expect(document.getElementById('pay-batch-cpb_1-counts')?.textContent).toBe('待银行结果 1 · 已打款 1 · 失败 1')
  })
})
