import {
  claimant, fillProfile, freshIdNumber, grantRoles, importRecords, loginAs, matchingRecordRow, recordsXlsx, startTestApp, submitTestClaim,
  type Claimant, type TestApp, type TestUser,
} from '../../../test/helpers'

/**
 * DOMAIN.md, "Identity": nobody acts on a claim on their own cover, as insured
 * person (by ID number), whatever account they use: not review, not
 * straight-through approval by a record they imported, not payment; and a
 * claim of someone who handles claims never goes straight through.
 */
let app: TestApp
let reviewer: TestUser
let payer: TestUser
beforeAll(async () => {
  app = await startTestApp()
  reviewer = await loginAs(app, { roles: ['reviewer'] })
  payer = await loginAs(app, { roles: ['staff'] })
})
afterAll(() => app.close())

const decide = (user: TestUser, claimId: string, body: unknown = { decision: 'approve' }) =>
  app.api.post(`/api/v1/claims/${claimId}/decisions`, body, { token: user.token })
const pay = (user: TestUser, claimId: string) => app.api.post('/api/v1/claim-payments', { claimIds: [claimId] }, { token: user.token })
const claimRow = (id: string) => app.db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const historyOf = async (id: string) => (await app.db.selectFrom('claim_history').selectAll().where('claim_id', '=', id).orderBy('id').execute())
  .map((h) => [h.status, h.actor_role])

/** A member whose claims someone with a staff account files: the same ID number on both accounts. */
async function staffMemberWithSecondAccount(roles: ('reviewer' | 'staff')[]): Promise<{ staff: TestUser; member: Claimant }> {
  const idNumber = freshIdNumber()
  const staff = await loginAs(app)
  await fillProfile(app, staff, { idNumber, name: '孙审核' })
  await grantRoles(app, staff.id, roles)
  const member = await claimant(app, { profile: { idNumber, name: '孙审核' } })
  return { staff: { ...staff, roles: ['member', ...roles] }, member }
}

describe('nobody decides or pays a claim on their own cover', () => {
  test('a reviewer cannot take or decide a claim on their own cover filed through a second account; another reviewer can', async () => {
    const { staff: self, member } = await staffMemberWithSecondAccount(['reviewer'])
    const claim = await submitTestClaim(app, member)
    const before = await claimRow(claim.id)
    const take = await app.api.post(`/api/v1/claims/${claim.id}/review`, {}, { token: self.token })
    expect([take.status, take.body.error.code]).toEqual([403, 'claim_own_not_reviewable'])
    for (const body of [{ decision: 'approve' }, { decision: 'reject', refusal: 'other', note: '自己的' }, { decision: 'request_material', missing: ['invoice'], note: '补' }]) {
      const res = await decide(self, claim.id, body)
      expect([res.status, res.body.error.code]).toEqual([403, 'claim_own_not_reviewable'])
    }
    expect(await claimRow(claim.id)).toEqual(before)
    expect((await decide(reviewer, claim.id)).status).toBe(200)
  })

  test('a staff member cannot pay a claim on their own cover (all or nothing: the batch pays nobody)', async () => {
    const { staff: self, member } = await staffMemberWithSecondAccount(['staff'])
    const own = await submitTestClaim(app, member)
    const other = await submitTestClaim(app, await claimant(app))
    expect((await decide(reviewer, own.id)).status).toBe(200)
    expect((await decide(reviewer, other.id)).status).toBe(200)
    const res = await app.api.post('/api/v1/claim-payments', { claimIds: [other.id, own.id] }, { token: self.token })
    expect([res.status, res.body.error.code, res.body.error.details]).toEqual([403, 'claim_own_not_payable', [{ claimId: own.id }]])
    expect((await claimRow(own.id)).status).toBe('approved')
    expect((await claimRow(other.id)).status).toBe('approved')
    expect((await pay(payer, own.id)).status).toBe(201)
  })

  test('someone who handles claims without a real-name profile of their own is sent to fill it in first', async () => {
    const anonymous = await loginAs(app, { roles: ['reviewer', 'staff'], profile: false })
    const claim = await submitTestClaim(app, await claimant(app))
    const res = await decide(anonymous, claim.id)
    expect([res.status, res.body.error.code]).toEqual([403, 'claim_handler_profile_required'])
    expect(res.body.error.message).toMatch(/实名信息/)
    expect((await decide(reviewer, claim.id)).status).toBe(200)
    expect((await pay(anonymous, claim.id)).body.error.code).toBe('claim_handler_profile_required')
    const importing = await importRecords(app, anonymous, await recordsXlsx([matchingRecordRow(freshIdNumber())]))
    expect([importing.status, importing.body.error.code]).toEqual([403, 'claim_handler_profile_required'])
  })
})

describe('straight-through approval never approves a claim of someone who handles claims', () => {
  test('a staff member who is also a member imports the record matching their own claim: it waits for a reviewer; a rider’s matched claim in the same file goes through', async () => {
    const self = await claimant(app, { profile: { idNumber: freshIdNumber(), name: '钱办事' } })
    await grantRoles(app, self.id, ['staff'])
    const rider = await claimant(app)
    const own = await submitTestClaim(app, self)
    const riders = await submitTestClaim(app, rider)
    const idOf = async (user: TestUser) => (await app.api.get('/api/v1/me/profile', { token: user.token })).body.idNumber as string
    const res = await importRecords(app, self, await recordsXlsx([matchingRecordRow(await idOf(self)), matchingRecordRow(await idOf(rider))]))
    expect([res.status, res.body.importedCount]).toEqual([201, 2])
    expect((await claimRow(own.id)).status).toBe('submitted')
    expect(await historyOf(own.id)).toEqual([['submitted', 'member']])
    expect((await claimRow(riders.id)).status).toBe('approved')
    expect(await historyOf(riders.id)).toEqual([['submitted', 'member'], ['approved', 'system']])
    // Nor does paying it afterwards work.
    expect((await decide(reviewer, own.id)).status).toBe(200)
    expect((await pay(self, own.id)).body.error.code).toBe('claim_own_not_payable')
  })

  test('a reviewer’s claim filed through another account, matched by a record another staff member imported, waits for a reviewer', async () => {
    const { member } = await staffMemberWithSecondAccount(['reviewer'])
    const claim = await submitTestClaim(app, member)
    const idNumber = (await app.api.get('/api/v1/me/profile', { token: member.token })).body.idNumber as string
    expect((await importRecords(app, payer, await recordsXlsx([matchingRecordRow(idNumber)]))).status).toBe(201)
    expect((await claimRow(claim.id)).status).toBe('submitted')
    const match = await app.db.selectFrom('claim_medical_matches').select('result').where('claim_id', '=', claim.id).executeTakeFirstOrThrow()
    expect(match.result).toBe('verified')
  })
})
