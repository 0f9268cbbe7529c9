import {
  freshIdNumber, loginAs, nextPhone, startAppWithWechatPay,
  type EveryRole, type FakeWechatPay, type TestApp, type TestUser,
} from '../../../test/helpers'
import { CONSENT_TEXT_VERSIONS } from '../members/consent-versions'
import { eraseAccount } from '../data-requests/data-erasure'
import { purgeExpiredAssisted } from './assisted-enrolments.service'

/**
 * Staff-assisted enrolment (代办) at an outreach event, issue 11 item 6: staff
 * enter a rider; the rider signs in on their own phone with the SMS code sent to
 * the number entered, reads and confirms; only then is there an enrolment,
 * attributed to the event. The test clock starts on 2026-11-24 (China date).
 */
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

const textVersion = CONSENT_TEXT_VERSIONS.sensitive_personal_info

async function makeEvent(fundingSource: 'member' | 'union_gift', gift: { limit: number } | null = null): Promise<string> {
  const res = await app.api.post('/api/v1/events', {
    name: '雁塔区骑手义诊', place: '小寨骑手驿站', date: '2026-11-24', unitId: null, catalogueId: 'shaanxi-gig-2023', products: ['ZY'], fundingSource,
    gift: gift && { limit: gift.limit, products: ['ZY'], from: '2026-11-20', to: '2026-12-31' },
  }, { token: users.staff.token })
  expect(res.status).toBe(201)
  return res.body.id
}

function riderDetails(overrides: Record<string, unknown> = {}) {
  return {
    name: '王小骑', idNumber: freshIdNumber({ birthDate: '1992-03-04' }), mobile: nextPhone(), occupation: 'food_delivery', platform: '美团',
    basicMedicalInsurance: true, unionMember: true, products: ['ZY'], ...overrides,
  }
}

const enter = (eventId: string, body: unknown, token = users.staff.token) => app.api.post(`/api/v1/events/${eventId}/assisted-enrolments`, body, { token })
const staffList = async (eventId: string) => (await app.api.get(`/api/v1/events/${eventId}/assisted-enrolments`, { token: users.staff.token })).body.assistedEnrolments
const confirm = (rider: TestUser, id: string, version: string = textVersion) =>
  app.api.post(`/api/v1/me/assisted-enrolments/${id}/confirmation`, { textVersion: version }, { token: rider.token })
const enrolmentsOf = (eventId: string) => app.db.selectFrom('enrolments').selectAll().where('event_id', '=', eventId).execute()

/** The code the rider's phone received (sent after the commit, through the outbox). */
async function codeSentTo(phone: string): Promise<string> {
  await app.outbox.drain()
  const code = app.sms.lastCodeFor(phone)
  expect(code).toMatch(/^\d{6}$/)
  return code!
}

/** The rider on their own phone: signs in with the code the staff member's entry sent. */
async function riderSignsIn(phone: string): Promise<TestUser> {
  const code = await codeSentTo(phone)
  const session = await app.api.post('/api/v1/auth/sessions', { phone, code })
  expect(session.status).toBe(200)
  return { id: session.body.user.id, token: session.body.token, phone, roles: [] }
}

describe('a staff member enrols a rider at an event; the rider’s phone confirms it', () => {
  test('member pays: nothing is enrolled until the rider confirms; then a pending enrolment of the event, linked to the rider, paid online', async () => {
    const eventId = await makeEvent('member')
    const details = riderDetails()
    const entered = await enter(eventId, details)
    expect(entered.status).toBe(201)
    expect(entered.body).toMatchObject({
      eventId, name: '王小骑', products: [{ code: 'ZY', name: '住院+意外' }], fundingSource: 'member', status: 'waiting', enrolmentId: null,
    })
    expect(entered.body.idNumberMasked).not.toContain(details.idNumber.slice(6, 14))
    expect(entered.body.mobileMasked).not.toBe(details.mobile)
    expect(entered.body.premiumFen).toBeGreaterThan(0)
    // Sealed at rest: neither the ID number nor the phone is stored in clear.
    const stored = await app.db.selectFrom('assisted_enrolments').selectAll().where('id', '=', entered.body.id).executeTakeFirstOrThrow()
    expect(JSON.stringify(stored)).not.toContain(details.idNumber)
    expect(JSON.stringify(stored)).not.toContain(details.mobile)
    const audit = await app.db.selectFrom('audit_log').selectAll().where('actor_user_id', '=', users.staff.id).where('resource', '=', 'assisted_enrolment').execute()
    expect(audit).toHaveLength(1)
    expect(await enrolmentsOf(eventId)).toEqual([])

    const rider = await riderSignsIn(details.mobile)
    const mine = await app.api.get('/api/v1/me/assisted-enrolments', { token: rider.token })
    expect(mine.body.assistedEnrolments).toEqual([expect.objectContaining({ id: entered.body.id, status: 'waiting', eventName: '雁塔区骑手义诊' })])

    const confirmed = await confirm(rider, entered.body.id)
    expect(confirmed.status).toBe(201)
    expect(confirmed.body.assistedEnrolment).toMatchObject({ status: 'confirmed', enrolmentStatus: 'pending_payment' })
    expect(confirmed.body.enrolment).toMatchObject({ status: 'pending_payment', fundingSource: 'member', premiumFen: entered.body.premiumFen })
    const [enrolment] = await enrolmentsOf(eventId)
    expect(enrolment).toMatchObject({ id: confirmed.body.enrolment.id, created_by: users.staff.id, funding_source: 'member', status: 'pending_payment' })
    const consents = await app.api.get('/api/v1/me/consents', { token: rider.token })
    expect(consents.body.consents).toEqual([expect.objectContaining({ kind: 'sensitive_personal_info', textVersion })])
    // The rider's account proved the phone: it sees the cover as its own.
    const riderEnrolments = await app.api.get('/api/v1/me/enrolments', { token: rider.token })
    expect(riderEnrolments.body.enrolments.map((e: { id: string }) => e.id)).toEqual([enrolment!.id])
    expect((await app.api.get(`/api/v1/events/${eventId}`, { token: users.staff.token })).body.counts).toMatchObject({ enrolled: 1, pendingPayment: 1 })

    // The rider pays their share in the existing payment flow on their phone.
    const order = await app.api.post(`/api/v1/enrolments/${enrolment!.id}/payment-orders`, { channel: 'h5', returnPath: '/enrol/assisted/index' }, { token: rider.token })
    expect(order.status).toBe(201)
    expect(await fake.pay(order.body.id)).toBe(204)
    expect(await staffList(eventId)).toEqual([expect.objectContaining({ id: entered.body.id, status: 'confirmed', enrolmentStatus: 'active' })])

    // Confirmed once: a second confirmation is refused and changes nothing.
    const again = await confirm(rider, entered.body.id)
    expect([again.status, again.body.error.code]).toEqual([409, 'assisted_enrolment_already_confirmed'])
    expect(await enrolmentsOf(eventId)).toHaveLength(1)
  })

  test('the event’s gift pays within its budget; beyond it staff are told at once, and a confirmation beyond it changes nothing', async () => {
    const eventId = await makeEvent('union_gift', { limit: 1 })
    const first = riderDetails()
    const second = riderDetails()
    const a = await enter(eventId, first)
    const b = await enter(eventId, second)
    expect([a.status, b.status]).toEqual([201, 201])
    expect(a.body.fundingSource).toBe('union_gift')
    const riderA = await riderSignsIn(first.mobile)
    const riderB = await riderSignsIn(second.mobile)
    const ok = await confirm(riderA, a.body.id)
    expect(ok.status).toBe(201)
    expect(ok.body.enrolment).toMatchObject({ fundingSource: 'union_gift' })

    const refused = await confirm(riderB, b.body.id)
    expect([refused.status, refused.body.error.code, refused.body.error.message]).toEqual([409, 'event_gift_budget_exhausted', '本活动的赠送名额（1 人）已经用完，不能再以赠送方式参保'])
    expect(await enrolmentsOf(eventId)).toHaveLength(1)
    expect((await app.api.get('/api/v1/me/consents', { token: riderB.token })).body.consents).toEqual([])
    expect((await staffList(eventId)).find((x: { id: string }) => x.id === b.body.id)).toMatchObject({ status: 'waiting', enrolmentId: null })

    const third = await enter(eventId, riderDetails())
    expect([third.status, third.body.error.code]).toEqual([409, 'event_gift_budget_exhausted'])
    expect(await staffList(eventId)).toHaveLength(2)
  })
})

describe('the rider’s code and confirmation', () => {
  test('a wrong code, too many wrong codes or an expired code sign nobody in: 400 with a stable code, nothing enrolled', async () => {
    const eventId = await makeEvent('member')
    const details = riderDetails()
    expect((await enter(eventId, details)).status).toBe(201)
    const code = await codeSentTo(details.mobile)
    const wrong = code === '000000' ? '111111' : '000000'
    const signIn = (c: string) => app.api.post('/api/v1/auth/sessions', { phone: details.mobile, code: c })
    const first = await signIn(wrong)
    expect([first.status, first.body.error.code, first.body.error.message]).toEqual([400, 'sms_code_invalid', '验证码不对，请重新输入'])
    for (let i = 0; i < 3; i++) expect((await signIn(wrong)).body.error.code).toBe('sms_code_invalid')
    expect((await signIn(wrong)).body.error.code).toBe('sms_code_too_many_attempts')
    // Spent by the wrong tries: even the right code no longer works.
    expect((await signIn(code)).body.error.code).toBe('sms_code_too_many_attempts')

    const other = riderDetails()
    expect((await enter(eventId, other)).status).toBe(201)
    const otherCode = await codeSentTo(other.mobile)
    app.clock.advance(301_000)
    const expired = await app.api.post('/api/v1/auth/sessions', { phone: other.mobile, code: otherCode })
    expect([expired.status, expired.body.error.code]).toEqual([400, 'sms_code_expired'])
    expect(await enrolmentsOf(eventId)).toEqual([])
  })

  test('only the account that proved the entered phone confirms; an outdated consent text or an expired entry is refused and never becomes cover', async () => {
    const eventId = await makeEvent('member')
    const details = riderDetails()
    const entered = (await enter(eventId, details)).body
    const stranger = await loginAs(app)
    const notMine = await confirm(stranger, entered.id)
    expect([notMine.status, notMine.body.error.code]).toEqual([404, 'assisted_enrolment_not_found'])
    expect((await app.api.get('/api/v1/me/assisted-enrolments', { token: stranger.token })).body.assistedEnrolments).toEqual([])
    expect((await app.api.post(`/api/v1/me/assisted-enrolments/${entered.id}/confirmation`, { textVersion })).status).toBe(401)

    const rider = await riderSignsIn(details.mobile)
    const outdated = await confirm(rider, entered.id, '2020-01-01')
    expect([outdated.status, outdated.body.error.code]).toEqual([409, 'assisted_enrolment_consent_outdated'])

    app.clock.advance(86_401_000)
    const late = await confirm(rider, entered.id)
    expect([late.status, late.body.error.code, late.body.error.message]).toEqual([409, 'assisted_enrolment_expired', '这条代办参保已过期，未生效。请联系工作人员重新登记'])
    expect(await enrolmentsOf(eventId)).toEqual([])
    expect((await app.api.get('/api/v1/me/consents', { token: rider.token })).body.consents).toEqual([])
    expect(await staffList(eventId)).toEqual([expect.objectContaining({ id: entered.id, status: 'expired', enrolmentId: null })])

    // A day after it expired, the hourly job removes it, ID number and phone with it; a confirmed one stays.
    const kept = riderDetails()
    const confirmedLater = (await enter(eventId, kept)).body
    expect((await confirm(await riderSignsIn(kept.mobile), confirmedLater.id)).status).toBe(201)
    await purgeExpiredAssisted(app.db, app.clock)
    expect((await staffList(eventId)).map((a: { id: string }) => a.id)).toEqual([confirmedLater.id, entered.id])
    app.clock.advance(86_400_000)
    expect(await purgeExpiredAssisted(app.db, app.clock)).toBeGreaterThanOrEqual(1)
    expect((await staffList(eventId)).map((a: { id: string }) => a.id)).toEqual([confirmedLater.id])
  })
})

describe('confirmed once', () => {
  test('two confirmations at once (the rider taps twice): one enrolment, the other 409', async () => {
    const eventId = await makeEvent('member')
    const details = riderDetails()
    const entered = (await enter(eventId, details)).body
    const rider = await riderSignsIn(details.mobile)
    const answers = await Promise.all([confirm(rider, entered.id), confirm(rider, entered.id), confirm(rider, entered.id)])
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409])
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'assisted_enrolment_already_confirmed')).toBe(true)
    expect(await enrolmentsOf(eventId)).toHaveLength(1)
    expect((await app.api.get('/api/v1/me/consents', { token: rider.token })).body.consents).toHaveLength(1)
  })
})

describe('what staff may enter', () => {
  test('members and unit admins are refused; bad details are 4xx with their codes, nothing stored, no SMS', async () => {
    const eventId = await makeEvent('member')
    expect((await enter(eventId, riderDetails(), users.member.token)).status).toBe(403)
    expect((await enter(eventId, riderDetails(), users.unit_admin.token)).status).toBe(403)
    expect((await app.api.get(`/api/v1/events/${eventId}/assisted-enrolments`, { token: users.member.token })).status).toBe(403)

    const sentBefore = app.sms.sent.length
    const badId = await enter(eventId, riderDetails({ idNumber: '110101199003041235' }))
    expect(badId.status).toBe(400)
    expect(badId.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'idNumber' })]))
    const badSelection = await enter(eventId, riderDetails({ products: ['NOPE'] }))
    expect([badSelection.status, badSelection.body.error.code]).toEqual([422, 'selection_invalid'])
    const notMember = await enter(eventId, riderDetails({ unionMember: false }))
    expect([notMember.status, notMember.body.error.code]).toEqual([422, 'enrolment_not_eligible'])
    const changed = await enter(eventId, riderDetails({ expectedPremiumFen: 1 }))
    expect([changed.status, changed.body.error.code]).toEqual([409, 'quote_changed'])
    const ownPhone = await enter(eventId, riderDetails({ mobile: users.staff.phone }))
    expect([ownPhone.status, ownPhone.body.error.code]).toEqual([403, 'assisted_enrolment_own'])
    expect(await staffList(eventId)).toEqual([])
    await app.outbox.drain()
    expect(app.sms.sent.length).toBe(sentBefore)
  })

  test('codes are rate-limited per phone and per staff member: 429, nothing stored', async () => {
    const eventId = await makeEvent('member')
    const staff = await loginAs(app, { roles: ['staff'] })
    const details = riderDetails()
    expect((await enter(eventId, details, staff.token)).status).toBe(201)
    const samePhone = await enter(eventId, { ...details, idNumber: freshIdNumber() }, staff.token)
    expect([samePhone.status, samePhone.body.error.code]).toEqual([429, 'rate_limited'])
    for (let i = 1; i < 40; i++) expect((await enter(eventId, riderDetails(), staff.token)).status).toBe(201)
    const fortyFirst = await enter(eventId, riderDetails(), staff.token)
    expect([fortyFirst.status, fortyFirst.body.error.code]).toEqual([429, 'rate_limited'])
    expect(await staffList(eventId)).toHaveLength(40)
    // Another staff member is not held up.
    expect((await enter(eventId, riderDetails())).status).toBe(201)
  }, 60_000)
})

describe('a deleted person (PIPL) leaves no copy of their details in staff entries', () => {
  test('a confirmed entry keeps the event, the staff member and the enrolment only; an unconfirmed one for the same phone goes', async () => {
    const eventId = await makeEvent('member')
    const details = riderDetails({ name: '赵删除' })
    const entered = await enter(eventId, details)
    const rider = await riderSignsIn(details.mobile)
    expect((await confirm(rider, entered.body.id)).status).toBe(201)
    app.clock.advance(2 * 60_000) // past the phone's one code a minute
    const pending = await enter(eventId, riderDetails({ mobile: details.mobile }))
    expect(pending.status).toBe(201)

    await app.db.transaction().execute((trx) => eraseAccount(trx, app.deps, rider.id, { userId: rider.id, ip: null, requestId: null }))

    const rows = await app.db.selectFrom('assisted_enrolments').selectAll().where('event_id', '=', eventId).execute()
    expect(rows.map((r) => r.id)).toEqual([entered.body.id])
    expect(rows[0]).toMatchObject({ name: '已删除', event_id: eventId, staff_user_id: users.staff.id, enrolment_id: expect.any(String) })
    expect(rows[0]!.id_number_hash).toBe(`erased:${entered.body.id}`)
    expect(rows[0]!.mobile_hash).toBe(`erased:${entered.body.id}`)
    const listed = await staffList(eventId)
    expect(JSON.stringify(listed)).not.toContain('赵删除')
    expect(JSON.stringify(listed)).not.toContain(details.mobile.slice(-4))
    expect(JSON.stringify(listed)).not.toContain(details.idNumber.slice(-4))
  })
})
