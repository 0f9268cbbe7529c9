import {
  accountNumber, addTestPayeeAccount, approvedClaim, claimant, downloadBankFile, grantRoles, makeBatch, startAppWithEveryRole, submitTestClaim,
  type EveryRole, type TestApp,
} from '../../../test/helpers'

let app: TestApp
let roles: EveryRole
beforeAll(async () => ({ app, users: roles } = await startAppWithEveryRole()))
afterAll(() => app.close())

const claimRow = (id: string) => app.db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const batchCount = async () => Number((await app.db.selectFrom('claim_payment_batches').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
const audits = (resource: string) => app.db.selectFrom('audit_log').selectAll().where('resource', '=', resource).execute()

describe('POST /api/v1/claim-payments: a payment batch', () => {
  test('approved claims go to the bank together: each payment_in_progress with a history row, its account and amount on a line', async () => {
    const a = await approvedClaim(app, roles.reviewer, { profile: { name: '李大伟' } })
    const b = await approvedClaim(app, roles.reviewer, { profile: { name: '赵敏' }, amountFen: 123_456 })
    const notesBefore = await app.db.selectFrom('notifications').select('id').where('user_id', 'in', [a.member.id, b.member.id]).execute()
    const res = await makeBatch(app, roles.staff, [a.id, b.id])
    expect(res.status).toBe(201)
    expect(res.body).toEqual({
      id: expect.stringMatching(/^cpb_/), count: 2, totalFen: 620_000 + 123_456, createdAt: expect.any(String), createdBy: roles.staff.id,
      pendingCount: 2, paidCount: 0, failedCount: 0,
    })
    const claim = await app.api.get(`/api/v1/claims/${a.id}`, { token: a.member.token })
    expect(claim.body).toMatchObject({ status: 'payment_in_progress', payment: null, paymentFailure: null, payeeAccount: { id: a.member.payeeAccountId } })
    expect(claim.body.history.at(-1)).toEqual({ at: expect.any(String), status: 'payment_in_progress', actorRole: 'staff', note: `已提交银行打款（付款批次 ${res.body.id}）` })
    // The member hears when the bank has paid (or could not): no message yet.
    expect(await app.db.selectFrom('notifications').select('id').where('user_id', 'in', [a.member.id, b.member.id]).execute()).toEqual(notesBefore)

    const detail = await app.api.get(`/api/v1/claim-payments/${res.body.id}`, { token: roles.admin.token })
    expect(detail.status).toBe(200)
    const numberA = await accountNumber(app, a.member.payeeAccountId)
    expect(detail.body.lines).toEqual(expect.arrayContaining([
      { claimId: a.id, personName: '李**', bankName: '中国工商银行西安雁塔支行', accountMasked: `${numberA.slice(0, 4)} **** **** ${numberA.slice(-4)}`, amountFen: 620_000, result: 'pending', bankReference: null, failureReason: null, settledOn: null },
      expect.objectContaining({ claimId: b.id, personName: '赵*', amountFen: 123_456, result: 'pending' }),
    ]))
    expect(JSON.stringify(detail.body)).not.toContain(numberA)
    const listed = await app.api.get('/api/v1/claim-payments?limit=1', { token: roles.staff.token })
    expect(listed.body).toEqual({ batches: [res.body], nextCursor: null })
  })

  test('the bank file: the lines awaiting the bank, the account in full as text, yuan with two decimals, the claim number in 附言; every download audited', async () => {
    const a = await approvedClaim(app, roles.reviewer, { profile: { name: '王小明' } })
    const b = await approvedClaim(app, roles.reviewer, { profile: { name: '欧阳娜娜' }, amountFen: 100_005 })
    const batch = (await makeBatch(app, roles.staff, [a.id, b.id])).body
    const file = await downloadBankFile(app, roles.staff, batch.id)
    expect(file.status).toBe(200)
    const byClaim = (id: string) => file.rows.find((r) => String(r[4]).endsWith(id))
    expect(file.rows[0]).toEqual(['收款人姓名', '收款账号', '开户行', '金额', '附言'])
    expect(file.rows).toHaveLength(3)
    expect(byClaim(a.id)).toEqual(['王小明', await accountNumber(app, a.member.payeeAccountId), '中国工商银行西安雁塔支行', '6200.00', `互助理赔 ${a.id}`])
    expect(byClaim(b.id)).toEqual(['欧阳娜娜', await accountNumber(app, b.member.payeeAccountId), '中国工商银行西安雁塔支行', '1000.05', `互助理赔 ${b.id}`])
    // Every cell is text (ExcelJS ValueType.String = 3): a 19-digit number stored as a number would lose digits.
    expect(file.types.slice(1).flat().every((t) => t === 3)).toBe(true)

    await downloadBankFile(app, roles.admin, batch.id)
    const rows = await audits(`claim_payment_bank_file:${batch.id}`)
    expect(rows.map((r) => [r.actor_user_id, r.action, r.fields])).toEqual([
      [roles.staff.id, 'export', '["bankAccountNumber"]'], [roles.admin.id, 'export', '["bankAccountNumber"]'],
    ])
    expect(app.logs()).not.toContain(await accountNumber(app, a.member.payeeAccountId))
  })

  test('all or nothing: a claim not approved or already at the bank (409), without an account (422), twice (422): nothing changes', async () => {
    const ok = await approvedClaim(app, roles.reviewer)
    const open = await submitTestClaim(app, await claimant(app))
    const batches = await batchCount()
    const notApproved = await makeBatch(app, roles.staff, [ok.id, open.id])
    expect([notApproved.status, notApproved.body.error.code, notApproved.body.error.details]).toEqual([409, 'claim_not_approved', [{ claimId: open.id, status: 'submitted' }]])
    expect((await makeBatch(app, roles.staff, ['clm_01JAAAAAAAAAAAAAAAAAAAAAAA'])).status).toBe(409)
    const twice = await makeBatch(app, roles.staff, [ok.id, ok.id])
    expect([twice.status, twice.body.error.details]).toEqual([422, [{ path: 'claimIds', code: 'field_invalid' }]])

    // A claim made before payee accounts names none: the member chooses one first.
    const old = await approvedClaim(app, roles.reviewer)
    await app.db.updateTable('claims').set({ payee_account_id: null }).where('id', '=', old.id).execute()
    const noPayee = await makeBatch(app, roles.staff, [ok.id, old.id])
    expect([noPayee.status, noPayee.body.error.code, noPayee.body.error.details]).toEqual([422, 'claim_payee_account_missing', [{ claimId: old.id }]])
    expect((await app.api.get(`/api/v1/claims/${old.id}`, { token: old.member.token })).body.payeeAccount).toBeNull()
    expect([(await claimRow(ok.id)).status, await batchCount()]).toEqual(['approved', batches])
    const chosen = await app.api.put(`/api/v1/claims/${old.id}/payee-account`, { payeeAccountId: old.member.payeeAccountId }, { token: old.member.token })
    expect(chosen.status).toBe(200)

    const made = await makeBatch(app, roles.staff, [ok.id, old.id])
    expect(made.status).toBe(201)
    const again = await makeBatch(app, roles.staff, [ok.id])
    expect([again.status, again.body.error.details]).toEqual([409, [{ claimId: ok.id, status: 'payment_in_progress' }]])
    // At the bank, the claim's account is fixed: not changed, not deleted.
    const spare = await addTestPayeeAccount(app, ok.member)
    const change = await app.api.put(`/api/v1/claims/${ok.id}/payee-account`, { payeeAccountId: spare }, { token: ok.member.token })
    expect([change.status, change.body.error.message]).toEqual([409, '这笔理赔付款中，不能再更换收款账户'])
    expect((await app.api.delete(`/api/v1/me/payee-accounts/${ok.member.payeeAccountId}`, { token: ok.member.token })).status).toBe(409)
  })

  test('nobody pays a claim on their own cover: staff cannot put their own claim into a batch (403); another staff member can', async () => {
    const staffRider = await claimant(app, { profile: { name: '钱办事' } })
    await grantRoles(app, staffRider.id, ['staff'])
    const own = await approvedClaim(app, roles.reviewer, { member: staffRider })
    const other = await approvedClaim(app, roles.reviewer)
    const refused = await makeBatch(app, staffRider, [other.id, own.id])
    expect([refused.status, refused.body.error.code, refused.body.error.details]).toEqual([403, 'claim_own_not_payable', [{ claimId: own.id }]])
    expect([(await claimRow(own.id)).status, (await claimRow(other.id)).status]).toEqual(['approved', 'approved'])
    expect((await makeBatch(app, roles.staff, [own.id])).status).toBe(201)
  })

  test('unknown batches are 404; a bad batch id 400; the bank file of a batch with every result in is a 409', async () => {
    expect((await app.api.get('/api/v1/claim-payments/cpb_01JAAAAAAAAAAAAAAAAAAAAAAA', { token: roles.staff.token })).status).toBe(404)
    expect((await downloadBankFile(app, roles.staff, 'cpb_01JAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404)
    expect((await app.api.get('/api/v1/claim-payments/nope', { token: roles.staff.token })).status).toBe(400)
    const paid = await approvedClaim(app, roles.reviewer)
    const batch = (await makeBatch(app, roles.staff, [paid.id])).body
    await app.db.updateTable('claim_payment_lines').set({ result: 'paid', settled_on: '2026-11-24' }).where('batch_id', '=', batch.id).execute()
    expect((await downloadBankFile(app, roles.staff, batch.id)).status).toBe(409)
    expect(await audits(`claim_payment_bank_file:${batch.id}`)).toEqual([])
  })
})
