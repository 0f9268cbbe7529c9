import {
  countEnrolments, createUnit, fillProfile, freshIdNumber, loginAs, setChinaDate, startAppWithEveryRole, type EveryRole, type TestApp, type TestUser,
} from '../../../test/helpers'

let app: TestApp
let users: EveryRole
beforeAll(async () => ({ app, users } = await startAppWithEveryRole()))
afterAll(() => app.close())
let minutes = 0
// Same China day in every test, but later each time, so ids (time-sorted) keep increasing.
beforeEach(() => app.clock.set(new Date(Date.parse('2026-11-24T01:00:00.000Z') + ++minutes * 60_000).toISOString()))

const enrol = (user: TestUser, body: unknown) => app.api.post('/api/v1/me/enrolments', body, { token: user.token })
const zy = { catalogueId: 'shaanxi-gig-2023', products: ['ZY'] }

async function enrolledMember(fields: Record<string, unknown> = {}) {
  const member = await loginAs(app)
  const profile = await fillProfile(app, member, fields)
  const res = await enrol(member, zy)
  expect(res.status).toBe(201)
  return { member, profile, enrolment: res.body }
}

describe('POST /api/v1/me/enrolments', () => {
  test('a member enrols from their profile: instant, priced today, pending payment, unmasked to them', async () => {
    const member = await loginAs(app)
    const idNumber = freshIdNumber({ sex: 'F', birthDate: '1995-05-05' })
    await fillProfile(app, member, { name: '王芳', idNumber })
    const res = await enrol(member, { ...zy, expectedPremiumFen: 10000 })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^enr_/), catalogueId: 'shaanxi-gig-2023', mode: 'instant', status: 'pending_payment', coverState: 'pending_payment',
      acceptedOn: '2026-11-24', start: '2026-11-25', end: '2027-11-24', premiumFen: 10000, fundingSource: 'member', unit: null, eventId: null, payment: null,
      products: [{ code: 'ZY', name: expect.any(String), shares: 1 }],
      person: { name: '王芳', idNumber, sex: 'F', birthDate: '1995-05-05', occupation: 'food_delivery' },
    })
    const row = await app.db.selectFrom('insured_persons').selectAll().where('id', '=', (await app.db.selectFrom('enrolments').select('insured_person_id').where('id', '=', res.body.id).executeTakeFirstOrThrow()).insured_person_id).executeTakeFirstOrThrow()
    expect(row.id).toMatch(/^per_/)
    expect(row.id_number_ciphertext).not.toContain(idNumber.slice(6, 14))
    expect(JSON.stringify(row)).not.toContain(idNumber)
    expect(app.logs()).not.toContain(idNumber)
  })

  test('the same person twice in an overlapping period is a 409 and writes nothing', async () => {
    const { member } = await enrolledMember()
    const before = await countEnrolments(app)
    const again = await enrol(member, zy)
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('enrolment_overlap')
    expect(again.body.error.message).toMatch(/已有未到期的参保记录/)
    expect(await countEnrolments(app)).toBe(before)
  })

  test('bad input: 400 for malformed, 422 for rules, 409 for a changed quote; nothing written', async () => {
    const noProfile = await loginAs(app)
    const before = await countEnrolments(app)
    expect((await enrol(noProfile, zy)).body.error.code).toBe('profile_required')
    const member = await loginAs(app)
    await fillProfile(app, member)
    expect((await enrol(member, { ...zy, products: [] })).status).toBe(400)
    expect((await enrol(member, { catalogueId: 'shaanxi-gig-2023' })).status).toBe(400)
    const unknown = await enrol(member, { ...zy, catalogueId: 'atlantis' })
    expect([unknown.status, unknown.body.error.code]).toEqual([422, 'unknown_catalogue'])
    const rules = await enrol(member, { ...zy, products: ['ZY', 'ZY'] })
    expect([rules.status, rules.body.error.code]).toEqual([422, 'selection_invalid'])
    expect(rules.body.error.details).toEqual([expect.objectContaining({ rule: 'max_shares', product: 'ZY' })])
    const changed = await enrol(member, { ...zy, expectedPremiumFen: 9000 })
    expect([changed.status, changed.body.error.code]).toEqual([409, 'quote_changed'])
    const unknownEvent = await enrol(member, { ...zy, eventId: 'evt_01JAAAAAAAAAAAAAAAAAAAAAAA' })
    expect([unknownEvent.status, unknownEvent.body.error.code]).toEqual([422, 'event_not_found'])
    expect(await countEnrolments(app)).toBe(before)
  })

  test('eligibility: no basic medical insurance, or not a union member, is refused by rule', async () => {
    const member = await loginAs(app)
    await fillProfile(app, member, { basicMedicalInsurance: false, unionMember: false })
    const res = await enrol(member, zy)
    expect([res.status, res.body.error.code]).toEqual([422, 'enrolment_not_eligible'])
    expect(res.body.error.details.map((d: { rule: string }) => d.rule).sort()).toEqual(['no_basic_medical_insurance', 'not_union_member'])
    expect(res.body.error.message).toContain('基本医疗保险')
  })

  test('Shanghai: instant A0+A2+C1 accepted 2020-10-14 is the worked example; waiting state; after the plan year it is closed', async () => {
    const member = await loginAs(app)
    await fillProfile(app, member)
    const other = await loginAs(app)
    await fillProfile(app, other)
    setChinaDate(app, '2020-10-14')
    const res = await enrol(member, { catalogueId: 'shanghai-2020', products: ['A0', 'A2', 'C1'] })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ start: '2020-10-15', end: '2021-03-31', premiumFen: 19500, coverFrom: { hospital: '2020-11-14', accident: '2020-10-15' } })
    // B0 alone accepted 2020-06-09 and paid: active, but critical illness waits until 2020-08-09.
    const b0 = await enrol(other, { catalogueId: 'shanghai-2020', products: ['B0'] })
    expect(b0.status).toBe(201)
    expect(b0.body).toMatchObject({ start: '2020-10-15', coverFrom: { critical: '2020-12-14' } })
    const paid = await app.api.post('/api/v1/payments', { catalogueId: 'shanghai-2020', reference: 'SH-2020-0001', amountFen: 19500 + b0.body.premiumFen, enrolmentIds: [res.body.id, b0.body.id] }, { token: users.staff.token })
    expect(paid.status).toBe(201)
    setChinaDate(app, '2020-11-01')
    expect((await app.api.get(`/api/v1/enrolments/${b0.body.id}`, { token: other.token })).body.coverState).toBe('waiting')
    expect((await app.api.get(`/api/v1/enrolments/${res.body.id}`, { token: member.token })).body.coverState).toBe('covered')
    setChinaDate(app, '2020-12-14')
    expect((await app.api.get(`/api/v1/enrolments/${b0.body.id}`, { token: other.token })).body.coverState).toBe('covered')
    app.clock.set('2026-11-24T05:00:00.000Z')
    const closed = await enrol(other, { catalogueId: 'shanghai-2020', products: ['A0'] })
    expect([closed.status, closed.body.error.code, closed.body.error.message]).toEqual([422, 'enrolment_dates_invalid', '现在不能参加这个保障计划：本计划已于 2021-03-30 停止参保'])
  })
})

describe('reading enrolments', () => {
  test('GET /me/enrolments: mine only, unmasked', async () => {
    const a = await enrolledMember()
    const b = await enrolledMember()
    const mine = await app.api.get('/api/v1/me/enrolments', { token: a.member.token })
    expect(mine.status).toBe(200)
    expect(mine.body.enrolments.map((e: { id: string }) => e.id)).toEqual([a.enrolment.id])
    expect(mine.body.enrolments[0].person.idNumber).toBe(a.profile.idNumber)
    expect(mine.body.enrolments.map((e: { id: string }) => e.id)).not.toContain(b.enrolment.id)
    const none = await loginAs(app)
    expect((await app.api.get('/api/v1/me/enrolments', { token: none.token })).body).toEqual({ enrolments: [], nextCursor: null })
  })

  test('GET /enrolments/:id: the person, staff (masked), not another member or another unit’s admin', async () => {
    const { member, profile, enrolment } = await enrolledMember()
    const path = `/api/v1/enrolments/${enrolment.id}`
    expect((await app.api.get(path, { token: member.token })).body.person.idNumber).toBe(profile.idNumber)
    for (const role of ['staff', 'reviewer', 'admin'] as const) {
      const res = await app.api.get(path, { token: users[role].token })
      expect(res.status).toBe(200)
      expect(res.body.person.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/)
      expect(res.body.person.mobile).toMatch(/^\d{3}\*{4}\d{4}$/)
      expect(res.body.person.name).toBe(profile.name)
    }
    const other = await loginAs(app)
    const foreign = await app.api.get(path, { token: other.token })
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'enrolment_not_found'])
    expect((await app.api.get(path, { token: users.unit_admin.token })).status).toBe(404)
    expect((await app.api.get('/api/v1/enrolments/enr_nope', { token: users.staff.token })).status).toBe(400)
  })

  test('GET /enrolments: filters and cursor paging; a unit admin only with their own unitId', async () => {
    const first = await enrolledMember()
    const second = await enrolledMember()
    const list = (query: string, user: TestUser = users.staff) => app.api.get(`/api/v1/enrolments?${query}`, { token: user.token })
    const p1 = await list('status=pending_payment&catalogueId=shaanxi-gig-2023&limit=1')
    expect(p1.status).toBe(200)
    expect(p1.body.enrolments.map((e: { id: string }) => e.id)).toEqual([second.enrolment.id])
    const p2 = await list(`status=pending_payment&catalogueId=shaanxi-gig-2023&limit=1&cursor=${p1.body.nextCursor}`)
    expect(p2.body.enrolments.map((e: { id: string }) => e.id)).toEqual([first.enrolment.id])
    expect(p2.body.enrolments[0].person.idNumber).toContain('*')
    expect((await list('status=lost')).status).toBe(400)
    expect((await list('limit=500')).status).toBe(400)
    expect((await list('cursor=abc')).body.error.code).toBe('cursor_invalid')
    expect((await list('', users.unit_admin)).status).toBe(400)
    const otherUnit = await createUnit(app, '别的站点')
    expect((await list(`unitId=${otherUnit}`, users.unit_admin)).status).toBe(403)
    const own = await list(`unitId=${users.unitId}`, users.unit_admin)
    expect(own.status).toBe(200)
    expect(own.body.enrolments).toEqual([])
    expect((await list('', users.member)).status).toBe(403)
  })
})

describe('POST /api/v1/enrolments/:id/cancel', () => {
  test('staff cancel once; again is a 409; a member may not; an unknown id is a 404', async () => {
    const { member, enrolment } = await enrolledMember()
    const path = `/api/v1/enrolments/${enrolment.id}/cancel`
    expect((await app.api.post(path, undefined, { token: member.token })).status).toBe(403)
    expect((await app.api.post(path, undefined, { token: users.reviewer.token })).status).toBe(403)
    const res = await app.api.post(path, undefined, { token: users.staff.token })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'cancelled', coverState: 'cancelled', cancelledAt: expect.any(String) })
    const again = await app.api.post(path, undefined, { token: users.admin.token })
    expect([again.status, again.body.error.code]).toEqual([409, 'enrolment_already_cancelled'])
    expect((await app.api.post('/api/v1/enrolments/enr_01JAAAAAAAAAAAAAAAAAAAAAAA/cancel', undefined, { token: users.staff.token })).status).toBe(404)
    const kinds = (await app.api.get('/api/v1/me/notifications', { token: member.token })).body.notifications.map((n: { kind: string }) => n.kind)
    expect(kinds).toEqual(['enrolment_cancelled', 'enrolment_created'])
    // Cancelled cover no longer blocks a new enrolment.
    expect((await enrol(member, zy)).status).toBe(201)
  })
})
