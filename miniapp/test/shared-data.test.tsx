import { describe, expect, test } from '@jest/globals'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ui, type ClaimStatus, type ClaimSummary } from '@huzhu/shared'
import { ClaimDetailScreen } from '../src/features/claims/ClaimDetail'
import { ClaimList } from '../src/features/claims/ClaimList'
import type { PhotoService } from '../src/features/claims/photos'
import { clearToken, setToken } from '../src/api/token'
import { claimFixture, fakeServer, json } from './fixtures'
import { requests, setModalAnswer, setRequestHandler } from './taro-stub'

/**
 * The app's screens read the server through one data cache (swr, lib/use-api.ts): what two screens both show
 * is asked for once, and a write on one screen is seen on the others without reopening them.
 */

const noPhotos: PhotoService = { choose: () => Promise.resolve([]), upload: () => Promise.reject(new Error('no upload')) }

function summaryOf(status: ClaimStatus): ClaimSummary {
  const { id, enrolmentId, catalogueId, personName, kind, eventDate, submittedAt, dueOn, dueOnProvisional, overdue, flags, estimate } = claimFixture()
  return { id, enrolmentId, catalogueId, personName, kind, eventDate, submittedAt, dueOn, dueOnProvisional, overdue, flags, status, estimateFen: estimate.totalFen, approvedFen: null, hasPayeeAccount: true }
}

/** A member's one claim, withdrawn when the member asks. */
function claimServer() {
  let status: ClaimStatus = 'in_review'
  const claim = () => claimFixture({
    status,
    ...(status === 'withdrawn' ? { history: [...claimFixture().history, { at: '2027-01-16T01:00:00.000Z', status: 'withdrawn' as const, actorRole: 'member' as const, note: null }] } : {}),
  })
  setRequestHandler(fakeServer({
    'GET /api/v1/me/claims': () => json({ claims: [summaryOf(status)], nextCursor: null }),
    'GET /api/v1/claims/clm_1': () => json(claim()),
    'POST /api/v1/claims/clm_1/withdraw': () => {
      status = 'withdrawn'
      return json(claim())
    },
  }))
}

const listReads = () => requests.filter((r) => r.url === '/api/v1/me/claims').length
const badge = () => document.querySelector('#claim-clm_1 .badge')?.textContent

describe('one data cache for every screen', () => {
  test('two screens showing my claims make one request', async () => {
    claimServer()
    render(<><ClaimList /><ClaimList /></>)
    await waitFor(() => expect(document.querySelectorAll('#claim-clm_1')).toHaveLength(2))
    expect(listReads()).toBe(1)
  })

  test('a claim withdrawn on its page shows as withdrawn in the list of claims, without opening the list again', async () => {
    claimServer()
    // The list stays open underneath the claim's page, as in the app's page stack.
    render(<><ClaimList /><ClaimDetailScreen claimId='clm_1' photos={noPhotos} /></>)
    await screen.findByText(ui.claim.withdraw)
    await waitFor(() => expect(badge()).toBe(ui.claimStatus.in_review))

    setModalAnswer(true)
    await act(async () => {
      fireEvent.click(document.getElementById('claim-withdraw')!)
    })
    await waitFor(() => expect(document.getElementById('claim-status')?.textContent).toBe(ui.claimStatus.withdrawn))
    await waitFor(() => expect(badge()).toBe(ui.claimStatus.withdrawn))
    expect(listReads()).toBe(2)
  })

  test('a session ended on purpose (data deletion, switching account) takes what the account loaded off the screen, asking for nothing', async () => {
    claimServer()
    setToken('tok_member')
    render(<ClaimList />)
    await waitFor(() => expect(badge()).toBe(ui.claimStatus.in_review))
    const before = requests.length

    act(() => clearToken())
    await waitFor(() => expect(document.getElementById('claim-clm_1')).toBeNull())
    // Nothing is asked again: a request without a session would be refused and send the rider to log in.
    expect(requests.length).toBe(before)
  })
})
