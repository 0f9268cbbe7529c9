import { chinaDateOf } from '@huzhu/shared'
import { createUnit, fillProfile, freshIdNumber, loginAs, startAppWithWechatPay, type EveryRole, type FakeWechatPay, type TestApp } from '../../../test/helpers'

let app: TestApp
let users: EveryRole
let fake: FakeWechatPay
beforeAll(async () => {
  ;({ app, users, fake } = await startAppWithWechatPay())
})
afterAll(async () => {
  await app.close()
  await fake.close()
})

const CATALOGUE = 'shaanxi-gig-2023'
const pay = (body: Record<string, unknown>) => app.api.post('/api/v1/payments', { catalogueId: CATALOGUE, ...body }, { token: users.staff.token })
const enrolment = async (id: string) => (await app.api.get(`/api/v1/enrolments/${id}`, { token: users.staff.token })).body
const ledgerToday = async () => {
  const day = chinaDateOf(app.clock.now())
  return (await app.api.get(`/api/v1/ledger?from=${day}&to=${day}&catalogueId=${CATALOGUE}`, { token: users.staff.token })).body
}

describe('a split (DOMAIN.md "Funding": in fen per payer, adding up to the premium)', () => {
  test('is paid in parts, each by its payer; the cover starts with the last part; the ledger counts each payer', async () => {
    const unitId = await createUnit(app, '分担测试站')
    const put = await app.api.put(`/api/v1/units/${unitId}`, {
      name: '分担测试站', catalogueId: CATALOGUE, products: ['ZY'], fundingSource: 'split', fundingSplit: { unionFen: 2_000, unitFen: 5_000, memberFen: 3_000 },
    }, { token: users.staff.token })
    expect(put.status).toBe(200)
    const hired = await app.api.post(`/api/v1/units/${unitId}/new-hires`, {
      name: '钱七', idNumber: freshIdNumber(), mobile: '13912345670', occupation: 'courier', platform: '顺丰', basicMedicalInsurance: true, unionMember: true,
    }, { token: users.staff.token })
    expect(hired.status).toBe(201)
    const id = hired.body.id as string
    expect(hired.body.shares).toEqual([
      { payer: 'union', amountFen: 2_000, paid: false }, { payer: 'unit', amountFen: 5_000, paid: false }, { payer: 'member', amountFen: 3_000, paid: false },
    ])
    const before = await ledgerToday()

    // The member's part, online: the order is their 30 yuan, not the premium.
    const order = await app.api.post(`/api/v1/enrolments/${id}/payment-orders`, { channel: 'native' }, { token: users.staff.token })
    expect([order.status, order.body.amountFen]).toEqual([201, 3_000])
    expect(await fake.pay(order.body.id)).toBe(204)
    let now = await enrolment(id)
    expect([now.status, now.shares.map((s: { paid: boolean }) => s.paid)]).toEqual(['pending_payment', [false, false, true]])
    // Paid once: that share is not owed again, by transfer or online.
    const again = await pay({ reference: 'SPLIT-MEMBER-2', amountFen: 3_000, enrolmentIds: [id], fundingPayer: 'member' })
    expect([again.status, again.body.error.code]).toEqual([422, 'payment_nothing_owed'])
    // The unit's part by transfer: its 50 yuan, not what is left of the premium.
    const wrong = await pay({ reference: 'SPLIT-UNIT-0', amountFen: 7_000, enrolmentIds: [id], fundingPayer: 'unit' })
    expect([wrong.status, wrong.body.error.code, wrong.body.error.message]).toEqual([422, 'payment_amount_mismatch', '缴费金额与待缴保费合计不符：应为 50.00 元，登记的是 70.00 元'])

    expect((await pay({ reference: 'SPLIT-UNIT-1', amountFen: 5_000, enrolmentIds: [id], fundingPayer: 'unit' })).status).toBe(201)
    expect((await enrolment(id)).status).toBe('pending_payment')
    // The rest, whoever it is (here only the union's part): the cover starts.
    expect((await pay({ reference: 'SPLIT-UNION-1', amountFen: 2_000, enrolmentIds: [id] })).status).toBe(201)
    now = await enrolment(id)
    expect([now.status, now.shares.every((s: { paid: boolean }) => s.paid)]).toEqual(['active', true])

    const after = await ledgerToday()
    type Row = { fundingSource: string | null; premiumsTransferFen: number; premiumsOnlineFen: number }
    const bySource = (ledger: { rows: Row[] }): Record<string, number> => Object.fromEntries(ledger.rows.map((r) => [r.fundingSource, r.premiumsTransferFen + r.premiumsOnlineFen]))
    const gained = Object.fromEntries(Object.entries(bySource(after)).map(([k, v]) => [k, v - (bySource(before)[k] ?? 0)]))
    expect(gained).toMatchObject({ union_gift: 2_000, unit: 5_000, member: 3_000 })
    expect(after.totals.premiumsOnlineFen - before.totals.premiumsOnlineFen).toBe(3_000)
    expect(after.totals.premiumsTransferFen - before.totals.premiumsTransferFen).toBe(7_000)
  })
})

describe('hardship workers (困难职工): flagged by staff, the union pays their share', () => {
  test('a flagged rider’s own enrolment is owed by the union alone; the flag is audited; only staff flag', async () => {
    const rider = await loginAs(app)
    const idNumber = freshIdNumber()
    expect((await app.api.post('/api/v1/hardship-workers', { name: '孙困难', idNumber, reason: '困难职工档案 2026-017' }, { token: users.member.token })).status).toBe(403)
    const flagged = await app.api.post('/api/v1/hardship-workers', { name: '孙困难', idNumber, reason: '困难职工档案 2026-017' }, { token: users.staff.token })
    expect(flagged.status).toBe(200)
    expect(flagged.body).toMatchObject({ idNumberMasked: expect.stringMatching(/^\d{4}\*+[\dX]{4}$/), reason: '困难职工档案 2026-017', flaggedBy: users.staff.id })
    const audit = await app.db.selectFrom('audit_log').select(['actor_user_id', 'action', 'resource']).where('resource', 'like', 'hardship_worker:%').execute()
    expect(audit).toEqual([{ actor_user_id: users.staff.id, action: 'create', resource: expect.stringMatching(/^hardship_worker:hdw_/) }])

    await fillProfile(app, rider, { idNumber })
    const enrolled = await app.api.post('/api/v1/me/enrolments', { catalogueId: CATALOGUE, products: ['ZY'] }, { token: rider.token })
    expect(enrolled.status).toBe(201)
    expect([enrolled.body.fundingSource, enrolled.body.shares]).toEqual(['member', [{ payer: 'union', amountFen: 10_000, paid: false }]])
    expect((await pay({ reference: 'HARDSHIP-M', amountFen: 10_000, enrolmentIds: [enrolled.body.id], fundingPayer: 'member' })).body.error.code).toBe('payment_nothing_owed')
    const before = await ledgerToday()
    expect((await pay({ reference: 'HARDSHIP-U', amountFen: 10_000, enrolmentIds: [enrolled.body.id], fundingPayer: 'union' })).status).toBe(201)
    expect((await enrolment(enrolled.body.id)).status).toBe('active')
    const union = (l: { rows: { fundingSource: string | null; premiumsTransferFen: number }[] }) => l.rows.filter((r) => r.fundingSource === 'union_gift').reduce((s, r) => s + r.premiumsTransferFen, 0)
    expect(union(await ledgerToday()) - union(before)).toBe(10_000)

    // Unflagged, the next enrolment is the member's own again.
    expect((await app.api.post('/api/v1/hardship-workers/removals', { idNumber }, { token: users.staff.token })).status).toBe(204)
    expect((await app.api.post('/api/v1/hardship-workers/removals', { idNumber }, { token: users.staff.token })).body.error.code).toBe('hardship_not_found')
  })
})
