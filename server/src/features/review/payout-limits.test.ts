import {
  claimant, createTestEnrolment, createUnit, grantRoles, startAppWithEveryRole, submitTestClaim, type Claimant, type EveryRole, type TestApp,
} from '../../../test/helpers'
import { priorPayouts } from '../claims/claim-assessment.service'

/**
 * Money: what an approval stores is what later claims of the same person and
 * plan year count against annual caps and once-a-year sums (prior payouts).
 * Shanghai A0: inpatient 60 % pooled / 70 % supplementary, 100,000.00 a year;
 * B0: a critical illness 10,000.00 once a year. Default cover 2020-04-01..2021-03-31.
 */
let app: TestApp
let roles: EveryRole
beforeAll(async () => ({ app, users: roles } = await startAppWithEveryRole()))
afterAll(() => app.close())

const CAP = 10_000_000
const decide = (claimId: string, body: unknown, token = roles.reviewer.token) => app.api.post(`/api/v1/claims/${claimId}/decisions`, body, { token })
const read = (claimId: string) => app.api.get(`/api/v1/claims/${claimId}`, { token: roles.reviewer.token })
const claimRow = (id: string) => app.db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const sum = (lines: { amountFen: number }[]) => lines.reduce((s, l) => s + l.amountFen, 0)
/** Pooled out-of-pocket only: the engine pays 60 % of it (up to what is left of the cap). */
const pooled = (fen: number, eventDate = '2020-06-01') => ({ figures: { pooledOutOfPocketFen: fen }, eventDate })
const critical = (eventDate = '2020-07-01') => ({ kind: 'critical_illness', figures: {}, eventDate })

async function approve(claimId: string, body: Record<string, unknown> = {}) {
  const res = await decide(claimId, { decision: 'approve', ...body })
  if (res.status !== 200) throw new Error(`approve answered ${res.status}: ${res.text}`)
  return res.body
}

describe('a reviewer’s amount is attributed to the lines, within the plan year’s caps', () => {
  test('an amount over an engine estimate of 0 (figure missing) is stored on the benefit: the next claim’s cap is net of it', async () => {
    const member = await claimant(app)
    // The slip's out-of-pocket figures were left out: the engine can say nothing (0), the reviewer reads them off the photo.
    const first = await submitTestClaim(app, member, { figures: { totalCostFen: 15_000_000 } })
    expect(first.estimate.totalFen).toBe(0)
    const approved = await approve(first.id, { amountFen: 8_000_000, note: '按结算单照片核定统筹自付 133,333.33 元' })
    expect(approved.decision.approvedFen).toBe(8_000_000)
    expect(sum(approved.decision.lines)).toBe(8_000_000)
    expect(approved.decision.lines).toEqual([expect.objectContaining({ product: 'A0', benefit: expect.any(String), amountFen: 8_000_000, reason: expect.stringContaining('审核核定 80,000.00 元') })])

    const second = await submitTestClaim(app, member, pooled(10_000_000, '2020-09-01'))
    expect(second.estimate.totalFen).toBe(CAP - 8_000_000)
  })

  test('never more than the cap leaves: over it is a 422 naming the most (nothing changes); up to it is paid and uses the cap up', async () => {
    const member = await claimant(app)
    const first = await submitTestClaim(app, member, pooled(10_000_000))
    expect(first.estimate.totalFen).toBe(6_000_000)
    const over = await decide(first.id, { decision: 'approve', amountFen: CAP + 1, note: '全额' })
    expect([over.status, over.body.error.code]).toEqual([422, 'claim_amount_over_limit'])
    expect(over.body.error.message).toContain('100,000.00')
    expect(over.body.error.details).toEqual([expect.objectContaining({ maxFen: CAP })])
    expect(await claimRow(first.id)).toMatchObject({ status: 'submitted', approved_fen: null, decision: null })

    const full = await approve(first.id, { amountFen: CAP, note: '附加段自付按出院结算单补计' })
    expect(sum(full.decision.lines)).toBe(CAP)
    const second = await submitTestClaim(app, member, pooled(1_000_000, '2020-12-01'))
    expect(second.estimate.totalFen).toBe(0)
    expect(second.estimate.lines).toEqual([expect.objectContaining({ refusal: { code: 'annual_limit_reached', number: expect.any(Number) } })])
    // With the cap used up, even a reviewer cannot pay more under it.
    const none = await decide(second.id, { decision: 'approve', amountFen: 100, note: '补偿' })
    expect([none.status, none.body.error.code]).toEqual([422, 'claim_amount_over_limit'])
  })

  test('a fixed sum never grows; approved lower it still counts as paid this plan year', async () => {
    const member = await claimant(app)
    const first = await submitTestClaim(app, member, critical())
    expect(first.estimate.totalFen).toBe(1_000_000)
    const over = await decide(first.id, { decision: 'approve', amountFen: 1_000_001, note: '多付' })
    expect([over.status, over.body.error.code]).toEqual([422, 'claim_amount_over_limit'])
    const lower = await approve(first.id, { amountFen: 1, note: '仅核定 0.01 元（测试极端值）' })
    expect(lower.decision.lines.map((l: { amountFen: number }) => l.amountFen)).toEqual([1])
    const second = await submitTestClaim(app, member, critical('2020-12-01'))
    expect(second.estimate.totalFen).toBe(0)
    expect(second.estimate.lines).toEqual([expect.objectContaining({ refusal: { code: 'already_paid_this_year', number: 5 } })])
  })

  test('a once-a-year sum scaled down to nothing still counts as paid (two products, one fen approved)', async () => {
    const member = await claimant(app, { enrolment: { products: ['A0', 'B0', 'C0', 'C1'] } })
    const death = await submitTestClaim(app, member, { kind: 'accident_death', figures: {} })
    expect(death.estimate.totalFen).toBe(2_000_000 + 5_000_000)
    const res = await approve(death.id, { amountFen: 1, note: '测试极端值' })
    expect(res.decision.lines.map((l: { product: string; amountFen: number }) => [l.product, l.amountFen])).toEqual([['C0', 0], ['C1', 1]])
    const again = await submitTestClaim(app, member, { kind: 'accident_death', figures: {}, eventDate: '2020-09-01' })
    expect(again.estimate.totalFen).toBe(0)
    expect(again.estimate.lines.map((l: { product: string; refusal: { code: string } | null }) => [l.product, l.refusal?.code]))
      .toEqual([['C0', 'already_paid_this_year'], ['C1', 'already_paid_this_year']])
  })

  test('a lower amount is spread over the paying lines in proportion, each within its engine amount', async () => {
    const member = await claimant(app, { enrolment: { products: ['A0', 'B0', 'C0', 'C1'] } })
    const claim = await submitTestClaim(app, member, { kind: 'accident_disability', figures: { disabilityGrade: 5 } })
    const paying = claim.estimate.lines.filter((l: { amountFen: number }) => l.amountFen > 0)
    expect(paying.map((l: { product: string; amountFen: number }) => [l.product, l.amountFen])).toEqual([['C0', 1_200_000], ['C1', 3_000_000]])
    const res = await approve(claim.id, { amountFen: 2_100_001, note: '部分伤残鉴定费用不予给付' })
    const amounts = res.decision.lines.filter((l: { benefit: string | null }) => l.benefit !== null).map((l: { product: string; amountFen: number }) => [l.product, l.amountFen])
    expect(amounts).toEqual([['C0', 600_000], ['C1', 1_500_001]])
    expect(sum(res.decision.lines)).toBe(2_100_001)
    // The next disability in the plan year: C0 has 20,000.00 − 6,000.00 left, C1 50,000.00 − 15,000.01.
    const next = await submitTestClaim(app, member, { kind: 'accident_disability', figures: { disabilityGrade: 1 }, eventDate: '2020-08-01' })
    expect(next.estimate.lines.filter((l: { amountFen: number }) => l.amountFen > 0).map((l: { product: string; amountFen: number }) => [l.product, l.amountFen]))
      .toEqual([['C0', 1_400_000], ['C1', 3_499_999]])
  })
})

describe('approval checks the engine as of now, not a stale estimate', () => {
  test('two open claims both estimated in full: once the first is approved, approving the second is a 409 with the estimate refreshed', async () => {
    const member = await claimant(app)
    const a = await submitTestClaim(app, member, pooled(10_000_000))
    const b = await submitTestClaim(app, member, pooled(10_000_000, '2020-10-01'))
    expect([a.estimate.totalFen, b.estimate.totalFen]).toEqual([6_000_000, 6_000_000])
    await approve(a.id)
    const stale = await decide(b.id, { decision: 'approve' })
    expect([stale.status, stale.body.error.code]).toEqual([409, 'claim_estimate_changed'])
    expect(stale.body.error.message).toContain('40,000.00')
    const refreshed = (await read(b.id)).body
    expect(refreshed).toMatchObject({ status: 'submitted', estimate: { totalFen: 4_000_000 }, decision: null })
    // Over what is left is refused; the engine's amount as of now goes through: the year pays exactly the cap.
    expect((await decide(b.id, { decision: 'approve', amountFen: 6_000_000, note: '按原测算' })).body.error.code).toBe('claim_amount_over_limit')
    const ok = await approve(b.id)
    expect(ok.decision.approvedFen).toBe(4_000_000)
    const rows = await app.db.selectFrom('claims').select('approved_fen').where('insured_person_id', '=', member.insuredPersonId).execute()
    expect(rows.reduce((s, r) => s + (r.approved_fen ?? 0), 0)).toBe(CAP)
  })

  test('a fixed sum cannot be approved twice in a plan year through two open claims; taking a claim into review refreshes its estimate', async () => {
    const member = await claimant(app)
    const a = await submitTestClaim(app, member, critical())
    const b = await submitTestClaim(app, member, critical('2020-08-01'))
    const c = await submitTestClaim(app, member, critical('2020-09-01'))
    await approve(a.id)
    const stale = await decide(b.id, { decision: 'approve' })
    expect(stale.status).toBe(409)
    expect((await read(b.id)).body.estimate).toMatchObject({ totalFen: 0, lines: [expect.objectContaining({ refusal: { code: 'already_paid_this_year', number: 5 } })] })
    expect((await decide(b.id, { decision: 'approve' })).body.error.code).toBe('claim_nothing_to_pay')
    expect((await decide(b.id, { decision: 'approve', amountFen: 1_000_000, note: '再付一次' })).body.error.code).toBe('claim_amount_over_limit')
    expect((await claimRow(b.id)).status).toBe('submitted')

    const started = await app.api.post(`/api/v1/claims/${c.id}/review`, {}, { token: roles.reviewer.token })
    expect(started.body).toMatchObject({ status: 'in_review', estimate: { totalFen: 0 } })
  })
})

describe('prior payouts: which claims count', () => {
  test('rejected and withdrawn claims do not count; approved and paid ones do', async () => {
    const member = await claimant(app)
    const rejected = await submitTestClaim(app, member, critical())
    expect((await decide(rejected.id, { decision: 'reject', refusal: 'false_information', note: '诊断证明不符' })).status).toBe(200)
    const withdrawn = await submitTestClaim(app, member, pooled(10_000_000))
    expect((await app.api.post(`/api/v1/claims/${withdrawn.id}/withdraw`, {}, { token: member.token })).status).toBe(200)

    const full = await submitTestClaim(app, member, critical('2020-08-01'))
    expect(full.estimate.totalFen).toBe(1_000_000)
    const inpatient = await submitTestClaim(app, member, pooled(10_000_000, '2020-08-02'))
    expect(inpatient.estimate.totalFen).toBe(6_000_000)

    await approve(inpatient.id)
    // In a payment batch, at the bank: still counts against the year's cap.
    const pay = await app.api.post('/api/v1/claim-payments', { claimIds: [inpatient.id] }, { token: roles.staff.token })
    expect(pay.status).toBe(201)
    expect((await claimRow(inpatient.id)).status).toBe('payment_in_progress')
    const atTheBank = await submitTestClaim(app, member, pooled(10_000_000, '2020-09-01'))
    expect(atTheBank.estimate.totalFen).toBe(4_000_000)
    await app.db.updateTable('claims').set({ status: 'paid' }).where('id', '=', inpatient.id).execute()
    const afterPaid = await submitTestClaim(app, member, pooled(10_000_000, '2020-10-01'))
    expect(afterPaid.estimate.totalFen).toBe(4_000_000)
  })

  test('only the same plan year counts (Shaanxi: a rolling year from each start date); a claim never counts against itself', async () => {
    const shaanxi = { catalogueId: 'shaanxi-gig-2023', products: ['ZY'] }
    const member = await claimant(app, { enrolment: { ...shaanxi, acceptedOn: '2023-06-01' } }) // 2023-06-02 .. 2024-06-01
    const renewed = await createTestEnrolment(app, member, { ...shaanxi, acceptedOn: '2024-06-01' }) // 2024-06-02 .. 2025-06-01
    const first = await submitTestClaim(app, member, pooled(6_000_000, '2023-08-01'))
    expect(first.estimate.totalFen).toBe(3_000_000) // 50 %, the whole 30,000.00 cap
    await approve(first.id)
    expect((await submitTestClaim(app, member, pooled(1_000_000, '2024-03-01'))).estimate.totalFen).toBe(0)
    const nextYear = await submitTestClaim(app, { ...member, enrolmentId: renewed.enrolmentId }, pooled(1_000_000, '2024-08-01'))
    expect(nextYear.estimate.totalFen).toBe(500_000)

    expect(await priorPayouts(app.db, member.insuredPersonId, 'shaanxi-gig-2023', first.id)).toEqual([])
    expect(await priorPayouts(app.db, member.insuredPersonId, 'shaanxi-gig-2023', nextYear.id)).toEqual([
      expect.objectContaining({ product: 'ZY', eventDate: '2023-08-01', amountFen: 3_000_000 }),
    ])
  })

  test('one person enrolled through two units: what one enrolment paid counts on the other (one share, the highest enhanced product)', async () => {
    const member = await claimant(app, { enrolment: { products: ['A0', 'B0', 'C0', 'C1'], unitId: await createUnit(app, '甲配送站') } })
    const other = await createTestEnrolment(app, member, { products: ['A0', 'B0', 'C0', 'C2'], unitId: await createUnit(app, '乙快递站') })
    const viaOther: Claimant = { ...member, enrolmentId: other.enrolmentId }
    expect(other.insuredPersonId).toBe(member.insuredPersonId)

    const first = await submitTestClaim(app, member, pooled(10_000_000))
    expect(first.estimate.totalFen).toBe(6_000_000) // A0 pays one share
    await approve(first.id)
    const second = await submitTestClaim(app, viaOther, pooled(10_000_000, '2020-09-01'))
    expect(second.estimate.totalFen).toBe(4_000_000)

    const illness = await submitTestClaim(app, viaOther, critical())
    await approve(illness.id)
    const again = await submitTestClaim(app, member, critical('2020-11-01'))
    expect(again.estimate.totalFen).toBe(0)

    // Disability grade 5: C0 20,000.00 × 60 % once, and only C2 (the higher of C1 and C2) 100,000.00 × 60 %.
    const hurt = await submitTestClaim(app, member, { kind: 'accident_disability', figures: { disabilityGrade: 5 } })
    expect(hurt.estimate.totalFen).toBe(1_200_000 + 6_000_000)
    await approve(hurt.id)
    const worse = await submitTestClaim(app, viaOther, { kind: 'accident_disability', figures: { disabilityGrade: 1 }, eventDate: '2020-12-01' })
    expect(worse.estimate.lines.filter((l: { amountFen: number }) => l.amountFen > 0).map((l: { product: string; amountFen: number }) => [l.product, l.amountFen]))
      .toEqual([['C0', 800_000], ['C2', 4_000_000]])
  })
})

describe('who may decide', () => {
  test('a reviewer cannot take or decide their own claim (403, unchanged); another reviewer can', async () => {
    const reviewer = await claimant(app)
    await grantRoles(app, reviewer.id, ['reviewer'])
    const own = await submitTestClaim(app, reviewer)
    const take = await app.api.post(`/api/v1/claims/${own.id}/review`, {}, { token: reviewer.token })
    expect([take.status, take.body.error.code]).toEqual([403, 'claim_own_not_reviewable'])
    const approveOwn = await decide(own.id, { decision: 'approve' }, reviewer.token)
    expect([approveOwn.status, approveOwn.body.error.code]).toEqual([403, 'claim_own_not_reviewable'])
    expect(await claimRow(own.id)).toMatchObject({ status: 'submitted', decision: null })
    expect((await decide(own.id, { decision: 'approve' })).status).toBe(200)
    // Nothing medical from any of these claims or decisions reaches the logs.
    for (const text of ['急性阑尾炎', '结算单照片', '伤残鉴定', '诊断证明不符']) expect(app.logs()).not.toContain(text)
  })
})
