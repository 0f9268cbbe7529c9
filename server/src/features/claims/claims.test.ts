import { addWorkingDays, builtInCalendar, type Claim } from '@huzhu/shared'
import {
  claimant, createTestEnrolment, grantRoles, inpatientClaim, loginAs, makePng, newIdempotencyKey, postClaim, startAppWithEveryRole, submitTestClaim, uploadPhoto, type EveryRole, type TestApp, type TestUser,
} from '../../../test/helpers'

let app: TestApp
let roles: EveryRole
beforeAll(async () => ({ app, users: roles } = await startAppWithEveryRole()))
afterAll(() => app.close())

const claimsOf = (userId: string) => app.db.selectFrom('claims').selectAll().where('member_user_id', '=', userId).execute()
const tableCounts = async () => Object.fromEntries(await Promise.all(
  (['claims', 'claim_documents', 'claim_invoices', 'claim_history', 'idempotency_keys', 'notifications'] as const).map(async (t) => {
    const row = await app.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    return [t, Number(row.n)] as const
  }),
))

describe('POST /api/v1/claims', () => {
  test('submits with the engine’s payout line by line, due 10 working days after the material, history and a message', async () => {
    const member = await claimant(app)
    const uploadId = await uploadPhoto(app, member)
    const res = await postClaim(app, member, inpatientClaim(member.enrolmentId, [uploadId], { invoiceNumbers: ['inv-0001'] }))
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^clm_/), enrolmentId: member.enrolmentId, catalogueId: 'shanghai-2020', kind: 'inpatient', status: 'submitted',
      personName: '测试会员', products: [{ code: 'A0', name: expect.any(String), shares: 1 }, expect.anything(), expect.anything()],
      invoiceNumbers: ['INV-0001'], documents: [{ uploadId, kind: 'invoice', mediaType: 'image/png', size: expect.any(Number) }],
      estimate: { totalFen: 620_000 }, decision: null, payment: null, flags: [], overdue: false,
      history: [{ at: expect.any(String), status: 'submitted', actorRole: 'member', note: null }],
    })
    for (const line of res.body.estimate.lines) expect(line.reason).toMatch(/[\u4e00-\u9fff]/)
    // The clock reads 2026-11-24 (a Tuesday) in China; 10 working days later, on the shipped calendar:
    expect(res.body.dueOn).toBe(addWorkingDays(builtInCalendar(), '2026-11-24', 10))
    expect(res.body.dueOn).toBe('2026-12-08')
    const notes = await app.db.selectFrom('notifications').selectAll().where('user_id', '=', member.id).execute()
    expect(notes).toEqual([expect.objectContaining({ kind: 'claim_submitted', subject_type: 'claim', subject_id: res.body.id, body: expect.stringContaining('2026-12-08') })])
    expect(app.logs()).not.toContain('急性阑尾炎')
    // The claimant's age on the event date is kept with the claim (the public page bands it): born 1990-01-01, in hospital 2020-06-01.
    const [stored] = await claimsOf(member.id)
    expect(stored).toMatchObject({ event_date: '2020-06-01', age_at_event: 30 })
  })

  test('the answer to a submission is the claim as a read of it shows it: material in the claim’s order, invoices, history; for a claimant who reviews, flags and the medical record', async () => {
    for (const reviews of [false, true]) {
      const member = await claimant(app)
      if (reviews) await grantRoles(app, member.id, ['reviewer'])
      const first = await uploadPhoto(app, member)
      const second = await uploadPhoto(app, member)
      const res = await postClaim(app, member, inpatientClaim(member.enrolmentId, [second, first], { invoiceNumbers: ['inv-answer-9', 'inv-answer-1'] }))
      expect(res.status).toBe(201)
      const read = await app.api.get(`/api/v1/claims/${res.body.id}`, { token: member.token })
      expect(read.status).toBe(200)
      expect(res.body).toEqual(read.body)
      expect(res.body.documents.map((d: { uploadId: string }) => d.uploadId)).toEqual([first, second].sort())
      // The second claim has the first one's invoice numbers.
      if (reviews) expect(res.body).toMatchObject({ flags: expect.arrayContaining([expect.objectContaining({ code: 'duplicate_invoice' })]), medicalRecord: null })
      else expect(res.body).not.toHaveProperty('medicalRecord')
    }
  })

  test('a retry with the same Idempotency-Key makes one claim (also when both arrive at once); another body with it is a 422', async () => {
    const member = await claimant(app)
    const body = inpatientClaim(member.enrolmentId, [await uploadPhoto(app, member)])
    const key = newIdempotencyKey()
    const first = await postClaim(app, member, body, key)
    const retry = await postClaim(app, member, body, key)
    expect([first.status, retry.status]).toEqual([201, 200])
    expect(retry.body.id).toBe(first.body.id)
    const reused = await postClaim(app, member, { ...body, diagnosis: '另一种病' }, key)
    expect(reused.status).toBe(422)
    expect(reused.body.error.code).toBe('idempotency_key_reused')

    const together = inpatientClaim(member.enrolmentId, [await uploadPhoto(app, member)])
    const key2 = newIdempotencyKey()
    const both = await Promise.all([postClaim(app, member, together, key2), postClaim(app, member, together, key2)])
    expect(both.map((r) => r.status).sort()).toEqual([200, 201])
    expect(both[0].body.id).toBe(both[1].body.id)
    expect(await claimsOf(member.id)).toHaveLength(2)
    // Keys are per user: another member's same key is theirs.
    const other = await claimant(app)
    const theirs = await postClaim(app, other, inpatientClaim(other.enrolmentId, [await uploadPhoto(app, other)]), key)
    expect(theirs.status).toBe(201)
  })

  test('bad input is refused and changes nothing', async () => {
    const member = await claimant(app)
    const other = await claimant(app)
    const uploadId = await uploadPhoto(app, member)
    const used = await submitTestClaim(app, member)
    const before = await tableCounts()
    const expectRefused = async (res: Awaited<ReturnType<typeof postClaim>>, status: number, code: string) => {
      expect([res.status, res.body.error.code]).toEqual([status, code])
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/)
    }
    await expectRefused(await postClaim(app, member, inpatientClaim(member.enrolmentId, [uploadId]), null), 400, 'idempotency_key_required')
    await expectRefused(await postClaim(app, member, inpatientClaim(member.enrolmentId, [])), 400, 'validation_failed')
    await expectRefused(await postClaim(app, member, inpatientClaim(member.enrolmentId, [uploadId], { eventDate: '2020-02-30' })), 400, 'validation_failed')
    await expectRefused(await postClaim(app, member, inpatientClaim(member.enrolmentId, [uploadId], { figures: { pooledOutOfPocketFen: -1 } })), 400, 'validation_failed')
    await expectRefused(await postClaim(app, member, inpatientClaim(member.enrolmentId, [uploadId], { eventDate: '2026-11-25' })), 422, 'event_date_in_future')
    await expectRefused(await postClaim(app, member, inpatientClaim(other.enrolmentId, [uploadId])), 422, 'enrolment_not_claimable')
    const pending = await createTestEnrolment(app, member, { status: 'pending_payment' })
    await expectRefused(await postClaim(app, member, inpatientClaim(pending.enrolmentId, [uploadId])), 422, 'enrolment_not_claimable')
    const theirUpload = await uploadPhoto(app, other)
    await expectRefused(await postClaim(app, member, inpatientClaim(member.enrolmentId, [theirUpload])), 422, 'upload_not_found')
    await expectRefused(await postClaim(app, member, inpatientClaim(member.enrolmentId, [used.documents[0]!.uploadId])), 422, 'upload_in_use')
    await expectRefused(await postClaim(app, member, inpatientClaim(member.enrolmentId, [uploadId, uploadId])), 422, 'upload_in_use')
    const noConsent = await loginAs(app)
    await expectRefused(await postClaim(app, noConsent, inpatientClaim(member.enrolmentId, [uploadId])), 403, 'consent_required')
    expect(await tableCounts()).toEqual(before)
  })

  test('flags for reviewers: the same photo or invoice on another claim, waiting period, outside cover, overlapping cover', async () => {
    const member = await claimant(app, { enrolment: { mode: 'instant', acceptedOn: '2020-10-14', products: ['A0', 'C0'] } })
    const photo = makePng(6, 6, 777_001)
    const first = await submitTestClaim(app, member, { eventDate: '2020-12-01', invoiceNumbers: ['FP-123456'] })
    const dupPhoto = await uploadPhoto(app, member, photo)
    const a = await postClaim(app, member, inpatientClaim(member.enrolmentId, [dupPhoto], { eventDate: '2020-12-02' }))
    const again = await uploadPhoto(app, member, photo) // the same bytes, a new upload
    const b = await postClaim(app, member, inpatientClaim(member.enrolmentId, [again], { eventDate: '2020-11-01', invoiceNumbers: ['fp-123456'] }))
    expect(b.body.flags).toEqual([]) // the member never sees flags
    const codes = async (id: string) => (await app.api.get(`/api/v1/claims/${id}`, { token: roles.reviewer.token })).body.flags
    expect(await codes(first.id)).toEqual([])
    expect(await codes(a.body.id)).toEqual([])
    expect(await codes(b.body.id)).toEqual([
      { code: 'duplicate_photo', message: expect.any(String), otherClaimId: a.body.id },
      { code: 'duplicate_invoice', message: expect.any(String), otherClaimId: first.id },
      { code: 'waiting_period', message: expect.any(String), otherClaimId: null },
    ])
    const outside = await submitTestClaim(app, member, { eventDate: '2021-05-01' })
    expect(await codes(outside.id)).toEqual([expect.objectContaining({ code: 'outside_cover' })])
    expect(outside.estimate.totalFen).toBe(0)
    expect(outside.estimate.lines[0]!.refusal).toEqual({ code: 'no_cover', number: 1 })

    await createTestEnrolment(app, member, { products: ['A0', 'B0', 'C0'] }) // a second unit enrols the same person
    const overlap = await submitTestClaim(app, member, { eventDate: '2020-12-20' })
    expect(await codes(overlap.id)).toEqual([expect.objectContaining({ code: 'overlapping_cover' })])
    expect(overlap.estimate.totalFen).toBe(620_000) // a basic product pays one share
    expect(overlap.estimate.lines).toEqual(expect.arrayContaining([expect.objectContaining({ refusal: { code: 'overlap_one_share', number: 9 } })]))
  })
})

describe('reading claims', () => {
  let owner: Awaited<ReturnType<typeof claimant>>
  let claim: Claim
  beforeAll(async () => {
    owner = await claimant(app, { profile: { name: '王小明' } })
    claim = await submitTestClaim(app, owner)
  })

  test('the owner, reviewers (name in full), staff and admins (name masked) read it; their reads are audited', async () => {
    const read = (user: TestUser) => app.api.get(`/api/v1/claims/${claim.id}`, { token: user.token })
    expect((await read(owner)).body).toMatchObject({ id: claim.id, personName: '王小明', diagnosis: '急性阑尾炎' })
    expect((await read(roles.reviewer)).body.personName).toBe('王小明')
    expect((await read(roles.staff)).body.personName).toBe('王**')
    expect((await read(roles.admin)).status).toBe(200)
    const audits = await app.db.selectFrom('audit_log').selectAll().where('subject_user_id', '=', owner.id).where('resource', '=', 'claim').execute()
    expect(audits.map((a) => a.actor_user_id)).toEqual([roles.reviewer.id, roles.staff.id, roles.admin.id])
    // Material becomes readable to reviewers once it is on a claim, and that read is audited too.
    const content = await app.api.get(`/api/v1/uploads/${claim.documents[0]!.uploadId}/content`, { token: roles.reviewer.token })
    expect(content.status).toBe(200)
    expect(await app.db.selectFrom('audit_log').select('id').where('resource', '=', 'claim_document').where('actor_user_id', '=', roles.reviewer.id).execute()).toHaveLength(1)
  })

  test('another member and a unit admin get 404 for the claim and its material; a bad id is 400', async () => {
    for (const user of [roles.member, roles.unit_admin]) {
      const res = await app.api.get(`/api/v1/claims/${claim.id}`, { token: user.token })
      expect(res.status).toBe(404)
      expect(res.text).not.toContain('阑尾炎')
      expect((await app.api.get(`/api/v1/uploads/${claim.documents[0]!.uploadId}/content`, { token: user.token })).status).toBe(404)
    }
    expect((await app.api.get('/api/v1/claims/clm_nope', { token: owner.token })).status).toBe(400)
  })

  test('GET /api/v1/me/claims: only mine, newest first, paged', async () => {
    const second = await submitTestClaim(app, owner)
    const third = await submitTestClaim(app, owner)
    const page1 = await app.api.get('/api/v1/me/claims?limit=2', { token: owner.token })
    expect(page1.body.claims.map((c: { id: string }) => c.id)).toEqual([third.id, second.id])
    expect(page1.body.claims[0]).toMatchObject({ estimateFen: 620_000, approvedFen: null, personName: '王小明', flags: [] })
    const page2 = await app.api.get(`/api/v1/me/claims?limit=2&cursor=${page1.body.nextCursor}`, { token: owner.token })
    expect(page2.body).toEqual({ claims: [expect.objectContaining({ id: claim.id })], nextCursor: null })
    expect((await app.api.get('/api/v1/me/claims', { token: roles.member.token })).body.claims).toEqual([])
    expect((await app.api.get('/api/v1/me/claims?limit=500', { token: owner.token })).status).toBe(400)
  })
})

describe('POST /api/v1/claims/:claimId/withdraw', () => {
  test('the owner withdraws an open claim once; another member cannot (404, unchanged); a decided one is 409', async () => {
    const member = await claimant(app)
    const claim = await submitTestClaim(app, member)
    const snoop = await app.api.post(`/api/v1/claims/${claim.id}/withdraw`, {}, { token: roles.member.token })
    expect(snoop.status).toBe(404)
    expect((await claimsOf(member.id))[0]?.status).toBe('submitted')
    const res = await app.api.post(`/api/v1/claims/${claim.id}/withdraw`, { note: '已由单位报销' }, { token: member.token })
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('withdrawn')
    expect(res.body.history.map((h: { status: string }) => h.status)).toEqual(['submitted', 'withdrawn'])
    expect(res.body.history[1]).toMatchObject({ actorRole: 'member', note: '已由单位报销' })
    const again = await app.api.post(`/api/v1/claims/${claim.id}/withdraw`, {}, { token: member.token })
    expect([again.status, again.body.error.code]).toEqual([409, 'claim_not_withdrawable'])
    expect((await app.api.post(`/api/v1/claims/${claim.id}/withdraw`, { note: 5 }, { token: member.token })).status).toBe(400)
    const kinds = (await app.db.selectFrom('notifications').select('kind').where('user_id', '=', member.id).orderBy('id').execute()).map((n) => n.kind)
    expect(kinds).toEqual(['claim_submitted', 'claim_withdrawn'])
  })
})
