import { builtInCatalogues, parseIdNumber, toSelection } from '@huzhu/shared'
import { fillProfile, freshIdNumber, loginAs, startAppWithEveryRole, type EveryRole, type TestApp } from '../../../test/helpers'
import { enrolPerson, priceSelection } from '../enrolments/enrolments.service'

let app: TestApp
let users: EveryRole
beforeAll(async () => ({ app, users } = await startAppWithEveryRole()))
afterAll(() => app.close())

const zy = { catalogueId: 'shaanxi-gig-2023', products: ['ZY'] }
const pay = (body: unknown, token = users.staff.token) => app.api.post('/api/v1/payments', body, { token })
const statusOf = async (id: string) => (await app.db.selectFrom('enrolments').select(['status', 'payment_id']).where('id', '=', id).executeTakeFirstOrThrow())
const paymentCount = async () => (await app.db.selectFrom('payments').select('id').execute()).length

async function pendingEnrolment() {
  const member = await loginAs(app)
  await fillProfile(app, member)
  const res = await app.api.post('/api/v1/me/enrolments', zy, { token: member.token })
  expect(res.status).toBe(201)
  return { member, id: res.body.id as string }
}

/** A unit's pending enrolments, as a roster import leaves them (written through the service). */
async function unitEnrolments(unitId: string, n: number): Promise<string[]> {
  const catalogue = builtInCatalogues().get('shaanxi-gig-2023')!
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const parsed = parseIdNumber(freshIdNumber(), '2026-11-24')
    if (!parsed.ok) throw new Error('bad id')
    const q = priceSelection(catalogue, toSelection(['ZY']), 'collective', '2026-11-24')
    const row = await app.db.transaction().execute((trx) => enrolPerson(trx, { clock: app.clock, protector: app.protector, catalogues: { list: () => [], get: () => catalogue } },
      { name: '单位职工', idNumber: parsed.value, mobile: '13700000000', occupation: 'courier', platform: '站点', basicMedicalInsurance: true },
      q, { fundingSource: 'unit', unitId, eventId: null, rosterId: null, createdBy: null }))
    ids.push(row.id)
  }
  return ids
}

describe('POST /api/v1/payments', () => {
  test('a transfer for listed enrolments activates them with the payment; the member sees it', async () => {
    const a = await pendingEnrolment()
    const b = await pendingEnrolment()
    const res = await pay({ ...zy, products: undefined, reference: 'BANK-0001', amountFen: 20000, payer: '某站点', enrolmentIds: [a.id, b.id] })
    expect(res.status).toBe(201)
    expect(res.body).toEqual({
      id: expect.stringMatching(/^pay_/), catalogueId: 'shaanxi-gig-2023', reference: 'BANK-0001', amountFen: 20000, payer: '某站点',
      enrolmentCount: 2, confirmedAt: expect.any(String), confirmedBy: users.staff.id,
    })
    expect(await statusOf(a.id)).toEqual({ status: 'active', payment_id: res.body.id })
    const seen = await app.api.get(`/api/v1/enrolments/${a.id}`, { token: a.member.token })
    expect(seen.body).toMatchObject({ status: 'active', coverState: 'not_started', payment: { id: res.body.id, reference: 'BANK-0001' } })
    app.clock.advance(2 * 86_400_000)
    expect((await app.api.get(`/api/v1/enrolments/${a.id}`, { token: a.member.token })).body.coverState).toBe('covered')
    // Each member is told, in the app, when they enrolled and when their cover came into force.
    const messages = await app.api.get('/api/v1/me/notifications', { token: a.member.token })
    expect(messages.body.notifications.map((n: { kind: string; subject: { id: string } }) => [n.kind, n.subject.id])).toEqual([
      ['enrolment_active', a.id], ['enrolment_created', a.id],
    ])
    const list = await app.api.get('/api/v1/payments?catalogueId=shaanxi-gig-2023', { token: users.admin.token })
    expect(list.status).toBe(200)
    expect(list.body.payments.map((p: { id: string }) => p.id)).toContain(res.body.id)
  })

  test('a wrong amount is a 422 naming the expected sum; a used reference a 409; nothing changes', async () => {
    const a = await pendingEnrolment()
    const before = await paymentCount()
    const wrong = await pay({ catalogueId: zy.catalogueId, reference: 'BANK-0002', amountFen: 9999, enrolmentIds: [a.id] })
    expect([wrong.status, wrong.body.error.code]).toEqual([422, 'payment_amount_mismatch'])
    expect(wrong.body.error.message).toBe('缴费金额与待缴保费合计不符：应为 100.00 元，登记的是 99.99 元')
    const taken = await pay({ catalogueId: zy.catalogueId, reference: 'BANK-0001', amountFen: 10000, enrolmentIds: [a.id] })
    expect([taken.status, taken.body.error.code]).toEqual([409, 'payment_reference_taken'])
    expect(await statusOf(a.id)).toEqual({ status: 'pending_payment', payment_id: null })
    expect(await paymentCount()).toBe(before)
  })

  test('an enrolment that is not pending (or unknown, or of another catalogue) is refused, all or nothing', async () => {
    const a = await pendingEnrolment()
    const b = await pendingEnrolment()
    expect((await pay({ catalogueId: zy.catalogueId, reference: 'BANK-0003', amountFen: 10000, enrolmentIds: [a.id] })).status).toBe(201)
    const res = await pay({ catalogueId: zy.catalogueId, reference: 'BANK-0004', amountFen: 20000, enrolmentIds: [a.id, b.id] })
    expect([res.status, res.body.error.code]).toEqual([422, 'payment_enrolments_invalid'])
    expect(res.body.error.details).toEqual([{ enrolmentId: a.id }])
    const other = await pay({ catalogueId: 'shanghai-2020', reference: 'BANK-0004', amountFen: 10000, enrolmentIds: [b.id] })
    expect(other.status).toBe(422)
    expect((await statusOf(b.id)).status).toBe('pending_payment')
  })

  test('by unit: every pending enrolment of the unit in the catalogue', async () => {
    const ids = await unitEnrolments(users.unitId, 3)
    const res = await pay({ catalogueId: zy.catalogueId, reference: 'UNIT-0001', amountFen: 30000, unitId: users.unitId })
    expect(res.status).toBe(201)
    expect(res.body.enrolmentCount).toBe(3)
    for (const id of ids) expect((await statusOf(id)).status).toBe('active')
    const none = await pay({ catalogueId: zy.catalogueId, reference: 'UNIT-0002', amountFen: 0, unitId: users.unitId })
    expect([none.status, none.body.error.code]).toEqual([422, 'payment_nothing_pending'])
  })

  test('bad input is a 400; only staff and admins confirm or list', async () => {
    const a = await pendingEnrolment()
    const neither = await pay({ catalogueId: zy.catalogueId, reference: 'BANK-0100', amountFen: 10000 })
    expect(neither.status).toBe(400)
    expect(neither.body.error.details).toEqual([expect.objectContaining({ path: 'enrolmentIds', code: 'payment_target_required' })])
    expect((await pay({ catalogueId: zy.catalogueId, reference: 'x', amountFen: 10000, enrolmentIds: [a.id] })).status).toBe(400)
    expect((await pay({ catalogueId: zy.catalogueId, reference: 'BANK-0101', amountFen: 100.5, enrolmentIds: [a.id] })).status).toBe(400)
    for (const user of [users.member, users.unit_admin, users.reviewer, a.member]) {
      expect((await pay({ catalogueId: zy.catalogueId, reference: 'BANK-0102', amountFen: 10000, enrolmentIds: [a.id] }, user.token)).status).toBe(403)
    }
    expect((await app.api.get('/api/v1/payments', { token: users.staff.token })).status).toBe(400)
    expect((await app.api.get('/api/v1/payments?catalogueId=shaanxi-gig-2023', { token: users.unit_admin.token })).status).toBe(403)
    expect((await statusOf(a.id)).status).toBe('pending_payment')
  })
})

describe('GET /api/v1/payments/pending-enrolments', () => {
  const pending = (query: string, token = users.staff.token) => app.api.get(`/api/v1/payments/pending-enrolments${query}`, { token })
  const idsOf = (body: { enrolments: { id: string }[] }) => body.enrolments.map((e) => e.id)

  /** A rider who enrolled alone and has not paid: pending, no unit, no event. */
  async function riderAlone(name: string) {
    const member = await loginAs(app)
    await fillProfile(app, member, { name })
    const res = await app.api.post('/api/v1/me/enrolments', zy, { token: member.token })
    expect([res.status, res.body.status, res.body.unit, res.body.eventId]).toEqual([201, 'pending_payment', null, null])
    return { member, id: res.body.id as string }
  }

  test('lists self-enrolments awaiting payment with unit ones, newest first, by pages; a paid one leaves the list', async () => {
    const unitIds = await unitEnrolments(users.unitId, 1)
    const first = await riderAlone('林翠一')
    const second = await riderAlone('林翠二')
    const all = await pending('?limit=100')
    expect(all.status).toBe(200)
    expect(idsOf(all.body).slice(0, 3)).toEqual([second.id, first.id, unitIds[0]])
    expect(all.body.enrolments.every((e: { status: string }) => e.status === 'pending_payment')).toBe(true)
    // Staff see the name, and the ID number and mobile masked.
    expect(all.body.enrolments[0].person).toMatchObject({ name: '林翠二', idNumber: expect.stringMatching(/^\d{4}\*{10}[\dX]{4}$/), mobile: expect.stringMatching(/^\d{3}\*{4}\d{4}$/) })

    const page1 = await pending('?q=林翠&limit=1')
    expect([idsOf(page1.body), page1.body.nextCursor]).toEqual([[second.id], second.id])
    const page2 = await pending(`?q=林翠&limit=1&cursor=${page1.body.nextCursor}`)
    expect([idsOf(page2.body), page2.body.nextCursor]).toEqual([[first.id], null])

    expect((await pay({ catalogueId: zy.catalogueId, reference: 'SELF-0001', amountFen: 10000, enrolmentIds: [first.id] })).status).toBe(201)
    expect(idsOf((await pending('?q=林翠')).body)).toEqual([second.id])
    expect((await pending('?cursor=not-an-id')).body.error.code).toBe('cursor_invalid')
  })

  test('finds a rider by part of the name, or by the whole mobile number (typed with spaces or +86), and nobody else', async () => {
    const rider = await riderAlone('司马青衫')
    const other = await riderAlone('司马小雨')
    expect(idsOf((await pending(`?q=${encodeURIComponent('青衫')}`)).body)).toEqual([rider.id])
    expect(idsOf((await pending(`?q=${encodeURIComponent('司马')}`)).body)).toEqual([other.id, rider.id])
    const p = rider.member.phone
    for (const typed of [p, `${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`, `+86${p}`]) {
      expect([typed, idsOf((await pending(`?q=${encodeURIComponent(typed)}`)).body)]).toEqual([typed, [rider.id]])
    }
    expect((await pending('?q=13700000999')).body.enrolments).toEqual([])
    expect((await pending(`?q=${encodeURIComponent('无此人')}`)).body.enrolments).toEqual([])
    // The mobile is never stored in clear: it is found through its keyed hash.
    const person = await app.db.selectFrom('insured_persons').selectAll().where('name', '=', '司马青衫').executeTakeFirstOrThrow()
    expect(JSON.stringify(person)).not.toContain(p)
  })

  test('part of a phone number is a 400 with a hint; unit admins, reviewers and members cannot list', async () => {
    const partial = await pending(`?q=${p7()}`)
    expect([partial.status, partial.body.error.code, partial.body.error.message]).toEqual([400, 'pending_search_phone_incomplete', '按手机号查找请输入完整的 11 位手机号；按姓名查找请输入姓名'])
    const own = await riderAlone('自己查')
    for (const user of [users.unit_admin, users.reviewer, users.member, own.member]) {
      const res = await pending('', user.token)
      expect([res.status, res.body.error.code]).toEqual([403, 'forbidden'])
    }
    expect((await pending('', users.admin.token)).status).toBe(200)
  })
})

/** Seven digits of a phone number: not a whole one. */
const p7 = () => '1391234'
