import { describe, expect, test } from '@jest/globals'
import { fireEvent, render, waitFor } from '@testing-library/react'
import { staffUi, type ClaimSummary, type MeResponse } from '@huzhu/shared'
import PaymentsPage from '../../src/staff/payments'
import { claimFixture, errorResponse, fakeServer, json } from '../fixtures'
import { requests, setRequestHandler, setStorageSync } from '../taro-stub'

const me: MeResponse = { id: 'usr_staff', roles: ['member', 'staff'], grants: [], phoneMasked: '138****0002', wechatLinked: false, hasProfile: false }

function summary(id: string, approvedFen: number): ClaimSummary {
  const { enrolmentId, catalogueId, personName, kind, eventDate, submittedAt, dueOn, overdue, flags } = claimFixture()
  return { id, enrolmentId, catalogueId, personName, kind, eventDate, submittedAt, dueOn, overdue, flags, status: 'approved', estimateFen: approvedFen, approvedFen }
}

const type = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } })
const click = (id: string) => fireEvent.click(document.getElementById(id)!)

/** Staff: the approved queue (paid claims drop out of it), the payments endpoint, one claim by number. */
function staffServer(approved: ClaimSummary[]) {
  const paid = new Set<string>()
  setStorageSync('huzhu.session.token', 'a-session-token-0123456789')
  setRequestHandler(fakeServer({
    'GET /api/v1/me': json(me),
    'GET /api/v1/events': json({ events: [] }),
    'GET /api/v1/payments/pending-enrolments': json({ enrolments: [], nextCursor: null }),
    'GET /api/v1/review/claims': () => json({ claims: approved.filter((c) => !paid.has(c.id)), nextCursor: null }),
    'POST /api/v1/claim-payments': ({ data }) => {
      const { payments } = data as { payments: { claimId: string }[] }
      payments.forEach((p) => paid.add(p.claimId))
      return json({ id: 'cpb_1', count: payments.length, totalFen: 500_000, createdAt: '2027-02-01T00:00:00Z', createdBy: me.id }, 201)
    },
    'GET /api/v1/claims/clm_desk': json(claimFixture({ id: 'clm_desk', status: 'approved', personName: '李*' })),
    'GET /api/v1/claims/clm_open': json(claimFixture({ id: 'clm_open', status: 'in_review' })),
  }))
}

describe('staff pay approved claims', () => {
  test('the list of approved claims comes from the review queue; a claim paid with its reference leaves the list', async () => {
    staffServer([summary('clm_a', 500_000), summary('clm_b', 120_000)])
    render(<PaymentsPage />)
    await waitFor(() => expect(document.getElementById('pay-row-clm_a')).toBeTruthy())
    expect(document.getElementById('pay-row-clm_b')).toBeTruthy()
    expect(requests.find((r) => r.url.startsWith('/api/v1/review/claims'))?.url).toContain('status=approved')

    click('pay-one-clm_a')
    expect(document.getElementById('claim-payments-failed')?.textContent).toBe(staffUi.claimPayments.referenceRequired)

    type('pay-reference-clm_a', 'LP0001')
    click('pay-one-clm_a')
    await waitFor(() => expect(document.getElementById('pay-batch')).toBeTruthy())
    expect(requests.find((r) => r.url === '/api/v1/claim-payments')?.data).toEqual({ payments: [{ claimId: 'clm_a', reference: 'LP0001' }] })
    await waitFor(() => expect(document.getElementById('pay-row-clm_a')).toBeNull())
    expect(document.getElementById('pay-row-clm_b')).toBeTruthy()
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
