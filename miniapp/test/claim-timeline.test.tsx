import { describe, expect, test } from '@jest/globals'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ui, type Claim } from '@huzhu/shared'
import { ClaimDetailScreen, ClaimDetailView } from '../src/features/claims/ClaimDetail'
import { ClaimTimeline } from '../src/features/claims/ClaimTimeline'
import type { PhotoService } from '../src/features/claims/photos'
import { claimFixture, fakeServer, json } from './fixtures'
import { requests, setModalAnswer, setRequestHandler } from './taro-stub'

function byId(id: string): HTMLElement {
  const element = document.getElementById(id)
  if (!element) throw new Error(`no element #${id}`)
  return element
}

/** The detail page fetches the photos sent in the background: let that finish inside act before the test ends. */
const photosSettled = () => act(async () => {
  await new Promise((resolve) => setTimeout(resolve, 0))
})

const noPhotos: PhotoService = { choose: () => Promise.resolve([]), upload: () => Promise.reject(new Error('no upload')) }

const lines = [
  { product: 'ZY', productName: '住院+意外', benefit: 'inpatient', benefitName: '住院医疗互助金', part: 'pooled', amountFen: 400_000, rule: 'percent_of_out_of_pocket', refusal: null, reason: '统筹段自付 8,000.00 元 × 50% = 4,000.00 元' },
  { product: 'ZY', productName: '住院+意外', benefit: 'inpatient', benefitName: '住院医疗互助金', part: 'supplementary', amountFen: 100_000, rule: 'percent_of_out_of_pocket', refusal: null, reason: '附加段自付 2,000.00 元 × 50% = 1,000.00 元' },
]

const paid: Claim = claimFixture({
  status: 'paid',
  estimate: { totalFen: 500_000, lines },
  decision: { decidedAt: '2027-01-18T06:00:00.000Z', approvedFen: 500_000, lines, refusal: null, missing: [], note: null },
  payment: { reference: 'PAY-2027-0001', paidAt: '2027-01-20T08:00:00.000Z', paidOn: '2027-01-20' },
  history: [
    // Out of order on purpose: the timeline sorts by time.
    { at: '2027-01-18T06:00:00.000Z', status: 'approved', actorRole: 'reviewer', note: null },
    { at: '2027-01-15T02:00:00.000Z', status: 'submitted', actorRole: 'member', note: null },
    { at: '2027-01-16T01:00:00.000Z', status: 'in_review', actorRole: 'reviewer', note: null },
    { at: '2027-01-20T08:00:00.000Z', status: 'paid', actorRole: 'staff', note: null },
  ],
})

describe('claim timeline', () => {
  test('each step with its China date, oldest first; the current one marked', () => {
    render(<ClaimTimeline history={paid.history} />)
    const steps = [0, 1, 2, 3].map((i) => byId(`claim-step-${i}`).textContent)
    expect(steps).toEqual(['已提交2027年1月15日', '审核中2027年1月16日', '已核准2027年1月18日', '已打款2027年1月20日'])
    expect(byId('claim-step-3').className).toContain('is-current')
    expect(byId('claim-step-0').className).not.toContain('is-current')
  })

  test("a step's note is shown; an instant late in the UTC day is the next day in China", () => {
    render(<ClaimTimeline history={[{ at: '2027-01-15T17:30:00.000Z', status: 'needs_material', actorRole: 'reviewer', note: '请补充出院小结' }]} />)
    expect(byId('claim-step-0').textContent).toBe('待补材料2027年1月16日请补充出院小结')
  })
})

describe('claim detail', () => {
  test('paid: the status, the payment reference and every payout line with its reason', async () => {
    render(<ClaimDetailView claim={paid} photos={noPhotos} onChange={() => undefined} />)
    await photosSettled()
    expect(byId('claim-status').textContent).toBe(ui.claimStatus.paid)
    expect(byId('claim-paid').textContent).toBe('已于2027年1月20日打款，流水号 PAY-2027-0001')
    expect(byId('claim-payout-lines-line-0').textContent).toContain('住院+意外 · 住院医疗互助金 · 统筹段')
    expect(byId('claim-payout-lines-line-0').textContent).toContain('¥4,000.00')
    expect(byId('claim-payout-lines-line-1').textContent).toContain('附加段自付 2,000.00 元 × 50% = 1,000.00 元')
    expect(byId('claim-payout-lines-total').textContent).toBe('¥5,000.00')
    expect(document.getElementById('claim-withdraw')).toBeNull()
    expect(document.getElementById('claim-due')).toBeNull()
  })

  test('in review: the due date (10 working days) and the way to withdraw; no payout yet', async () => {
    render(<ClaimDetailView claim={claimFixture({ status: 'in_review' })} photos={noPhotos} onChange={() => undefined} />)
    await photosSettled()
    expect(byId('claim-due').textContent).toBe('预计2027年1月29日前处理完（材料齐全后10个工作日）')
    expect(byId('claim-withdraw')).toBeTruthy()
    expect(document.getElementById('claim-payout')).toBeNull()
  })

  test('needs material: what is missing, added from the same page and sent', async () => {
    const needs = claimFixture({
      status: 'needs_material',
      decision: { decidedAt: '2027-01-16T01:00:00.000Z', approvedFen: null, lines: [], refusal: null, missing: ['discharge_summary'], note: '请补充出院小结' },
    })
    setRequestHandler(fakeServer({ 'POST /api/v1/claims/clm_1/material': json(claimFixture({ status: 'submitted' })) }))
    const photos: PhotoService = {
      choose: () => Promise.resolve([{ preview: 'blob:x', source: 'x' }]),
      upload: () => Promise.resolve({ id: 'upl_9', mediaType: 'image/jpeg', size: 10, sha256: 'a'.repeat(64), width: 1, height: 1, createdAt: '2027-01-16T02:00:00.000Z' }),
    }
    let updated: Claim | null = null
    render(<ClaimDetailView claim={needs} photos={photos} onChange={(c) => (updated = c)} />)
    await photosSettled()
    expect(byId('claim-missing-discharge_summary').textContent).toBe('出院小结')
    expect(byId('claim-material').textContent).toContain('审核说明：请补充出院小结')

    await act(async () => {
      fireEvent.click(byId('claim-material-add'))
    })
    await waitFor(() => expect(byId('photo-0-status').textContent).toBe(ui.claim.uploaded))
    fireEvent.click(byId('photo-0-kind-discharge_summary'))
    fireEvent.click(byId('claim-material-send'))

    await waitFor(() => expect(updated).not.toBeNull())
    expect(requests.at(-1)).toMatchObject({ method: 'POST', url: '/api/v1/claims/clm_1/material', data: { documents: [{ uploadId: 'upl_9', kind: 'discharge_summary' }] } })
  })

  test('withdraw asks first; "cancel" sends nothing, "confirm" withdraws', async () => {
    setRequestHandler(fakeServer({
      'GET /api/v1/claims/clm_1': json(claimFixture()),
      'POST /api/v1/claims/clm_1/withdraw': json(claimFixture({
        status: 'withdrawn',
        history: [...claimFixture().history, { at: '2027-01-16T01:00:00.000Z', status: 'withdrawn', actorRole: 'member', note: null }],
      })),
    }))
    render(<ClaimDetailScreen claimId='clm_1' photos={noPhotos} />)
    await screen.findByText(ui.claim.withdraw)

    setModalAnswer(false)
    await act(async () => {
      fireEvent.click(byId('claim-withdraw'))
    })
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)

    setModalAnswer(true)
    await act(async () => {
      fireEvent.click(byId('claim-withdraw'))
    })
    await waitFor(() => expect(byId('claim-status').textContent).toBe(ui.claimStatus.withdrawn))
    expect(document.getElementById('claim-withdraw')).toBeNull()
    expect(byId('claim-step-1').textContent).toContain('已撤回')
  })

  test('a rejected claim shows the numbered refusal in plain Chinese', async () => {
    render(<ClaimDetailView
      claim={claimFixture({ status: 'rejected', decision: { decidedAt: '2027-01-16T01:00:00.000Z', approvedFen: null, lines: [], refusal: { code: 'waiting_period', number: 2, text: '第2号：事故日期在等待期内' }, missing: [], note: null } })}
      photos={noPhotos}
      onChange={() => undefined}
    />)
    await photosSettled()
    expect(byId('claim-refusal').textContent).toContain('第2号：事故日期在等待期内')
  })
})
