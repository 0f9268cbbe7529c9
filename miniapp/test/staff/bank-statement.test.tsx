import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { bankStatementImportSchema, bankStatementUi, message, ui, type BankStatementImport as ImportResult } from '@huzhu/shared'
import { PendingPayment } from '../../src/features/payment/PendingPayment'
import { BankStatementImport } from '../../src/staff/payments/BankStatementImport'
import { UnitPaymentCodes } from '../../src/staff/unit/UnitPaymentCodes'
import { enrolmentFixture, fakeServer, json } from '../fixtures'
import { requests, setRequestHandler, setStorageSync } from '../taro-stub'

const line = (row: number, over: Partial<ImportResult['lines'][number]>): ImportResult['lines'][number] => ({
  row, date: '2026-11-27', payer: '张三', amountFen: 10_000, reference: 'HZ7K3M9QX9', result: 'matched', message: '', codes: [], matchedBy: null,
  expectedFen: null, payment: null, candidates: [], ...over,
})

// The server's answer, checked against the shared contract so it cannot drift from it.
const answer: ImportResult = bankStatementImportSchema.parse({
  lineCount: 4, matchedCount: 1, unmatchedCount: 3, matchedFen: 10_000, activatedCount: 1, paidOn: '2026-11-27',
  lines: [
    line(4, { result: 'matched', message: message('bank_line_matched', { count: 1 }), codes: ['HZ7K3M9QX9'], matchedBy: 'code', expectedFen: 10_000, payment: { id: 'pay_1', catalogueId: 'shaanxi-gig-2023', reference: '2026-11-27 张三 HZ7K3M9QX9', enrolmentCount: 1 } }),
    line(5, { payer: '李四', amountFen: 9_950, result: 'amount_differs', message: message('bank_line_amount_differs', { codes: 'HZ7K3M9QX9', expected: '100.00', received: '99.50' }), expectedFen: 10_000 }),
    line(6, { payer: '长安外卖站', amountFen: 10_000, reference: '保费', result: 'two_candidates', message: message('bank_line_two_candidates', { count: 2 }), candidates: [
      { code: 'HZ22222222', kind: 'roster', label: '长安外卖站 参保名单（2026-11-26 导入，1 人）', catalogueId: 'shaanxi-gig-2023', enrolmentCount: 1, amountFen: 10_000 },
      { code: 'HZ33333333', kind: 'roster', label: '长安外卖站 参保名单（2026-11-27 导入，1 人）', catalogueId: 'shaanxi-gig-2023', enrolmentCount: 1, amountFen: 10_000 },
    ] }),
    line(7, { payer: '工会办事处', amountFen: -10_000, reference: '理赔款', result: 'not_credit', message: message('bank_line_not_credit') }),
  ],
})

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const aFile = () => new File([new Uint8Array([0x50, 0x4b, 3, 4, 7, 7])], '流水.xlsx', { type: XLSX })

/** jsdom has no fetch: a stand-in that answers like the server (status and JSON body). */
function serverAnswers(status: number, body: unknown) {
  const fetchMock = jest.fn(async (_url: string, _init?: RequestInit) => ({ ok: status >= 200 && status < 300, status, json: async () => body, headers: { get: () => null } }))
  globalThis.fetch = fetchMock as unknown as typeof fetch
  return fetchMock
}

const rowsOf = (prefix: string) =>
  Array.from(document.querySelectorAll<HTMLElement>(`#${prefix}-lines .bank-line`)).map((el) => [Number(el.dataset.row), el.dataset.result])

describe('the bank-statement import', () => {
  const realFetch = globalThis.fetch
  afterEach(() => {
    globalThis.fetch = realFetch
  })

  test('uploads the statement’s bytes with the token; shows the summary, every unmatched line with its row and reason, and the matched ones', async () => {
    setStorageSync('huzhu.session.token', 'token-of-the-office-staff-0123456789')
    const fetchMock = serverAnswers(200, answer)
    let matched = 0
    render(<BankStatementImport onMatched={() => void matched++} />)
    fireEvent.change(document.getElementById('bank-statement-file')!, { target: { files: [aFile()] } })
    await waitFor(() => expect(document.getElementById('bank-statement-result')).toBeTruthy())

    const [url, init] = fetchMock.mock.calls[0]!
    expect(url).toBe('/api/v1/bank-statements')
    expect(init?.method).toBe('POST')
    expect(Array.from(new Uint8Array(init?.body as ArrayBuffer))).toEqual([0x50, 0x4b, 3, 4, 7, 7])
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer token-of-the-office-staff-0123456789')
    expect(matched).toBe(1)

    expect(document.getElementById('bank-statement-summary')?.textContent).toBe('共 4 行：已入账 1 行（¥100.00），1 人的参保已生效；未入账 3 行')
    expect(rowsOf('bank-unmatched')).toEqual([[5, 'amount_differs'], [6, 'two_candidates'], [7, 'not_credit']])
    expect(rowsOf('bank-matched')).toEqual([[4, 'matched']])
    const differs = document.getElementById('bank-line-5')!.textContent
    expect(differs).toContain('第 5 行')
    expect(differs).toContain(bankStatementUi.result.amount_differs)
    expect(differs).toContain('应缴 100.00 元，到账 99.50 元')
    expect(differs).toContain('¥99.50')
    // Two candidates: each listed with its code, what it is and its amount; none was chosen.
    const candidates = Array.from(document.querySelectorAll<HTMLElement>('#bank-line-6 .bank-line__candidate')).map((c) => c.textContent)
    expect(candidates).toEqual([
      'HZ22222222 · 长安外卖站 参保名单（2026-11-26 导入，1 人） · ¥100.00',
      'HZ33333333 · 长安外卖站 参保名单（2026-11-27 导入，1 人） · ¥100.00',
    ])
    expect(document.getElementById('bank-line-7')?.textContent).toContain('-¥100.00')
    expect(screen.getByText(bankStatementUi.import.reupload)).toBeTruthy()
  })

  test('a file the server refuses: its message, no result; nothing matched, nothing refreshed', async () => {
    setStorageSync('huzhu.session.token', 'token-of-the-office-staff-0123456789')
    const refusal = message('bank_statement_columns_missing', { columns: '付款人、附言/摘要' })
    serverAnswers(422, { error: { code: 'bank_statement_columns_missing', message: refusal } })
    let matched = 0
    render(<BankStatementImport onMatched={() => void matched++} />)
    fireEvent.change(document.getElementById('bank-statement-file')!, { target: { files: [aFile()] } })
    await waitFor(() => expect(document.getElementById('bank-statement-error')?.textContent).toBe(refusal))
    expect(document.getElementById('bank-statement-result')).toBeNull()
    expect(matched).toBe(0)
  })
})

describe('payment codes where the payer sees them', () => {
  test('the unit page: each pending roster’s code, what it pays for and the amount', async () => {
    setStorageSync('huzhu.session.token', 'token-of-the-unit-admin-0123456789')
    setRequestHandler(fakeServer({
      'GET /api/v1/units/unt_1/payment-codes': json({ codes: [
        { code: 'HZ7K3M9QX9', kind: 'roster', label: '碑林区外卖骑手站 参保名单（2026-11-27 导入，24 人）', catalogueId: 'shaanxi-gig-2023', enrolmentCount: 24, amountFen: 240_000, createdAt: '2026-11-27T02:00:00.000Z' },
      ] }),
    }))
    render(<UnitPaymentCodes unitId='unt_1' />)
    await waitFor(() => expect(document.getElementById('unit-payment-code-HZ7K3M9QX9')).toBeTruthy())
    expect(document.getElementById('unit-payment-code-HZ7K3M9QX9')?.textContent).toBe('HZ7K3M9QX9碑林区外卖骑手站 参保名单（2026-11-27 导入，24 人）应缴 ¥2,400.00（24 人）')
    expect(requests.map((r) => r.url)).toContain('/api/v1/units/unt_1/payment-codes')
  })

  test('a unit with nothing to pay by transfer shows no codes', async () => {
    setRequestHandler(fakeServer({ 'GET /api/v1/units/unt_1/payment-codes': json({ codes: [] }) }))
    render(<UnitPaymentCodes unitId='unt_1' />)
    await waitFor(() => expect(requests.some((r) => r.url === '/api/v1/units/unt_1/payment-codes')).toBe(true))
    expect(document.getElementById('unit-payment-codes')).toBeNull()
  })

  test('the rider who pays their own premium sees the code to write in the memo; a rider whose unit pays sees none', () => {
    const own = enrolmentFixture({ status: 'pending_payment', coverState: 'pending_payment', payment: null, fundingSource: 'member', paymentCode: 'HZ7K3M9QX9' })
    const view = render(<PendingPayment enrolment={own} refreshing={false} checked={false} onRefresh={() => undefined} />)
    expect(document.getElementById('pending-payment-reference')?.textContent).toBe('HZ7K3M9QX9')
    expect(document.getElementById('pending-payment-reference')?.previousSibling?.textContent).toBe(ui.payment.reference)
    view.unmount()
    const byUnit = enrolmentFixture({ status: 'pending_payment', coverState: 'pending_payment', payment: null, fundingSource: 'unit', paymentCode: 'HZ22222222' })
    render(<PendingPayment enrolment={byUnit} refreshing={false} checked={false} onRefresh={() => undefined} />)
    expect(document.getElementById('pending-payment-reference')).toBeNull()
  })
})
