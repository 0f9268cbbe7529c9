/**
 * Many writers at once. On SQLite every write transaction runs alone (one writer, BEGIN IMMEDIATE); on
 * PostgreSQL (the server-pg project) they run side by side on a pool, so each check-then-write below rests on
 * a unique constraint, an atomic upsert or a row lock (`db/dialect.ts`, `forUpdate`). Each test sends the same
 * write many times at once over HTTP and checks that exactly what one at a time would give is what happens.
 */
import { MAX_PAYEE_ACCOUNTS } from '@huzhu/shared'
import {
  addTestPayeeAccount, approvedClaim, claimant, fillProfile, FIXED_CODE, freshCardNumber, freshIdNumber, inpatientClaim, loginAs, makeBatch, newIdempotencyKey, nextPhone, postClaim,
  setChinaDate, startAppWithEveryRole, submitTestClaim, testDatabaseKind, uploadPhoto, type EveryRole, type TestApp,
} from './helpers'
import { forUpdate } from '../src/db/dialect'
import { hashIdNumber } from '../src/crypto/personal-data'
import { runDueDeletions } from '../src/features/data-requests/data-deletion.service'
import type { MedicalRecordLine } from '../src/features/medical-records/medical-records-file'
import { importMedicalRecords } from '../src/features/medical-records/medical-records.service'

let app: TestApp
let users: EveryRole
beforeAll(async () => ({ app, users } = await startAppWithEveryRole()))
afterAll(() => app.close())

const N = 12
const times = <T>(n: number, make: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => make(i)))
const statuses = (responses: readonly { status: number }[]) => responses.map((r) => r.status).sort((a, b) => a - b)
const zy = { catalogueId: 'shaanxi-gig-2023', products: ['ZY'] }

test('one Idempotency-Key sent many times at once makes one claim; every answer names it', async () => {
  const member = await claimant(app)
  const body = inpatientClaim(member.enrolmentId, [await uploadPhoto(app, member)])
  const key = newIdempotencyKey()
  const answers = await times(N, () => postClaim(app, member, body, key))
  expect(statuses(answers)).toEqual([...Array<number>(N - 1).fill(200), 201])
  expect(new Set(answers.map((a) => a.body.id)).size).toBe(1)
  const rows = await app.db.selectFrom('claims').select('id').where('member_user_id', '=', member.id).execute()
  expect(rows.map((r) => r.id)).toEqual([answers[0]!.body.id])
})

test('one SMS code used by many sign-ins at once: one session and one account; the others are refused', async () => {
  const phone = nextPhone()
  expect((await app.api.post('/api/v1/auth/sms-codes', { phone })).status).toBe(204)
  const answers = await times(N, () => app.api.post('/api/v1/auth/sessions', { phone, code: FIXED_CODE }))
  expect(statuses(answers)).toEqual([200, ...Array<number>(N - 1).fill(400)])
  expect(answers.filter((a) => a.status === 400).every((a) => a.body.error.code === 'sms_code_invalid')).toBe(true)
  const user = answers.find((a) => a.status === 200)!.body.user.id as string
  expect(await app.db.selectFrom('sessions').select('id').where('user_id', '=', user).execute()).toHaveLength(1)
})

test('a rate limit holds however many requests arrive at once: one code a minute per phone', async () => {
  const phone = nextPhone()
  const answers = await times(N, () => app.api.post('/api/v1/auth/sms-codes', { phone }))
  expect(statuses(answers)).toEqual([204, ...Array<number>(N - 1).fill(429)])
  expect(answers.filter((a) => a.status === 429).every((a) => a.body.error.code === 'rate_limited')).toBe(true)
})

test('the same member enrolling many times at once (a new person) gets one enrolment; the others overlap it', async () => {
  const member = await loginAs(app)
  await fillProfile(app, member)
  const answers = await times(N, () => app.api.post('/api/v1/me/enrolments', zy, { token: member.token }))
  expect(statuses(answers)).toEqual([201, ...Array<number>(N - 1).fill(409)])
  expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'enrolment_overlap')).toBe(true)
  const persons = await app.db.selectFrom('enrolments').select('insured_person_id').where('created_by', '=', member.id).execute()
  expect(persons).toHaveLength(1)
})

test('one cover renewed many times at once makes one renewal; every answer names it', async () => {
  const before = app.clock.now().toISOString()
  app.clock.set('2026-12-20T02:00:00.000Z') // in the renewal window of a cover accepted 2026-01-10 (ends 2027-01-10)
  try {
    const member = await claimant(app, { enrolment: { catalogueId: 'shaanxi-gig-2023', products: ['ZY'], mode: 'instant', acceptedOn: '2026-01-10' } })
    const answers = await times(N, () => app.api.post(`/api/v1/enrolments/${member.enrolmentId}/renewals`, undefined, { token: member.token }))
    expect(statuses(answers)).toEqual([...Array<number>(N - 1).fill(200), 201])
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1)
    const renewals = await app.db.selectFrom('enrolments').select('id').where('renews_enrolment_id', '=', member.enrolmentId).execute()
    expect(renewals.map((r) => r.id)).toEqual([answers[0]!.body.id])
  } finally {
    app.clock.set(before)
  }
})

test('a person on record (an earlier, cancelled cover) enrolled many times at once gets one enrolment', async () => {
  const member = await loginAs(app)
  await fillProfile(app, member)
  const first = (await app.api.post('/api/v1/me/enrolments', zy, { token: member.token })).body.id as string
  expect((await app.api.post(`/api/v1/enrolments/${first}/cancel`, {}, { token: users.staff.token })).status).toBe(200)
  const answers = await times(N, () => app.api.post('/api/v1/me/enrolments', zy, { token: member.token }))
  expect(statuses(answers)).toEqual([201, ...Array<number>(N - 1).fill(409)])
  const live = await app.db.selectFrom('enrolments').select('id').where('created_by', '=', member.id).where('status', '=', 'pending_payment').execute()
  expect(live).toHaveLength(1)
})

test('two transfers confirmed at once for one pending enrolment: one payment activates it, the other changes nothing', async () => {
  const member = await loginAs(app)
  await fillProfile(app, member)
  const enrolment = (await app.api.post('/api/v1/me/enrolments', zy, { token: member.token })).body.id as string
  const answers = await times(N, (i) => app.api.post('/api/v1/payments', {
    catalogueId: zy.catalogueId, reference: `RACE-${enrolment}-${i}`, amountFen: 10000, enrolmentIds: [enrolment],
  }, { token: users.staff.token }))
  expect(statuses(answers)).toEqual([201, ...Array<number>(N - 1).fill(422)])
  const paid = answers.find((a) => a.status === 201)!.body.id as string
  const row = await app.db.selectFrom('enrolments').select(['status', 'payment_id']).where('id', '=', enrolment).executeTakeFirstOrThrow()
  expect(row).toEqual({ status: 'active', payment_id: paid })
  expect(await app.db.selectFrom('payments').select('id').where('reference', 'like', `RACE-${enrolment}-%`).execute()).toEqual([{ id: paid }])
})

test('one bank reference confirmed many times at once is recorded once (409 for the others)', async () => {
  const enrolments = await times(N, async () => {
    const member = await loginAs(app)
    await fillProfile(app, member)
    return (await app.api.post('/api/v1/me/enrolments', zy, { token: member.token })).body.id as string
  })
  const answers = await Promise.all(enrolments.map((id) => app.api.post('/api/v1/payments', {
    catalogueId: zy.catalogueId, reference: `SAME-${enrolments[0]}`, amountFen: 10000, enrolmentIds: [id],
  }, { token: users.staff.token })))
  expect(statuses(answers)).toEqual([201, ...Array<number>(N - 1).fill(409)])
  expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'payment_reference_taken')).toBe(true)
})

test('two claims of one person approved at once never pay past the annual cap: the second sees the first', async () => {
  const member = await claimant(app)
  // Shanghai A0 pays 60 % of pooled out-of-pocket, 100,000.00 a plan year: each claim alone is 60,000.00.
  const claims = await Promise.all(['2020-06-01', '2020-10-01'].map((eventDate) => submitTestClaim(app, member, { figures: { pooledOutOfPocketFen: 10_000_000 }, eventDate })))
  const answers = await Promise.all(claims.map((c) => app.api.post(`/api/v1/claims/${c.id}/decisions`, { decision: 'approve' }, { token: users.reviewer.token })))
  expect(statuses(answers)).toEqual([200, 409])
  expect(answers.find((a) => a.status === 409)!.body.error.code).toBe('claim_estimate_changed')
  const rows = await app.db.selectFrom('claims').select('approved_fen').where('insured_person_id', '=', member.insuredPersonId).execute()
  expect(rows.reduce((sum, r) => sum + (r.approved_fen ?? 0), 0)).toBe(6_000_000)
})

test('one approved claim put into payment batches many times at once is in one batch', async () => {
  const { id } = await approvedClaim(app, users.reviewer)
  const answers = await times(N, () => makeBatch(app, users.staff, [id]))
  expect(statuses(answers)).toEqual([201, ...Array<number>(N - 1).fill(409)])
  expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'claim_not_approved')).toBe(true)
  expect(await app.db.selectFrom('claim_payment_lines').select('batch_id').where('claim_id', '=', id).execute()).toHaveLength(1)
})

test('a member adding payee accounts many times at once never holds more than the most allowed, and one default', async () => {
  const member = await loginAs(app)
  await fillProfile(app, member)
  const first = await addTestPayeeAccount(app, member)
  const { holderName } = (await app.api.get('/api/v1/me/payee-accounts', { token: member.token })).body as { holderName: string }
  const answers = await times(N, () => app.api.post('/api/v1/me/payee-accounts', {
    holderName, bankName: '中国工商银行西安雁塔支行', accountNumber: freshCardNumber(), makeDefault: true,
  }, { token: member.token }))
  const added = MAX_PAYEE_ACCOUNTS - 1
  expect(statuses(answers)).toEqual([...Array<number>(added).fill(201), ...Array<number>(N - added).fill(422)])
  const rows = await app.db.selectFrom('payee_accounts').select(['id', 'is_default']).where('user_id', '=', member.id).where('deleted_at', 'is', null).execute()
  expect(rows).toHaveLength(MAX_PAYEE_ACCOUNTS)
  expect(rows.filter((r) => Number(r.is_default) === 1)).toHaveLength(1)
  expect(rows.map((r) => r.id)).toContain(first)
})

test('one role granted many times at once makes one grant; the others are told it is already held', async () => {
  const member = await loginAs(app)
  const answers = await times(N, () => app.api.post(`/api/v1/users/${member.id}/roles`, { role: 'reviewer' }, { token: users.admin.token }))
  expect(statuses(answers)).toEqual([201, ...Array<number>(N - 1).fill(409)])
  expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'role_already_granted')).toBe(true)
  expect(await app.db.selectFrom('role_grants').select('id').where('user_id', '=', member.id).execute()).toHaveLength(1)
})

test('two admins revoking each other at once: one revocation wins and the office keeps an admin', async () => {
  const [first, second] = [await loginAs(app), await loginAs(app)]
  const grants: Record<string, string> = {}
  for (const admin of [first, second]) {
    const granted = await app.api.post(`/api/v1/users/${admin.id}/roles`, { role: 'admin' }, { token: users.admin.token })
    expect(granted.status).toBe(201)
    grants[admin.id] = granted.body.id as string
  }
  const answers = await Promise.all([
    app.api.delete(`/api/v1/users/${second.id}/roles/${grants[second.id]}`, { token: first.token }),
    app.api.delete(`/api/v1/users/${first.id}/roles/${grants[first.id]}`, { token: second.token }),
  ])
  expect(statuses(answers)).toEqual([204, 403])
  const left = await app.db.selectFrom('role_grants').select('user_id').where('role', '=', 'admin').where('user_id', 'in', [first.id, second.id]).execute()
  expect(left).toHaveLength(1)
})

test('a claim submitted while the scheduled PIPL deletion of its member runs: one waits for the other; never an erased open claim', async () => {
  const was = app.clock.now().toISOString()
  try {
    setChinaDate(app, '2020-10-01')
    const member = await claimant(app)
    expect((await app.api.post('/api/v1/me/data-deletion', { confirm: true }, { token: member.token })).status).toBe(202)
    const body = { ...inpatientClaim(member.enrolmentId, [await uploadPhoto(app, member)], { eventDate: '2020-09-20' }), payeeAccountId: member.payeeAccountId }
    setChinaDate(app, '2021-04-01')
    const signedIn = { ...member, token: (await loginAs(app, { phone: member.phone })).token }
    // The due request's row held by another transaction: the job starts (and takes what it takes first), then waits
    // to mark it done; the submission starts meanwhile. Without the account locked before the job's verdict, the
    // claim is written in between and the job then erases a claim still being handled.
    const { job, claim } = await app.db.transaction().execute(async (trx) => {
      await forUpdate(trx, trx.selectFrom('data_deletion_requests').select('id').where('user_id', '=', member.id)).execute()
      const started = { job: runDueDeletions(app.db, app.deps), claim: postClaim(app, signedIn, body) }
      await new Promise((resolve) => setTimeout(resolve, 500))
      return started
    })
    const [ran, answer] = [await job, await claim]
    const claims = await app.db.selectFrom('claims').select(['status', 'diagnosis']).where('member_user_id', '=', member.id).execute()
    const [request] = await app.db.selectFrom('data_deletion_requests').select('status').where('user_id', '=', member.id).execute()
    // One after the other, in either order (on PostgreSQL the job is first; SQLite's one writer may take the claim first).
    if (answer.status === 201) {
      // The claim first: the deletion sees a claim being handled and waits (DOMAIN/PIPL); the claim keeps its data.
      expect(ran).toMatchObject({ done: 0, waiting: 1, failed: 0 })
      expect(request!.status).toBe('scheduled')
      expect(claims).toEqual([{ status: 'submitted', diagnosis: body.diagnosis }])
    } else {
      // The deletion first: the account is disabled, and the claim is refused and writes nothing.
      expect(ran).toMatchObject({ done: 1, failed: 0 })
      expect([answer.status, answer.body.error.code]).toEqual([403, 'account_disabled'])
      expect(request!.status).toBe('done')
      expect(claims).toEqual([])
    }
  } finally {
    app.clock.set(was)
  }
})

/**
 * Holds the person's row in a transaction (as the first of two writers would), starts `start` (the second writer),
 * and half a second later asks, without waiting (NOWAIT), for the claim's row: free (true) unless the second writer
 * took the claim while it waits for the person (refused at once, 55P03). SQLite has one writer: there the second
 * waits for the transaction as a whole, and the claim counts as free.
 */
async function claimFreeWhilePersonHeld<T>(personId: string, claimId: string, start: () => Promise<T>): Promise<{ started: Promise<T>; claimFree: boolean }> {
  return app.db.transaction().execute(async (trx) => {
    await forUpdate(trx, trx.selectFrom('insured_persons').select('id').where('id', '=', personId)).execute()
    const started = start()
    started.catch(() => undefined)
    await new Promise((resolve) => setTimeout(resolve, 500))
    if (testDatabaseKind() !== 'postgres') return { started, claimFree: true }
    const claimFree = await trx.selectFrom('claims').select('id').where('id', '=', claimId).forUpdate().noWait().execute()
      .then(() => true, (error: { code?: string }) => (error.code === '55P03' ? false : Promise.reject(error)))
    return { started, claimFree }
  })
}

test('a reviewer’s decision takes the claimant’s person before the claim, as the straight-through approval does: neither waits on the other for ever', async () => {
  const member = await claimant(app)
  const claim = await submitTestClaim(app, member)
  // The person held by another transaction, as an import's straight-through approval holds its claims' persons before
  // their claims: the reviewer's decision waits for the person and holds nothing that transaction needs next.
  const { started: decided, claimFree: claimTaken } = await claimFreeWhilePersonHeld(member.insuredPersonId, claim.id,
    () => app.api.post(`/api/v1/claims/${claim.id}/decisions`, { decision: 'approve' }, { token: users.reviewer.token }))
  expect(claimTaken).toBe(true)
  const answer = await decided
  expect([answer.status, answer.body.status]).toEqual([200, 'approved'])
})

test('a settlement import takes the persons of its claims before it writes on any of their claims: a reviewer holding the person waits, holding nothing the import needs', async () => {
  const idNumber = freshIdNumber()
  const member = await claimant(app, { profile: { idNumber } })
  // One claim whose figures the record confirms (approved straight through), one whose record differs (flagged).
  const confirmed = await submitTestClaim(app, member, { eventDate: '2020-06-01' })
  const differs = await submitTestClaim(app, member, { eventDate: '2020-09-01' })
  const record = (admittedOn: string, dischargedOn: string, totalCostFen: number, row: number): MedicalRecordLine => ({
    row, idNumberHash: hashIdNumber(app.protector, idNumber), hospital: '西安市第一医院', admittedOn, dischargedOn,
    totalCostFen, pooledOutOfPocketFen: 800_000, supplementaryOutOfPocketFen: 200_000, deductibleFen: 0,
  })
  const actor = { userId: users.staff.id, ip: null, requestId: null }
  // The person held, as a reviewer's decision holds it while it waits for the claim; the flagged claim stays free.
  const { started: importing, claimFree: flaggedClaimFree } = await claimFreeWhilePersonHeld(member.insuredPersonId, differs.id,
    () => app.db.transaction().execute((t) => importMedicalRecords(t, app.deps, async (add) => {
      await add(record('2020-06-01', '2020-06-13', 1_500_000, 2))
      await add(record('2020-09-01', '2020-09-10', 1_600_000, 3))
    }, users.staff.id, actor)))
  expect(flaggedClaimFree).toBe(true)
  expect(await importing).toEqual({ importedCount: 2, approvedCount: 1 })
  const after = await app.db.selectFrom('claims').select(['id', 'status', 'flagged']).where('id', 'in', [confirmed.id, differs.id]).orderBy('id').execute()
  expect(after).toEqual([{ id: confirmed.id, status: 'approved', flagged: 0 }, { id: differs.id, status: 'submitted', flagged: 1 }].sort((a, b) => (a.id < b.id ? -1 : 1)))
})
