import { describe, expect, test } from '@jest/globals'
import { fireEvent, render, waitFor } from '@testing-library/react'
import { fillTemplate, formatYuan, message, staffUi, type MeResponse } from '@huzhu/shared'
import ClaimPage from '../../src/staff/claim'
import { claimFixture, errorResponse, fakeServer, json } from '../fixtures'
import { requests, setRequestHandler, setRouterParams, setStorageSync } from '../taro-stub'

const me: MeResponse = { id: 'usr_rev', roles: ['member', 'reviewer'], grants: [], phoneMasked: '138****0003', wechatLinked: false, hasProfile: false }
const opened = claimFixture({ status: 'in_review', documents: [], estimate: { totalFen: 620_000, lines: [] } })
const refreshed = claimFixture({ status: 'in_review', documents: [], estimate: { totalFen: 150_000, lines: [] } })

describe('a reviewer approves a claim whose estimate changed meanwhile', () => {
  test('the claim is loaded again, the reviewer is told the amount changed, and approves the new amount', async () => {
    let current = opened
    const decisions: unknown[] = []
    setStorageSync('huzhu.session.token', 'a-session-token-0123456789')
    setRouterParams({ id: opened.id })
    setRequestHandler(fakeServer({
      'GET /api/v1/me': json(me),
      [`GET /api/v1/claims/${opened.id}`]: () => json(current),
      [`POST /api/v1/claims/${opened.id}/decisions`]: ({ data }) => {
        decisions.push(data)
        if (decisions.length === 1) {
          current = refreshed // the server saved the new estimate
          return { statusCode: 409, data: { error: { code: 'claim_estimate_changed', message: message('claim_estimate_changed', { amount: '1500.00' }), details: [{ estimateFen: 150_000 }] } } }
        }
        return json({ ...refreshed, status: 'approved', decision: { decidedAt: '2027-01-20T00:00:00Z', decision: 'approve', approvedFen: 150_000, lines: [], refusal: null, missing: [], note: null } })
      },
    }))
    render(<ClaimPage />)
    await waitFor(() => expect(document.getElementById('claim-payout-total')?.getAttribute('data-amount-fen')).toBe('620000'))

    fireEvent.click(document.getElementById('decision-submit')!)
    await waitFor(() => expect(document.getElementById('claim-payout-total')?.getAttribute('data-amount-fen')).toBe('150000'))
    expect(document.getElementById('claim-estimate-changed')?.textContent).toBe(
      fillTemplate(staffUi.claim.estimateChanged, { before: formatYuan(620_000), after: formatYuan(150_000) }),
    )
    // The form starts again from the new amount, with no error of its own.
    expect((document.getElementById('decision-amount') as HTMLInputElement).value).toBe('1500.00')
    expect(document.getElementById('decision-error')).toBeNull()
    expect(requests.filter((r) => r.url === `/api/v1/claims/${opened.id}` && (r.method ?? 'GET') === 'GET')).toHaveLength(2)

    fireEvent.click(document.getElementById('decision-submit')!)
    await waitFor(() => expect(document.getElementById('claim-page')?.getAttribute('data-status')).toBe('approved'))
    expect(decisions).toEqual([{ decision: 'approve' }, { decision: 'approve' }])
  })

  test('any other refusal stays on the form', async () => {
    setStorageSync('huzhu.session.token', 'a-session-token-0123456789')
    setRouterParams({ id: opened.id })
    setRequestHandler(fakeServer({
      'GET /api/v1/me': json(me),
      [`GET /api/v1/claims/${opened.id}`]: json(opened),
      [`POST /api/v1/claims/${opened.id}/decisions`]: errorResponse(409, 'claim_status_changed', '理赔状态已经变化（当前：已核准），请刷新后重试'),
    }))
    render(<ClaimPage />)
    await waitFor(() => expect(document.getElementById('decision-submit')).toBeTruthy())
    fireEvent.click(document.getElementById('decision-submit')!)
    await waitFor(() => expect(document.getElementById('decision-error')?.textContent).toContain('理赔状态已经变化'))
    expect(document.getElementById('claim-estimate-changed')).toBeNull()
  })
})
