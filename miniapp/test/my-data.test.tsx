import { describe, expect, test } from '@jest/globals'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { dataRequestUi, erasedRecordKinds, keptRecordKinds, message, type DataDeletionOutlook, type DataDeletionResult } from '@huzhu/shared'
import { MyDataScreen } from '../src/features/data-requests/MyDataScreen'
import { errorResponse, fakeServer, json } from './fixtures'
import { getStorageSync, modals, requests, setModalAnswer, setRequestHandler, setStorageSync } from './taro-stub'

const kept = keptRecordKinds.map((kind) => ({ kind, text: dataRequestUi.kept[kind] }))
const erased = erasedRecordKinds.map((kind) => ({ kind, text: dataRequestUi.erased[kind] }))
const outlook = (over: Partial<DataDeletionOutlook> = {}): DataDeletionOutlook => ({
  scheduled: null, now: 'at_once', coverEndsOn: null, effectiveOn: null, refusal: null, kept, erased, ...over,
})
const result = (over: Partial<DataDeletionResult> = {}): DataDeletionResult => ({ status: 'done', effectiveOn: null, reason: null, kept, erased, ...over })
const byId = (id: string) => {
  const element = document.getElementById(id)
  if (!element) throw new Error(`no element #${id}`)
  return element
}
const TOKEN_KEY = 'huzhu.session.token'

describe('我的数据', () => {
  test('a claim being handled: the server’s reason, and no way to ask; what is kept is listed with why', async () => {
    const reason = message('data_deletion_claim_open', { count: 1 })
    setRequestHandler(fakeServer({ 'GET /api/v1/me/data-deletion': json(outlook({ now: 'refused', refusal: { code: 'data_deletion_claim_open', message: reason } })) }))
    render(<MyDataScreen />)
    await waitFor(() => expect(byId('data-deletion-now').textContent).toBe(reason))
    expect(byId('data-deletion-request').hasAttribute('disabled') || byId('data-deletion-request').className.includes('disabled')).toBe(true)
    expect(byId('data-kept').textContent).toContain(dataRequestUi.kept.claim_payouts)
    expect(byId('data-erased').textContent).toContain(dataRequestUi.erased.uploads)
  })

  test('cover running: the date it will happen; confirmed, it is scheduled and can be cancelled', async () => {
    let scheduled = false
    setRequestHandler(fakeServer({
      'GET /api/v1/me/data-deletion': () => json(scheduled
        ? outlook({ now: 'at_cover_end', coverEndsOn: '2027-11-20', effectiveOn: '2027-11-21', scheduled: { requestedAt: '2026-11-24T02:00:00.000Z', effectiveOn: '2027-11-21', reason: '原因' } })
        : outlook({ now: 'at_cover_end', coverEndsOn: '2027-11-20', effectiveOn: '2027-11-21' })),
      'POST /api/v1/me/data-deletion': () => {
        scheduled = true
        return json(result({ status: 'scheduled', effectiveOn: '2027-11-21', reason: '原因' }), 202)
      },
      'DELETE /api/v1/me/data-deletion': () => {
        scheduled = false
        return { statusCode: 204, data: '' }
      },
    }))
    render(<MyDataScreen />)
    await waitFor(() => expect(byId('data-deletion-now').textContent).toContain('2027-11-21'))
    await act(async () => {
      fireEvent.click(byId('data-deletion-request'))
    })
    expect(modals.at(-1)?.content).toBe(dataRequestUi.confirmText)
    await waitFor(() => expect(byId('data-deletion-scheduled').textContent).toContain('2027-11-21'))
    expect(requests.find((r) => r.method === 'POST')?.data).toEqual({ confirm: true })
    await act(async () => {
      fireEvent.click(byId('data-deletion-cancel'))
    })
    await waitFor(() => expect(document.getElementById('data-deletion-scheduled')).toBeNull())
    expect(requests.some((r) => r.method === 'DELETE')).toBe(true)
  })

  test('the member says no in the dialog: nothing is sent', async () => {
    setRequestHandler(fakeServer({ 'GET /api/v1/me/data-deletion': json(outlook()) }))
    render(<MyDataScreen />)
    await waitFor(() => byId('data-deletion-request'))
    setModalAnswer(false)
    await act(async () => {
      fireEvent.click(byId('data-deletion-request'))
    })
    setModalAnswer(true)
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)
  })

  test('deleted at once: the kept records with why, the session forgotten', async () => {
    setStorageSync(TOKEN_KEY, 'tok')
    setRequestHandler(fakeServer({ 'GET /api/v1/me/data-deletion': json(outlook()), 'POST /api/v1/me/data-deletion': json(result()) }))
    render(<MyDataScreen />)
    await waitFor(() => byId('data-deletion-request'))
    await act(async () => {
      fireEvent.click(byId('data-deletion-request'))
    })
    await waitFor(() => byId('data-deletion-done'))
    expect(screen.getByText(dataRequestUi.doneTitle)).toBeTruthy()
    expect(byId('data-kept').textContent).toContain(dataRequestUi.kept.payments)
    expect(getStorageSync(TOKEN_KEY)).toBe('')
  })

  test('a refusal arriving at the request (the state changed meanwhile) is shown in the server’s words', async () => {
    setRequestHandler(fakeServer({
      'GET /api/v1/me/data-deletion': json(outlook()),
      'POST /api/v1/me/data-deletion': errorResponse(409, 'data_deletion_payment_pending', message('data_deletion_payment_pending', { count: 1 })),
    }))
    render(<MyDataScreen />)
    await waitFor(() => byId('data-deletion-request'))
    await act(async () => {
      fireEvent.click(byId('data-deletion-request'))
    })
    await waitFor(() => expect(byId('data-deletion-error').textContent).toBe(message('data_deletion_payment_pending', { count: 1 })))
  })
})
