import { maskMobile } from '@huzhu/shared'
import {
  fillProfile, freshIdNumber, giveMedicalConsent, loginAs, nextPhone, postClaim, setChinaDate, setUnitSelection, startAppWithEveryRole, startTestApp,
  uploadPhoto, type EveryRole, type TestApp, type TestUser,
} from '../../../test/helpers'

/**
 * DOMAIN.md, "Identity: who may see and claim a cover": an account proves a
 * phone, not a person. These tests are the attack itself: a second account
 * that types a rostered rider's ID number gets nothing of theirs.
 */
let app: TestApp
let users: EveryRole
beforeAll(async () => {
  ;({ app, users } = await startAppWithEveryRole())
  setChinaDate(app, '2026-11-24')
  await setUnitSelection(app, users.unitId, 'shaanxi-gig-2023', ['ZY'])
})
afterAll(() => app.close())

interface Rider {
  name: string
  idNumber: string
  mobile: string
  enrolmentId: string
}

/** The unit enrols a rider who has no account yet (a new hire), and the office confirms the unit's transfer: active cover. */
async function rosteredRider(name = '李军'): Promise<Rider> {
  const body = { name, idNumber: freshIdNumber(), mobile: nextPhone(), occupation: 'food_delivery', platform: '美团', basicMedicalInsurance: true, unionMember: true }
  const hired = await app.api.post(`/api/v1/units/${users.unitId}/new-hires`, body, { token: users.unit_admin.token })
  expect(hired.status).toBe(201)
  const paid = await app.api.post('/api/v1/payments', {
    catalogueId: 'shaanxi-gig-2023', reference: `REF-${hired.body.id}`, amountFen: hired.body.premiumFen, enrolmentIds: [hired.body.id],
  }, { token: users.staff.token })
  expect(paid.status).toBe(201)
  return { name, idNumber: body.idNumber, mobile: body.mobile, enrolmentId: hired.body.id }
}

const profileOf = (rider: Pick<Rider, 'idNumber'>, mobile: string, name = '李军') => ({
  name, idNumber: rider.idNumber, mobile, occupation: 'food_delivery' as const, platform: '美团', basicMedicalInsurance: true, unionMember: true,
})

/** What an account can get of an enrolment: its list, the enrolment, the card, a claim on it. */
async function whatItSees(user: TestUser, enrolmentId: string) {
  await giveMedicalConsent(app, user)
  const uploadId = await uploadPhoto(app, user)
  const claim = await postClaim(app, user, {
    enrolmentId, kind: 'inpatient', eventDate: '2026-11-30', diagnosis: '急性阑尾炎', hospital: '西安市第一医院',
    figures: { totalCostFen: 500_000, pooledOutOfPocketFen: 200_000, supplementaryOutOfPocketFen: 0 }, invoiceNumbers: [], documents: [{ uploadId, kind: 'invoice' }],
  })
  return {
    mine: (await app.api.get('/api/v1/me/enrolments', { token: user.token })).body.enrolments.map((e: { id: string }) => e.id),
    enrolment: (await app.api.get(`/api/v1/enrolments/${enrolmentId}`, { token: user.token })).status,
    card: (await app.api.get(`/api/v1/enrolments/${enrolmentId}/certificate`, { token: user.token })).status,
    claim: claim.status,
  }
}

describe('a second account that types a rostered rider’s ID number', () => {
  test('gets nothing of theirs: no enrolment, no ID number or mobile, no card, no claim; the rider still signs up and sees it all', async () => {
    const rider = await rosteredRider()
    setChinaDate(app, '2026-12-02')
    const attacker = await loginAs(app)
    const saved = await fillProfile(app, attacker, profileOf(rider, attacker.phone))
    expect(saved).toMatchObject({ idNumber: rider.idNumber, mobile: attacker.phone })

    expect(await whatItSees(attacker, rider.enrolmentId)).toEqual({ mine: [], enrolment: 404, card: 404, claim: 422 })
    const everything = JSON.stringify(await app.api.get('/api/v1/me/enrolments', { token: attacker.token }))
    expect(everything).not.toContain(rider.mobile)
    expect(await app.db.selectFrom('claims').select('id').where('enrolment_id', '=', rider.enrolmentId).execute()).toEqual([])

    // Enrolling themself on the rider's number changes nothing of the rider's (their phone stays the roster's).
    const personBefore = await app.db.selectFrom('insured_persons').selectAll().where('id', '=', (await enrolmentPerson(rider.enrolmentId))).executeTakeFirstOrThrow()
    const self = await app.api.post('/api/v1/me/enrolments', { catalogueId: 'shaanxi-gig-2023', products: ['ZY'] }, { token: attacker.token })
    expect([self.status, self.body.error.code]).toEqual([409, 'identity_unverified'])
    expect(self.body.error.message).toMatch(/工会办事处/)
    expect(await app.db.selectFrom('insured_persons').selectAll().where('id', '=', personBefore.id).executeTakeFirstOrThrow()).toEqual(personBefore)

    // The real rider signs up with the phone their unit registered: no 409, and the cover is theirs.
    const real = await loginAs(app, { phone: rider.mobile })
    expect((await fillProfile(app, real, profileOf(rider, rider.mobile))).idNumber).toBe(rider.idNumber)
    const seen = await whatItSees(real, rider.enrolmentId)
    expect(seen).toEqual({ mine: [rider.enrolmentId], enrolment: 200, card: 200, claim: 201 })
    const mine = await app.api.get(`/api/v1/enrolments/${rider.enrolmentId}`, { token: real.token })
    expect(mine.body.person).toMatchObject({ idNumber: rider.idNumber, mobile: rider.mobile })

    // The attacker still sees nothing, and heard nothing about it.
    expect((await app.api.get('/api/v1/me/enrolments', { token: attacker.token })).body.enrolments).toEqual([])
    const messages = await app.db.selectFrom('notifications').select('user_id').where('subject_id', '=', rider.enrolmentId).execute()
    expect(messages.map((m) => m.user_id)).not.toContain(attacker.id)
  })

  test('the profile answer does not tell an enrolled number, or one another account holds, from a new one', async () => {
    const rider = await rosteredRider()
    const real = await loginAs(app, { phone: rider.mobile })
    await fillProfile(app, real, profileOf(rider, rider.mobile))
    const probe = async (idNumber: string) => {
      const user = await loginAs(app)
      await app.api.post('/api/v1/me/consents', { kind: 'sensitive_personal_info', textVersion: 'v1' }, { token: user.token })
      const res = await app.api.put('/api/v1/me/profile', profileOf({ idNumber }, user.phone), { token: user.token })
      return { status: res.status, keys: Object.keys(res.body).sort(), masked: res.body.masked }
    }
    expect(await probe(rider.idNumber)).toEqual(await probe(freshIdNumber()))
  })

  test('setting ID numbers is rate-limited per account and per client IP; a refused change stores nothing', async () => {
    const user = await loginAs(app)
    await app.api.post('/api/v1/me/consents', { kind: 'sensitive_personal_info', textVersion: 'v1' }, { token: user.token })
    const put = (idNumber: string) => app.api.put('/api/v1/me/profile', profileOf({ idNumber }, user.phone), { token: user.token })
    for (let i = 0; i < 3; i++) expect((await put(freshIdNumber())).status).toBe(200)
    const kept = (await app.api.get('/api/v1/me/profile', { token: user.token })).body.idNumber
    const limited = await put(freshIdNumber())
    expect([limited.status, limited.body.error.code]).toEqual([429, 'rate_limited'])
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await app.api.get('/api/v1/me/profile', { token: user.token })).body.idNumber).toBe(kept)
    // Saving other fields with the same number is not a change of number.
    expect((await app.api.put('/api/v1/me/profile', { ...profileOf({ idNumber: kept }, user.phone), platform: '饿了么' }, { token: user.token })).status).toBe(200)

    const perIp = await startTestApp({ idNumberChangesPerIpHourly: 2 })
    try {
      const results: number[] = []
      for (let i = 0; i < 3; i++) {
        const someone = await loginAs(perIp)
        await perIp.api.post('/api/v1/me/consents', { kind: 'sensitive_personal_info', textVersion: 'v1' }, { token: someone.token })
        results.push((await perIp.api.put('/api/v1/me/profile', profileOf({ idNumber: freshIdNumber() }, someone.phone), { token: someone.token })).status)
      }
      expect(results).toEqual([200, 200, 429])
    } finally {
      await perIp.close()
    }
  })
})

describe('linking an account to a person only with proof', () => {
  test('a rider who signed up first is linked when the unit later enrols them with the same phone', async () => {
    const phone = nextPhone()
    const user = await loginAs(app, { phone })
    const idNumber = freshIdNumber()
    await fillProfile(app, user, profileOf({ idNumber }, phone, '王芳'))
    const hired = await app.api.post(`/api/v1/units/${users.unitId}/new-hires`, {
      name: '王芳', idNumber, mobile: phone, occupation: 'courier', platform: '顺丰', basicMedicalInsurance: true, unionMember: true,
    }, { token: users.unit_admin.token })
    expect(hired.status).toBe(201)
    expect((await app.api.get('/api/v1/me/enrolments', { token: user.token })).body.enrolments.map((e: { id: string }) => e.id)).toEqual([hired.body.id])
  })

  test('a rider whose unit registered another phone is linked by office staff who checked their ID card; the check is audited', async () => {
    const rider = await rosteredRider('赵敏')
    const user = await loginAs(app)
    await fillProfile(app, user, profileOf(rider, user.phone, '赵敏'))
    expect((await app.api.get('/api/v1/me/enrolments', { token: user.token })).body.enrolments).toEqual([])

    const verify = (userId: string, token: string) => app.api.post(`/api/v1/members/${userId}/identity-verifications`, {}, { token })
    expect((await verify(user.id, user.token)).status).toBe(403)
    expect((await verify(user.id, users.reviewer.token)).status).toBe(403)
    expect((await verify(users.staff.id, users.staff.token)).body.error.code).toBe('identity_own_verification')
    expect((await app.api.get('/api/v1/me/enrolments', { token: user.token })).body.enrolments).toEqual([])

    const done = await verify(user.id, users.staff.token)
    expect(done.status).toBe(201)
    expect(done.body).toEqual({ userId: user.id, insuredPersonId: await enrolmentPerson(rider.enrolmentId) })
    expect((await app.api.get('/api/v1/me/enrolments', { token: user.token })).body.enrolments.map((e: { id: string }) => e.id)).toEqual([rider.enrolmentId])
    const audit = await app.db.selectFrom('audit_log').selectAll().where('subject_user_id', '=', user.id).where('action', '=', 'verify').execute()
    expect(audit).toEqual([expect.objectContaining({ actor_user_id: users.staff.id, resource: 'person_identity' })])

    const nobody = await loginAs(app)
    await fillProfile(app, nobody)
    expect((await verify(nobody.id, users.staff.token)).body.error.code).toBe('identity_no_enrolment')
  })

  test('staff searching an ID number see, per account holding it, its masked login phone, when its profile was made and whether it is already linked', async () => {
    const rider = await rosteredRider('孙丽')
    const real = await loginAs(app, { phone: rider.mobile })
    await fillProfile(app, real, profileOf(rider, rider.mobile, '孙丽'))
    app.clock.advance(60_000)
    const other = await loginAs(app)
    await fillProfile(app, other, profileOf(rider, other.phone, '孙丽'))
    const search = async () => {
      const res = await app.api.post('/api/v1/members/search', { idNumber: rider.idNumber }, { token: users.staff.token })
      expect(res.status).toBe(200)
      expect(res.text).not.toContain(other.phone)
      expect(res.text).not.toContain(rider.mobile)
      return res.body.members as { userId: string; loginPhoneMasked: string | null; profileCreatedAt: string; linked: boolean; masked: boolean }[]
    }
    const before = await search()
    expect(before.map((m) => ({ userId: m.userId, loginPhoneMasked: m.loginPhoneMasked, linked: m.linked, masked: m.masked }))).toEqual([
      { userId: real.id, loginPhoneMasked: maskMobile(rider.mobile), linked: true, masked: true },
      { userId: other.id, loginPhoneMasked: maskMobile(other.phone), linked: false, masked: true },
    ])
    expect(Date.parse(before[1]!.profileCreatedAt) - Date.parse(before[0]!.profileCreatedAt)).toBeGreaterThanOrEqual(60_000)

    // Staff verify the second account: the next search says it is linked too.
    expect((await app.api.post(`/api/v1/members/${other.id}/identity-verifications`, {}, { token: users.staff.token })).status).toBe(201)
    expect((await search()).map((m) => [m.userId, m.linked])).toEqual([[real.id, true], [other.id, true]])

    // A number nobody was enrolled with: the account holding it is linked to nobody.
    const alone = await loginAs(app)
    const idNumber = freshIdNumber()
    await fillProfile(app, alone, profileOf({ idNumber }, alone.phone, '钱多'))
    const found = await app.api.post('/api/v1/members/search', { idNumber }, { token: users.staff.token })
    expect(found.body.members).toEqual([expect.objectContaining({ userId: alone.id, linked: false, loginPhoneMasked: maskMobile(alone.phone) })])
  })

  test('changing the profile to another ID number drops the link to the first person', async () => {
    const rider = await rosteredRider('周杰')
    const real = await loginAs(app, { phone: rider.mobile })
    await fillProfile(app, real, profileOf(rider, rider.mobile, '周杰'))
    expect((await app.api.get('/api/v1/me/enrolments', { token: real.token })).body.enrolments).toHaveLength(1)
    expect((await app.api.put('/api/v1/me/profile', profileOf({ idNumber: freshIdNumber() }, rider.mobile, '周杰'), { token: real.token })).status).toBe(200)
    expect((await app.api.get('/api/v1/me/enrolments', { token: real.token })).body.enrolments).toEqual([])
    expect((await app.api.get(`/api/v1/enrolments/${rider.enrolmentId}/certificate`, { token: real.token })).status).toBe(404)
  })
})

async function enrolmentPerson(enrolmentId: string): Promise<string> {
  return (await app.db.selectFrom('enrolments').select('insured_person_id').where('id', '=', enrolmentId).executeTakeFirstOrThrow()).insured_person_id
}
