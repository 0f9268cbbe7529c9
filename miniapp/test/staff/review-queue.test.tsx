import { describe, expect, test } from '@jest/globals'
import { render, waitFor } from '@testing-library/react'
import type { ClaimSummary, MeResponse } from '@huzhu/shared'
import ReviewPage from '../../src/staff/review'
import { claimFixture, fakeServer, json } from '../fixtures'
import { setRequestHandler, setStorageSync } from '../taro-stub'

const me: MeResponse = { id: 'usr_rev', roles: ['member', 'reviewer'], grants: [], phoneMasked: '138****0003', wechatLinked: false, hasProfile: true }

function summary(id: string, eventDate: string, submittedAt: string): ClaimSummary {
  const { enrolmentId, catalogueId, kind, dueOn, dueOnProvisional, overdue, flags } = claimFixture()
  return { id, enrolmentId, catalogueId, personName: '李军', kind, eventDate, submittedAt, dueOn, dueOnProvisional, overdue, flags, status: 'submitted', estimateFen: 500_000, approvedFen: null, hasPayeeAccount: true }
}

describe('the reviewer queue', () => {
  test('two claims of one person, kind and amount are told apart by short number, event date and submission time', async () => {
    const first = summary('clm_01JD2Z6V8K0000000000AB12CD', '2027-01-03', '2027-01-15T02:00:00.000Z')
    const second = summary('clm_01JD2Z9Q4M0000000000XY34ZW', '2027-01-09', '2027-01-16T07:17:00.000Z')
    setStorageSync('huzhu.session.token', 'a-session-token-0123456789')
    setRequestHandler(fakeServer({
      'GET /api/v1/me': json(me),
      'GET /api/v1/review/claims': json({ claims: [first, second], nextCursor: null }),
    }))
    render(<ReviewPage />)
    await waitFor(() => expect(document.getElementById(`claim-row-${second.id}`)).toBeTruthy())
    const text = (id: string) => document.getElementById(`claim-row-${id}`)!.textContent ?? ''

    expect(text(first.id)).toContain('李军')
    expect(text(first.id)).toContain('编号 00AB12CD')
    expect(text(first.id)).toContain('事故日期 2027年1月3日')
    // Submitted at 02:00 UTC: 10:00 in China.
    expect(text(first.id)).toContain('提交于 2027-01-15 10:00')
    expect(text(second.id)).toContain('编号 00XY34ZW')
    expect(text(second.id)).toContain('事故日期 2027年1月9日')
    expect(text(second.id)).toContain('提交于 2027-01-16 15:17')
    expect(text(first.id)).not.toBe(text(second.id))
  })
})
