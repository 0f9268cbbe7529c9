import { builtInCatalogueData, loadCatalogueOrThrow, quote, toSelection, type Enrolment } from '@huzhu/shared'
import {
  createTestEnrolment, fillProfile, loginAs, setChinaDate, startTestApp, type TestApp, type TestEnrolmentOptions, type TestUser,
} from '../../../test/helpers'
import { insertRenewal } from './renewals.repository'

/**
 * Renewal (续保, DOMAIN.md "Renewal"): a member renews their own cover in one
 * tap from 30 days before it ends; the new cover is pending until paid and then
 * starts the day after the old one ends, the held categories without new waiting.
 */

// Two plan years of a Shanghai-style plan, the first naming the second as its successor.
const shanghaiData = builtInCatalogueData[0] as Record<string, unknown>
const year2026 = { ...shanghaiData, id: 'sh-2026', term: { kind: 'plan_year', start: '2026-04-01', end: '2027-03-31' }, proration: [{ startFrom: '2026-10-01', rateBp: 5000, label: '半年' }], successor: 'sh-2027' }
const year2027 = { ...shanghaiData, id: 'sh-2027', term: { kind: 'plan_year', start: '2027-04-01', end: '2028-03-31' }, proration: [{ startFrom: '2027-10-01', rateBp: 5000, label: '半年' }] }

let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ catalogueFiles: { 'sh-2026.json': year2026, 'sh-2027.json': year2027 } })
})
afterAll(() => app.close())

/** A signed-in member with a profile and an active cover (the engine's dates for `options`), on the China date `today`. */
async function memberWithCover(today: string, options: TestEnrolmentOptions): Promise<TestUser & { enrolmentId: string; personId: string }> {
  setChinaDate(app, today)
  const user = await loginAs(app)
  await fillProfile(app, user)
  const { enrolmentId, insuredPersonId } = await createTestEnrolment(app, user, options)
  return { ...user, enrolmentId, personId: insuredPersonId }
}

/** Shaanxi ZY, instant, accepted 2026-01-10: cover 2026-01-11 to 2027-01-10, hospital after 30 days. */
const shaanxiCover: TestEnrolmentOptions = { catalogueId: 'shaanxi-gig-2023', products: ['ZY'], mode: 'instant', acceptedOn: '2026-01-10' }

const renew = (user: TestUser, enrolmentId: string, body?: unknown) =>
  app.api.post(`/api/v1/enrolments/${enrolmentId}/renewals`, body, { token: user.token })
const myEnrolment = async (user: TestUser, id: string): Promise<Enrolment> => {
  const res = await app.api.get('/api/v1/me/enrolments', { token: user.token })
  return (res.body.enrolments as Enrolment[]).find((e) => e.id === id)!
}
const renewalsOf = (enrolmentId: string) => app.db.selectFrom('enrolments').selectAll().where('renews_enrolment_id', '=', enrolmentId).execute()
async function payByTransfer(enrolmentIds: string[], catalogueId: string, amountFen: number, reference: string) {
  const staff = await loginAs(app, { roles: ['staff'] })
  const res = await app.api.post('/api/v1/payments', { catalogueId, reference, amountFen, enrolmentIds }, { token: staff.token })
  expect(res.status).toBe(201)
}

describe('renewing my cover', () => {
  test('before the window opens: 409 naming the day it opens; nothing is written', async () => {
    const member = await memberWithCover('2026-12-10', shaanxiCover)
    expect((await myEnrolment(member, member.enrolmentId)).renewal).toBeNull()
    const res = await renew(member, member.enrolmentId)
    expect([res.status, res.body.error.code, res.body.error.message]).toEqual([409, 'renewal_too_early', '续保从 2026-12-11 起办理（保障到期前 30 天起）'])
    expect(await renewalsOf(member.enrolmentId)).toEqual([])
  })

  test('in the window: one tap, a pending renewal from the day after the old cover ends at the engine’s price; again: the same one', async () => {
    const member = await memberWithCover('2026-12-20', shaanxiCover)
    expect((await myEnrolment(member, member.enrolmentId)).renewal).toEqual({
      opensOn: '2026-12-11', closesOn: '2027-01-10', renewalId: null, unavailable: null,
      offer: {
        catalogueId: 'shaanxi-gig-2023', catalogueName: expect.stringContaining('陕西'), start: '2027-01-11', end: '2028-01-10', premiumFen: 10000,
        coverFrom: { hospital: '2027-01-11', accident: '2027-01-11' },
      },
    })
    const res = await renew(member, member.enrolmentId, { expectedPremiumFen: 10000 })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      status: 'pending_payment', coverState: 'pending_payment', catalogueId: 'shaanxi-gig-2023', start: '2027-01-11', end: '2028-01-10',
      coverFrom: { hospital: '2027-01-11', accident: '2027-01-11' }, premiumFen: 10000, fundingSource: 'member', renewsEnrolmentId: member.enrolmentId,
      paymentCode: expect.stringMatching(/^HZ/), renewal: null,
    })
    // No body at all (one tap) is the same request; it answers the renewal already made.
    const again = await renew(member, member.enrolmentId)
    expect([again.status, again.body.id]).toEqual([200, res.body.id])
    expect(await renewalsOf(member.enrolmentId)).toHaveLength(1)
    expect((await myEnrolment(member, member.enrolmentId)).renewal?.renewalId).toBe(res.body.id)
    const created = await app.db.selectFrom('notifications').select('kind').where('subject_id', '=', res.body.id).execute()
    expect(created).toEqual([{ kind: 'enrolment_created' }])
  })

  test('two taps at once make one renewal', async () => {
    const member = await memberWithCover('2026-12-20', shaanxiCover)
    const both = await Promise.all([renew(member, member.enrolmentId), renew(member, member.enrolmentId)])
    expect(both.map((r) => r.status).sort()).toEqual([200, 201])
    expect(both[0]!.body.id).toBe(both[1]!.body.id)
    expect(await renewalsOf(member.enrolmentId)).toHaveLength(1)
  })

  test('the database holds one live renewal per cover; an expired one leaves room for another', async () => {
    const member = await memberWithCover('2026-12-20', shaanxiCover)
    const first = await renew(member, member.enrolmentId)
    const row = await app.db.selectFrom('enrolments').selectAll().where('id', '=', first.body.id).executeTakeFirstOrThrow()
    await expect(app.db.insertInto('enrolments').values({ ...row, id: `${row.id}x` }).execute()).rejects.toThrow(/UNIQUE|unique/)
    await app.db.updateTable('enrolments').set({ status: 'cancelled', cancel_reason: 'expired' }).where('id', '=', row.id).execute()
    const second = await renew(member, member.enrolmentId)
    expect(second.status).toBe(201)
    expect(second.body.id).not.toBe(row.id)
  })

  test('a second write of a renewal of the same cover is dropped by the unique index (two requests racing past the read)', async () => {
    const member = await memberWithCover('2026-12-20', shaanxiCover)
    const first = await renew(member, member.enrolmentId)
    const row = await app.db.selectFrom('enrolments').selectAll().where('id', '=', first.body.id).executeTakeFirstOrThrow()
    expect(await insertRenewal(app.db, { ...row, id: `${row.id}y` }, app.deps.catalogues)).toBe(false)
    expect(await renewalsOf(member.enrolmentId)).toHaveLength(1)
  })

  test('paid before the old cover ends: active, starting the day after it ends, no new waiting', async () => {
    const member = await memberWithCover('2026-12-20', shaanxiCover)
    const renewal = (await renew(member, member.enrolmentId)).body
    setChinaDate(app, '2026-12-28')
    await payByTransfer([renewal.id], 'shaanxi-gig-2023', 10000, 'RENEW-0001')
    const seen = await myEnrolment(member, renewal.id)
    expect(seen).toMatchObject({ status: 'active', coverState: 'not_started', start: '2027-01-11', end: '2028-01-10', coverFrom: { hospital: '2027-01-11', accident: '2027-01-11' } })
    // The day after the old cover ends, the new one covers at once.
    setChinaDate(app, '2027-01-11')
    const staff = await loginAs(app, { roles: ['staff'] })
    expect((await app.api.get(`/api/v1/enrolments/${renewal.id}`, { token: staff.token })).body.coverState).toBe('covered')
  })

  test('paid after the old cover ended: a gap, so it starts the day after the payment with new waiting periods', async () => {
    const member = await memberWithCover('2027-01-08', shaanxiCover)
    const renewal = (await renew(member, member.enrolmentId)).body
    expect(renewal.start).toBe('2027-01-11')
    setChinaDate(app, '2027-01-12')
    await payByTransfer([renewal.id], 'shaanxi-gig-2023', 10000, 'RENEW-0002')
    expect(await app.db.selectFrom('enrolments').select(['status', 'start_on', 'end_on', 'cover_from']).where('id', '=', renewal.id).executeTakeFirstOrThrow()).toEqual({
      status: 'active', start_on: '2027-01-13', end_on: '2028-01-12', cover_from: JSON.stringify({ hospital: '2027-02-12', accident: '2027-01-13' }),
    })
  })

  test('after the cover ended, or on a cover not active: 409; nothing is written', async () => {
    const ended = await memberWithCover('2027-01-11', shaanxiCover)
    const late = await renew(ended, ended.enrolmentId)
    expect([late.status, late.body.error.code, late.body.error.message]).toEqual([409, 'renewal_window_closed', '这份保障已于 2027-01-10 到期，不能再续保，请重新参保'])
    const pending = await memberWithCover('2026-12-20', { ...shaanxiCover, status: 'pending_payment' })
    expect((await renew(pending, pending.enrolmentId)).body.error.code).toBe('renewal_not_active')
    expect([...(await renewalsOf(ended.enrolmentId)), ...(await renewalsOf(pending.enrolmentId))]).toEqual([])
  })

  test('someone else’s cover, or one that does not exist: 404; staff cannot renew for the member either', async () => {
    const member = await memberWithCover('2026-12-20', shaanxiCover)
    const other = await loginAs(app)
    await fillProfile(app, other)
    const staff = await loginAs(app, { roles: ['staff'] })
    for (const user of [other, staff]) {
      const res = await renew(user, member.enrolmentId)
      expect([res.status, res.body.error.code]).toEqual([404, 'enrolment_not_found'])
    }
    expect((await renew(member, 'enr_01JZZZZZZZZZZZZZZZZZZZZZZZ')).status).toBe(404)
    expect((await app.api.post(`/api/v1/enrolments/${member.enrolmentId}/renewals`, {})).status).toBe(401)
    expect(await renewalsOf(member.enrolmentId)).toEqual([])
  })

  test('a real overlap is still refused: other cover already held over the new period', async () => {
    const member = await memberWithCover('2026-12-20', shaanxiCover)
    // A pending enrolment of the same person starting 2027-01-16: it overlaps the renewal's year.
    await createTestEnrolment(app, member, { ...shaanxiCover, acceptedOn: '2027-01-15', status: 'pending_payment' })
    const res = await renew(member, member.enrolmentId)
    expect([res.status, res.body.error.code]).toEqual([409, 'enrolment_overlap'])
    expect(await renewalsOf(member.enrolmentId)).toEqual([])
    // And enrolling anew while covered is refused as before: it would start tomorrow, inside the held cover.
    const anew = await app.api.post('/api/v1/me/enrolments', { catalogueId: 'shaanxi-gig-2023', products: ['ZY'] }, { token: member.token })
    expect([anew.status, anew.body.error.code]).toEqual([409, 'enrolment_overlap'])
  })

  test('the price the app showed changed: 409 quote_changed', async () => {
    const member = await memberWithCover('2026-12-20', shaanxiCover)
    const res = await renew(member, member.enrolmentId, { expectedPremiumFen: 9000 })
    expect([res.status, res.body.error.code]).toEqual([409, 'quote_changed'])
  })
})

describe('renewing into the successor catalogue (next year’s plan)', () => {
  const sh2026 = loadCatalogueOrThrow(year2026)
  /** A member holding sh-2026 A0 + C0, collective (2026-04-01 to 2027-03-31, no waiting). */
  async function shanghaiMember(today: string) {
    const member = await memberWithCover(today, { catalogueId: 'shanghai-2020', products: ['A0', 'C0'] })
    const q = quote(sh2026, { selection: toSelection(['A0', 'C0']), mode: 'collective', acceptedOn: '2026-03-20' })
    if (!q.ok) throw new Error('quote')
    await app.db.updateTable('enrolments').set({
      catalogue_id: 'sh-2026', accepted_on: q.value.acceptedOn, start_on: q.value.start, end_on: q.value.end, cover_from: JSON.stringify(q.value.coverFrom), premium_fen: q.value.premiumFen,
    }).where('id', '=', member.enrolmentId).execute()
    return member
  }

  test('renews into the named successor from its first day, and keeps that start when paid before it (an instant enrolment could not)', async () => {
    const member = await shanghaiMember('2027-03-20')
    const offer = (await myEnrolment(member, member.enrolmentId)).renewal
    expect(offer?.offer).toMatchObject({ catalogueId: 'sh-2027', start: '2027-04-01', end: '2028-03-31', premiumFen: 13500 })
    const res = await renew(member, member.enrolmentId)
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ catalogueId: 'sh-2027', start: '2027-04-01', end: '2028-03-31', premiumFen: 13500, coverFrom: { hospital: '2027-04-01', accident: '2027-04-01' } })
    setChinaDate(app, '2027-03-25')
    await payByTransfer([res.body.id], 'sh-2027', 13500, 'RENEW-SH-1')
    expect(await app.db.selectFrom('enrolments').select(['status', 'start_on', 'end_on']).where('id', '=', res.body.id).executeTakeFirstOrThrow())
      .toEqual({ status: 'active', start_on: '2027-04-01', end_on: '2028-03-31' })
  })

  test('a plan year with no successor cannot be renewed: 422 with the reason', async () => {
    const member = await memberWithCover('2028-03-10', { catalogueId: 'shanghai-2020', products: ['A0'] })
    await app.db.updateTable('enrolments').set({ catalogue_id: 'sh-2027', start_on: '2027-04-01', end_on: '2028-03-31', cover_from: JSON.stringify({ hospital: '2027-04-01' }) })
      .where('id', '=', member.enrolmentId).execute()
    expect((await myEnrolment(member, member.enrolmentId)).renewal).toMatchObject({ offer: null, unavailable: '还没有 2028-04-01 起的保障计划，暂不能续保，请联系工会办事处' })
    const res = await renew(member, member.enrolmentId)
    expect([res.status, res.body.error.code, res.body.error.message]).toEqual([422, 'renewal_unavailable', '暂不能续保：还没有 2028-04-01 起的保障计划，暂不能续保，请联系工会办事处'])
  })
})
