import { dataDeletionOutlookSchema, dataDeletionResultSchema } from '@huzhu/shared'
import { unseal } from '../../crypto/personal-data'
import {
  claimant, createTestEnrolment, loginAs, postUpload, setChinaDate, startAppWithEveryRole, startTestApp, submitTestClaim, uploadPhoto,
  type EveryRole, type TestApp, type TestUser,
} from '../../../test/helpers'
import { photoKey } from '../uploads/upload-files'
import { ERASED_NAME } from './data-erasure'
import { memberWithHistory } from './data-requests.fixtures'

// Each member's history is a dozen requests (claims, a bank batch, medical records): seconds on a busy 2-core machine.
jest.setTimeout(60_000)

let app: TestApp
let roles: EveryRole
beforeAll(async () => ({ app, users: roles } = await startAppWithEveryRole()))
afterAll(() => app.close())

const requestDeletion = (user: TestUser, body: unknown = { confirm: true }) => app.api.post('/api/v1/me/data-deletion', body, { token: user.token })
const rows = (table: 'member_profiles' | 'uploads' | 'notifications' | 'sessions' | 'person_accounts' | 'idempotency_keys', column: 'user_id' | 'owner_user_id', id: string) =>
  app.db.selectFrom(table).selectAll().where(column as never, '=', id as never).execute()
const requestRows = (userId: string) => app.db.selectFrom('data_deletion_requests').selectAll().where('user_id', '=', userId).execute()
const sha256Of = async (uploadId: string) => (await app.db.selectFrom('uploads').select('sha256').where('id', '=', uploadId).executeTakeFirstOrThrow()).sha256

describe('POST /api/v1/me/data-deletion at once: personal data removed or anonymised, financial records kept', () => {
  test('the raw tables afterwards, and the photos removed only after the commit (a photo another member also uploaded stays)', async () => {
    setChinaDate(app, '2026-11-24')
    const carol = await memberWithHistory(app, roles, '陈卡萝')
    const { member } = carol
    const dave = await claimant(app, { profile: { name: '邓大卫' } })
    // Dave uploads the same bytes as one of Carol's photos: one stored file for two uploads.
    const shared = Buffer.from(await (await fetch(`${app.baseUrl}/api/v1/uploads/${carol.looseUploadId}/content`, { headers: { authorization: `Bearer ${member.token}` } })).arrayBuffer())
    const daveUpload = (await postUpload(app, dave, shared, 'image/png')).body.id as string
    const carolShas = (await rows('uploads', 'owner_user_id', member.id)).map((u) => u.sha256 as string)
    const sharedSha = await sha256Of(daveUpload)
    expect(carolShas).toContain(sharedSha)
    expect(carolShas.length).toBeGreaterThanOrEqual(3)
    const before = {
      person: await app.db.selectFrom('insured_persons').selectAll().where('id', '=', member.insuredPersonId).executeTakeFirstOrThrow(),
      payment: await app.db.selectFrom('payments').selectAll().where('id', '=', carol.paymentId).executeTakeFirstOrThrow(),
      enrolment: await app.db.selectFrom('enrolments').selectAll().where('id', '=', member.enrolmentId).executeTakeFirstOrThrow(),
      paid: await app.db.selectFrom('claims').selectAll().where('id', '=', carol.paidClaimId).executeTakeFirstOrThrow(),
      line: await app.db.selectFrom('claim_payment_lines').selectAll().where('claim_id', '=', carol.paidClaimId).executeTakeFirstOrThrow(),
      account: await app.db.selectFrom('payee_accounts').selectAll().where('id', '=', member.payeeAccountId).executeTakeFirstOrThrow(),
      history: await app.db.selectFrom('claim_history').select('id').where('claim_id', 'in', [carol.paidClaimId, carol.withdrawnClaimId]).execute(),
    }
    expect(await app.db.selectFrom('medical_records').select('id').where('id_number_hash', '=', before.person.id_number_hash).execute()).toHaveLength(1)
    expect(await rows('notifications', 'user_id', member.id)).not.toHaveLength(0)
    const smsKey = app.protector.hash('rate_limit', `sms_phone:${member.phone}`)
    expect(await app.db.selectFrom('rate_limit_hits').select('id').where('bucket', '=', 'sms_phone').where('key_hash', '=', smsKey).execute()).not.toHaveLength(0)

    const res = await requestDeletion(member)
    expect(res.status).toBe(200)
    const result = dataDeletionResultSchema.parse(res.body)
    expect(result.status).toBe('done')
    expect(result.kept.map((k) => k.kind)).toEqual(['enrolments', 'payments', 'claim_payouts', 'ledger', 'consents', 'audit_log'])
    expect(result.kept.find((k) => k.kind === 'payments')!.text).toMatch(/会计档案管理办法|30年/)

    // The photos' rows are gone at once; the files go through the outbox once the change committed (see the rollback test below).
    expect(await rows('uploads', 'owner_user_id', member.id)).toEqual([])
    await app.outbox.drain()
    const queued = await app.db.selectFrom('outbox').selectAll().where('kind', '=', 'blob_delete').execute()
    for (const sha of carolShas) expect(queued.find((q) => q.payload.includes(sha))?.done_at).toEqual(expect.any(String))
    for (const sha of carolShas.filter((s) => s !== sharedSha)) expect(await app.deps.blobs.stat(photoKey(sha))).toBeUndefined()
    expect(await app.deps.blobs.stat(photoKey(sharedSha))).toBeDefined()
    expect((await app.api.get(`/api/v1/uploads/${daveUpload}/content`, { token: dave.token })).status).toBe(200)

    // Personal data: gone or anonymised.
    expect(await rows('member_profiles', 'user_id', member.id)).toEqual([])
    expect(await rows('person_accounts', 'user_id', member.id)).toEqual([])
    expect(await rows('notifications', 'user_id', member.id)).toEqual([])
    expect(await rows('sessions', 'user_id', member.id)).toEqual([])
    expect(await rows('idempotency_keys', 'user_id', member.id)).toEqual([])
    const user = await app.db.selectFrom('users').selectAll().where('id', '=', member.id).executeTakeFirstOrThrow()
    expect(user).toMatchObject({ phone_hash: null, phone_ciphertext: null, wechat_openid: null })
    expect(user.disabled_at).not.toBeNull()
    const person = await app.db.selectFrom('insured_persons').selectAll().where('id', '=', member.insuredPersonId).executeTakeFirstOrThrow()
    expect(person).toMatchObject({ name: ERASED_NAME, id_number_hash: `erased:${person.id}`, mobile_ciphertext: null, mobile_hash: null, occupation: null, platform: null })
    expect(person.birth_date).toBe(`${before.person.birth_date.slice(0, 4)}-01-01`)
    expect(unseal(app.protector, 'insured_persons.id_number', person.id, person.id_number_ciphertext)).toBe('')
    expect(await app.db.selectFrom('insured_persons').select('id').where('id_number_hash', '=', before.person.id_number_hash).execute()).toEqual([])
    expect(await app.db.selectFrom('medical_records').select('id').where('id_number_hash', '=', before.person.id_number_hash).execute()).toEqual([])
    expect(await app.db.selectFrom('claim_medical_matches').select('claim_id').where('claim_id', 'in', [carol.paidClaimId, carol.withdrawnClaimId]).execute()).toEqual([])
    expect(await app.db.selectFrom('claim_documents').select('upload_id').where('claim_id', 'in', [carol.paidClaimId, carol.withdrawnClaimId]).execute()).toEqual([])
    expect(await app.db.selectFrom('payee_accounts').select('id').where('id', '=', carol.unusedAccountId).execute()).toEqual([])
    const consents = await app.db.selectFrom('consents').selectAll().where('user_id', '=', member.id).execute()
    expect(consents.length).toBe(2)
    for (const c of consents) expect(c).toMatchObject({ ip: null, request_id: null, withdrawn_at: expect.any(String) })
    expect(await app.db.selectFrom('rate_limit_hits').select('id').where('bucket', '=', 'sms_phone').where('key_hash', '=', smsKey).execute()).toEqual([])
    const history = await app.db.selectFrom('claim_history').selectAll().where('claim_id', 'in', [carol.paidClaimId, carol.withdrawnClaimId]).execute()
    expect(history.map((h) => h.id).sort()).toEqual(before.history.map((h) => h.id).sort())
    expect(history.every((h) => h.note === null)).toBe(true)
    const withdrawn = await app.db.selectFrom('claims').selectAll().where('id', '=', carol.withdrawnClaimId).executeTakeFirstOrThrow()
    expect(withdrawn).toMatchObject({ diagnosis: '', hospital: null, figures: '{}', invoice_numbers: '[]', status: 'withdrawn' })
    expect(await app.db.selectFrom('claim_invoices').select('claim_id').where('claim_id', '=', carol.withdrawnClaimId).execute()).toEqual([])

    // Financial records: as they were.
    expect(await app.db.selectFrom('payments').selectAll().where('id', '=', carol.paymentId).executeTakeFirstOrThrow()).toEqual(before.payment)
    const enrolment = await app.db.selectFrom('enrolments').selectAll().where('id', '=', member.enrolmentId).executeTakeFirstOrThrow()
    expect(enrolment).toEqual(before.enrolment)
    const paid = await app.db.selectFrom('claims').selectAll().where('id', '=', carol.paidClaimId).executeTakeFirstOrThrow()
    expect(paid).toMatchObject({
      status: 'paid', approved_fen: before.paid.approved_fen, estimate_fen: before.paid.estimate_fen, estimate_lines: before.paid.estimate_lines,
      figures: before.paid.figures, payment_reference: before.paid.payment_reference, paid_at: before.paid.paid_at, payee_account_id: member.payeeAccountId,
      diagnosis: '', hospital: null,
    })
    expect(await app.db.selectFrom('claim_payment_lines').selectAll().where('claim_id', '=', carol.paidClaimId).executeTakeFirstOrThrow()).toEqual(before.line)
    const account = await app.db.selectFrom('payee_accounts').selectAll().where('id', '=', member.payeeAccountId).executeTakeFirstOrThrow()
    expect(account.deleted_at).not.toBeNull()
    expect(unseal(app.protector, 'payee_accounts.number', account.id, account.number_ciphertext)).toBe(unseal(app.protector, 'payee_accounts.number', before.account.id, before.account.number_ciphertext))
    expect(account.holder_name).toBe(before.account.holder_name)

    // Audited, recorded, signed out; the phone signs in as a new account that holds nothing.
    const audit = await app.db.selectFrom('audit_log').selectAll().where('subject_user_id', '=', member.id).where('resource', '=', 'personal_data_deletion').execute()
    expect(audit).toEqual([expect.objectContaining({ action: 'delete', actor_user_id: member.id })])
    expect(await requestRows(member.id)).toEqual([expect.objectContaining({ status: 'done' })])
    expect((await app.api.get('/api/v1/me', { token: member.token })).status).toBe(401)
    app.clock.advance(61_000)
    const again = await loginAs(app, { phone: member.phone })
    expect(again.id).not.toBe(member.id)
    expect((await app.api.get('/api/v1/me/enrolments', { token: again.token })).body.enrolments).toEqual([])
    // Dave is untouched.
    expect(await rows('member_profiles', 'user_id', dave.id)).toHaveLength(1)
  })

  test('a deletion that rolls back leaves every row and every file: nothing is removed inside the transaction', async () => {
    const member = await claimant(app)
    const uploadId = await uploadPhoto(app, member)
    const sha = await sha256Of(uploadId)
    const { eraseAccount } = await import('./data-erasure')
    await expect(app.db.transaction().execute(async (trx) => {
      await eraseAccount(trx, app.deps, member.id, { userId: member.id, ip: null, requestId: null })
      throw new Error('rolled back')
    })).rejects.toThrow('rolled back')
    await app.outbox.drain()
    expect(await app.deps.blobs.stat(photoKey(sha))).toBeDefined()
    expect(await rows('uploads', 'owner_user_id', member.id)).toHaveLength(1)
    expect(await rows('member_profiles', 'user_id', member.id)).toHaveLength(1)
    expect(await app.db.selectFrom('outbox').select('id').where('kind', '=', 'blob_delete').where('payload', 'like', `%${sha}%`).execute()).toEqual([])
  })

  test('the body must confirm: anything else is a 400 and deletes nothing', async () => {
    const member = await claimant(app)
    for (const body of [{}, { confirm: false }, { confirm: 'yes' }]) {
      const res = await requestDeletion(member, body)
      expect(res.status).toBe(400)
    }
    expect(await rows('member_profiles', 'user_id', member.id)).toHaveLength(1)
    expect(await requestRows(member.id)).toEqual([])
  })
})

describe('refused while something needs the data, with the reason; nothing changes', () => {
  test('a claim being handled: 409 naming it; after the member withdraws it, deletion goes ahead', async () => {
    setChinaDate(app, '2026-11-24')
    const member = await claimant(app)
    const claim = await submitTestClaim(app, member)
    const refused = await requestDeletion(member)
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('data_deletion_claim_open')
    expect(refused.body.error.message).toContain('1 笔理赔正在办理')
    expect(await rows('member_profiles', 'user_id', member.id)).toHaveLength(1)
    expect(await requestRows(member.id)).toEqual([])
    const outlook = dataDeletionOutlookSchema.parse((await app.api.get('/api/v1/me/data-deletion', { token: member.token })).body)
    expect(outlook).toMatchObject({ now: 'refused', refusal: { code: 'data_deletion_claim_open' } })
    expect((await app.api.post(`/api/v1/claims/${claim.id}/withdraw`, {}, { token: member.token })).status).toBe(200)
    expect((await requestDeletion(member)).status).toBe(200)
  })

  test('an approved claim awaiting payment is being handled too', async () => {
    const member = await claimant(app)
    const claim = await submitTestClaim(app, member)
    expect((await app.api.post(`/api/v1/claims/${claim.id}/decisions`, { decision: 'approve' }, { token: roles.reviewer.token })).status).toBe(200)
    expect((await requestDeletion(member)).body.error.code).toBe('data_deletion_claim_open')
  })

  test('an enrolment awaiting its premium: 409', async () => {
    const member = await claimant(app, { enrolment: { status: 'pending_payment' } })
    const res = await requestDeletion(member)
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('data_deletion_payment_pending')
  })

  test('an account holding a role: 409 naming the role (staff cannot erase themselves out of the audit trail unnoticed)', async () => {
    const res = await requestDeletion(roles.reviewer)
    expect(res.status).toBe(409)
    expect(res.body.error).toMatchObject({ code: 'data_deletion_staff_role', message: expect.stringContaining('理赔审核员') })
    expect(await rows('member_profiles', 'user_id', roles.reviewer.id)).toHaveLength(1)
  })
})

describe('cover running: scheduled for the day after it ends', () => {
  test('202 with the date and why; asked again the same; carried out by the job on that day, not before', async () => {
    setChinaDate(app, '2020-10-01')
    const member = await claimant(app)
    await uploadPhoto(app, member)
    const res = await requestDeletion(member)
    expect(res.status).toBe(202)
    const result = dataDeletionResultSchema.parse(res.body)
    expect(result).toMatchObject({ status: 'scheduled', effectiveOn: '2021-04-01' })
    expect(result.reason).toContain('2021-03-31')
    expect((await requestDeletion(member)).status).toBe(202)
    expect(await requestRows(member.id)).toEqual([expect.objectContaining({ status: 'scheduled', effective_on: '2021-04-01' })])
    const outlook = dataDeletionOutlookSchema.parse((await app.api.get('/api/v1/me/data-deletion', { token: member.token })).body)
    expect(outlook).toMatchObject({ now: 'at_cover_end', coverEndsOn: '2021-03-31', effectiveOn: '2021-04-01', scheduled: { effectiveOn: '2021-04-01' } })
    expect(outlook.scheduled!.reason).toContain('2021-03-31')
    // Meanwhile the cover works: the member still claims on it.
    await submitTestClaim(app, member, { eventDate: '2020-09-20' })
    const { runDueDeletions } = await import('./data-deletion.service')
    setChinaDate(app, '2021-03-31')
    await runDueDeletions(app.db, app.deps)
    expect(await requestRows(member.id)).toEqual([expect.objectContaining({ status: 'scheduled' })])
    setChinaDate(app, '2021-04-01')
    // The claim is still being handled on the day: it waits, and the page says why.
    expect((await runDueDeletions(app.db, app.deps)).waiting).toBeGreaterThanOrEqual(1)
    expect(await requestRows(member.id)).toEqual([expect.objectContaining({ status: 'scheduled', effective_on: '2021-04-02' })])
    const again = await loginAs(app, { phone: member.phone })
    expect(again.id).toBe(member.id)
    const waiting = dataDeletionOutlookSchema.parse((await app.api.get('/api/v1/me/data-deletion', { token: again.token })).body)
    expect(waiting).toMatchObject({ now: 'refused', refusal: { code: 'data_deletion_claim_open' }, scheduled: { effectiveOn: '2021-04-02' } })
    expect(waiting.scheduled!.reason).toContain('笔理赔正在办理')
    const open = await app.db.selectFrom('claims').select('id').where('member_user_id', '=', member.id).executeTakeFirstOrThrow()
    expect((await app.api.post(`/api/v1/claims/${open.id}/withdraw`, {}, { token: again.token })).status).toBe(200)
    // Not due again until tomorrow; then carried out.
    await runDueDeletions(app.db, app.deps)
    expect(await rows('member_profiles', 'user_id', member.id)).toHaveLength(1)
    setChinaDate(app, '2021-04-02')
    expect((await runDueDeletions(app.db, app.deps)).done).toBeGreaterThanOrEqual(1)
    expect(await rows('member_profiles', 'user_id', member.id)).toEqual([])
    expect(await rows('uploads', 'owner_user_id', member.id)).toEqual([])
    expect(await requestRows(member.id)).toEqual([expect.objectContaining({ status: 'done' })])
    const audit = await app.db.selectFrom('audit_log').selectAll().where('subject_user_id', '=', member.id).where('resource', '=', 'personal_data_deletion').executeTakeFirstOrThrow()
    expect(audit.actor_user_id).toBeNull()
    await app.outbox.drain()
    setChinaDate(app, '2026-11-24')
  })

  test('a cover renewed meanwhile moves the date to the day after the new end', async () => {
    setChinaDate(app, '2020-10-01')
    const member = await claimant(app)
    expect((await requestDeletion(member)).status).toBe(202)
    // Next year's cover, renewed without a gap.
    const { enrolmentId } = await createTestEnrolment(app, member)
    await app.db.updateTable('enrolments').set({ start_on: '2021-04-01', end_on: '2022-03-31', renews_enrolment_id: member.enrolmentId }).where('id', '=', enrolmentId).execute()
    const { runDueDeletions } = await import('./data-deletion.service')
    setChinaDate(app, '2021-04-01')
    expect((await runDueDeletions(app.db, app.deps)).moved).toBeGreaterThanOrEqual(1)
    expect(await requestRows(member.id)).toEqual([expect.objectContaining({ status: 'scheduled', effective_on: '2022-04-01' })])
    expect(await rows('member_profiles', 'user_id', member.id)).toHaveLength(1)
    setChinaDate(app, '2026-11-24')
  })

  test('the member cancels a scheduled deletion: 204, then 404; the job leaves them alone', async () => {
    setChinaDate(app, '2020-10-01')
    const member = await claimant(app)
    expect((await requestDeletion(member)).status).toBe(202)
    expect((await app.api.delete('/api/v1/me/data-deletion', { token: member.token })).status).toBe(204)
    const second = await app.api.delete('/api/v1/me/data-deletion', { token: member.token })
    expect(second.status).toBe(404)
    expect(second.body.error.code).toBe('data_deletion_not_scheduled')
    const { runDueDeletions } = await import('./data-deletion.service')
    setChinaDate(app, '2021-04-01')
    await runDueDeletions(app.db, app.deps)
    expect(await requestRows(member.id)).toEqual([expect.objectContaining({ status: 'cancelled', cancelled_at: expect.any(String) })])
    expect(await rows('member_profiles', 'user_id', member.id)).toHaveLength(1)
    setChinaDate(app, '2026-11-24')
  })
})

describe('with the photos in object storage (S3)', () => {
  test('the member’s photos are removed from the bucket after the commit', async () => {
    const s3app = await startTestApp({ blobStore: 's3' })
    try {
      const member = await claimant(s3app)
      const uploadId = await uploadPhoto(s3app, member)
      const sha = (await s3app.db.selectFrom('uploads').select('sha256').where('id', '=', uploadId).executeTakeFirstOrThrow()).sha256
      expect(await s3app.deps.blobs.stat(photoKey(sha))).toBeDefined()
      expect((await s3app.api.post('/api/v1/me/data-deletion', { confirm: true }, { token: member.token })).status).toBe(200)
      await s3app.outbox.drain()
      expect(await s3app.deps.blobs.stat(photoKey(sha))).toBeUndefined()
    } finally {
      await s3app.close()
    }
  })
})

describe('a hardship worker’s flag (困难职工) on deletion', () => {
  test('the outlook and the result say the flag is kept and why; its name and number go, the reason stays; it matches nobody any more', async () => {
    setChinaDate(app, '2026-11-24')
    const erin = await memberWithHistory(app, roles, '杜艾琳')
    const flagged = await app.api.post('/api/v1/hardship-workers', { name: '杜艾琳', idNumber: erin.idNumber, reason: '困难职工档案 2026-088' }, { token: roles.staff.token })
    expect(flagged.status).toBe(200)
    const flagId = flagged.body.id as string

    const outlook = dataDeletionOutlookSchema.parse((await app.api.get('/api/v1/me/data-deletion', { token: erin.member.token })).body)
    expect(outlook.kept.map((k) => k.kind)).toEqual(['enrolments', 'payments', 'claim_payouts', 'ledger', 'hardship_flag', 'consents', 'audit_log'])
    const result = dataDeletionResultSchema.parse((await requestDeletion(erin.member)).body)
    expect(result.status).toBe('done')
    expect(result.kept.find((k) => k.kind === 'hardship_flag')!.text).toMatch(/工会为你支付保费的依据.*30年/)

    const row = await app.db.selectFrom('hardship_workers').selectAll().where('id', '=', flagId).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ id_number_hash: `erased:${flagId}`, name: null, reason: '困难职工档案 2026-088', flagged_by: roles.staff.id, erased_at: expect.any(String) })
    expect(unseal(app.protector, 'hardship_workers.id_number', flagId, row.id_number)).toBe('')
    // Staff no longer see it, cannot remove it, and the number is free: flagging it again is a new flag.
    const listed = await app.api.get('/api/v1/hardship-workers?limit=200', { token: roles.staff.token })
    expect(listed.body.workers.map((w: { id: string }) => w.id)).not.toContain(flagId)
    expect((await app.api.delete(`/api/v1/hardship-workers/${flagId}`, { token: roles.staff.token })).status).toBe(404)
    const again = await app.api.post('/api/v1/hardship-workers', { name: '杜艾琳', idNumber: erin.idNumber, reason: '困难职工档案 2026-089' }, { token: roles.staff.token })
    expect(again.body.id).not.toBe(flagId)
  })

  test('a member not flagged is not told about a flag', async () => {
    const user = await loginAs(app)
    const outlook = dataDeletionOutlookSchema.parse((await app.api.get('/api/v1/me/data-deletion', { token: user.token })).body)
    expect(outlook.kept.map((k) => k.kind)).not.toContain('hardship_flag')
  })
})
