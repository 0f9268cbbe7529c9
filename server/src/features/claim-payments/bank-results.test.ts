import {
  accountNumber, addTestPayeeAccount, approvedClaim, claimant, downloadBankFile, grantRoles, importResults, makeBatch, resultsXlsx, startAppWithEveryRole,
  type EveryRole, type TestApp,
} from '../../../test/helpers'

let app: TestApp
let roles: EveryRole
beforeAll(async () => ({ app, users: roles } = await startAppWithEveryRole()))
afterAll(() => app.close())

const status = async (id: string) => (await app.db.selectFrom('claims').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status
const notesOf = (userId: string) => app.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('id').execute()
const masked = (n: string) => `${n.slice(0, 4)} **** **** ${n.slice(-4)}`

describe('POST /api/v1/claim-payments/:batchId/results: the bank’s results', () => {
  test('a paid line marks its claim paid with the bank’s date; a failed line sends its claim back to awaiting payment and asks the member to correct the account; every other line is shown and changes nothing', async () => {
    const paid = await approvedClaim(app, roles.reviewer, { profile: { name: '李大伟' } })
    const failed = await approvedClaim(app, roles.reviewer, { profile: { name: '赵敏' }, amountFen: 123_456 })
    const wrongAmount = await approvedClaim(app, roles.reviewer)
    const elsewhere = await approvedClaim(app, roles.reviewer)
    const batch = (await makeBatch(app, roles.staff, [paid.id, failed.id, wrongAmount.id])).body
    const [paidNo, failedNo, wrongNo] = [await accountNumber(app, paid.member.payeeAccountId), await accountNumber(app, failed.member.payeeAccountId), await accountNumber(app, wrongAmount.member.payeeAccountId)]
    const failedNotesBefore = (await notesOf(failed.member.id)).length

    const file = await resultsXlsx([
      [`互助理赔 ${paid.id}`, `${paidNo.slice(0, 6)}*******${paidNo.slice(-4)}`, '6,200.00', '交易成功', '', '2026-11-23', 'HX20261123000001'],
      [`互助理赔 ${failed.id}`, failedNo, 1234.56, '失败', '户名与账号不符', '2026/11/23', ''],
      [`互助理赔 ${elsewhere.id}`, await accountNumber(app, elsewhere.member.payeeAccountId), '6200.00', '成功', '', '2026-11-23', ''],
      ['工资', '6222020000000000000', '100.00', '成功', '', '2026-11-23', ''],
      [`互助理赔 ${wrongAmount.id}`, wrongNo, '620.00', '成功', '', '2026-11-23', ''],
    ])
    const res = await importResults(app, roles.staff, batch.id, file)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      batch: { ...batch, pendingCount: 1, paidCount: 1, failedCount: 1 },
      rowCount: 5,
      paid: [{ row: 2, claimId: paid.id, settledOn: '2026-11-23' }],
      failed: [{ row: 3, claimId: failed.id, reason: '户名与账号不符' }],
      alreadyRecorded: 0,
      unmatched: [
        { row: 4, claimNumber: elsewhere.id, accountMasked: expect.stringMatching(/^6222 \*{4} \*{4} \d{4}$/), amountFen: 620_000, code: 'bank_result_not_in_batch', message: '这笔理赔不在本付款批次中' },
        { row: 5, claimNumber: null, accountMasked: '6222 **** **** 0000', amountFen: 10_000, code: 'bank_result_no_claim_number', message: '附言中没有理赔编号' },
        { row: 6, claimNumber: wrongAmount.id, accountMasked: masked(wrongNo), amountFen: 62_000, code: 'bank_result_amount_mismatch', message: '金额与付款明细不符（明细为 6,200.00 元）' },
      ],
    })
    expect(JSON.stringify(res.body)).not.toContain(failedNo)

    // Paid: 已打款, with the bank's date and serial number, and the member's message.
    const paidClaim = (await app.api.get(`/api/v1/claims/${paid.id}`, { token: paid.member.token })).body
    expect(paidClaim).toMatchObject({ status: 'paid', payment: { reference: 'HX20261123000001', paidOn: '2026-11-23', paidAt: expect.any(String) }, paymentFailure: null })
    expect(paidClaim.history.map((h: { status: string }) => h.status)).toEqual(['submitted', 'approved', 'payment_in_progress', 'paid'])
    expect((await notesOf(paid.member.id)).at(-1)).toMatchObject({ kind: 'claim_paid', body: '6,200.00 元已支付，付款流水号 HX20261123000001。' })

    // Failed: back to approved, awaiting payment, the bank's reason on the claim, the member asked to correct the account.
    const failedClaim = (await app.api.get(`/api/v1/claims/${failed.id}`, { token: failed.member.token })).body
    expect(failedClaim).toMatchObject({ status: 'approved', payment: null, paymentFailure: { reason: '户名与账号不符', failedOn: '2026-11-23', accountChanged: false } })
    expect(failedClaim.history.at(-1)).toMatchObject({ status: 'approved', actorRole: 'staff', note: '打款未成功：户名与账号不符。请更正收款账户' })
    const notes = await notesOf(failed.member.id)
    expect(notes).toHaveLength(failedNotesBefore + 1)
    expect(notes.at(-1)).toMatchObject({
      kind: 'claim_payment_failed', subject_id: failed.id, title: '理赔款未能到账，请更正收款账户',
      body: `1,234.56 元打款到 中国工商银行西安雁塔支行 ${masked(failedNo)} 未成功：户名与账号不符。请在理赔详情中更正或更换收款账户。`,
    })
    // Unmatched lines changed nothing.
    expect([await status(wrongAmount.id), await status(elsewhere.id)]).toEqual(['payment_in_progress', 'approved'])
    const audit = await app.db.selectFrom('audit_log').selectAll().where('resource', '=', `claim_payment_results:${batch.id}`).execute()
    expect(audit.map((a) => [a.actor_user_id, a.action])).toEqual([[roles.staff.id, 'update']])

    // The same file again: what was recorded is counted, not repeated; no new message.
    const again = await importResults(app, roles.staff, batch.id, file)
    expect(again.body).toMatchObject({ paid: [], failed: [], alreadyRecorded: 2, batch: { pendingCount: 1, paidCount: 1, failedCount: 1 } })
    expect(await notesOf(failed.member.id)).toHaveLength(failedNotesBefore + 1)
    // A results line that contradicts a recorded one changes nothing either.
    const contradicts = await importResults(app, roles.staff, batch.id, await resultsXlsx([[`互助理赔 ${failed.id}`, failedNo, '1234.56', '成功', '', '2026-11-24', '']]))
    expect(contradicts.body.unmatched).toEqual([expect.objectContaining({ code: 'bank_result_conflicts', message: '这笔理赔已记录为“打款失败”，与本行不符' })])
    expect(await status(failed.id)).toBe('approved')

    // The member corrects the account; the claim goes into a new batch, whose bank file has the new account.
    const corrected = await addTestPayeeAccount(app, failed.member, { makeDefault: true })
    const chosen = await app.api.put(`/api/v1/claims/${failed.id}/payee-account`, { payeeAccountId: corrected }, { token: failed.member.token })
    expect(chosen.body).toMatchObject({ status: 'approved', payeeAccount: { id: corrected }, paymentFailure: { accountChanged: true } })
    const second = (await makeBatch(app, roles.staff, [failed.id])).body
    const bankFile = await downloadBankFile(app, roles.staff, second.id)
    expect(bankFile.rows[1]).toEqual(['赵敏', await accountNumber(app, corrected), '中国工商银行西安雁塔支行', '1234.56', `互助理赔 ${failed.id}`])
    // The first batch's file now holds only the line still awaiting the bank.
    expect((await downloadBankFile(app, roles.staff, batch.id)).rows.slice(1).map((r) => r[4])).toEqual([`互助理赔 ${wrongAmount.id}`])
  })

  test('lines read on their own: a masked account that differs, an unknown result, a bad or future date, a duplicate line, a number cell that lost digits', async () => {
    const a = await approvedClaim(app, roles.reviewer)
    const b = await approvedClaim(app, roles.reviewer)
    const batch = (await makeBatch(app, roles.staff, [a.id, b.id])).body
    const [aNo, bNo] = [await accountNumber(app, a.member.payeeAccountId), await accountNumber(app, b.member.payeeAccountId)]
    // Columns in the bank's own order, with a column we do not read and no 银行流水号 or 日期.
    const res = await importResults(app, roles.staff, batch.id, await resultsXlsx([
      ['1', '6200.00', '9999****0000', '成功', `${a.id}`],
      ['2', '6200.00', aNo, '处理中', `${a.id}`],
      ['3', '6200.00', bNo, '成功', b.id.toLowerCase().replace('clm_', 'CLM_')],
      ['4', '6200.00', bNo, '成功', `互助理赔 ${b.id}`],
      // eslint-disable-next-line no-loss-of-precision -- the point: a bank file that wrote the account as a number cell lost its last digits
      ['5', '6200.00', 6222021234567890128, '成功', `互助理赔 ${a.id}`],
    ], ['序号', '金额', '收款账号', '结果', '附言']))
    expect(res.status).toBe(200)
    expect(res.body.paid).toEqual([{ row: 4, claimId: b.id, settledOn: '2026-11-24' }])
    expect(res.body.unmatched.map((u: { row: number; code: string }) => [u.row, u.code])).toEqual([
      [2, 'bank_result_account_mismatch'], [3, 'bank_result_unknown'], [5, 'bank_result_duplicate'], [6, 'bank_result_account_lost_digits'],
    ])
    expect(res.body.unmatched[0].accountMasked).toBe('9999 **** **** 0000')
    // Without a serial number, the claim number the transfer carried is its reference.
    expect((await app.api.get(`/api/v1/claims/${b.id}`, { token: b.member.token })).body.payment).toMatchObject({ reference: b.id, paidOn: '2026-11-24' })

    const dates = await importResults(app, roles.staff, batch.id, await resultsXlsx([
      [`互助理赔 ${a.id}`, aNo, '6200.00', '成功', '', '2026-02-30', ''],
      [`互助理赔 ${a.id}`, aNo, '6200.00', '成功', '', '2099-01-01', ''],
    ]))
    expect(dates.body.unmatched.map((u: { code: string }) => u.code)).toEqual(['bank_result_date_invalid', 'bank_result_date_invalid'])
    expect(await status(a.id)).toBe('payment_in_progress')
  })

  test('files that cannot be used: a required column missing (422 naming it), not an xlsx, empty; an unknown batch 404: nothing changes', async () => {
    const a = await approvedClaim(app, roles.reviewer)
    const batch = (await makeBatch(app, roles.staff, [a.id])).body
    const missing = await importResults(app, roles.staff, batch.id, await resultsXlsx([[a.id, '6200.00']], ['附言', '金额']))
    expect([missing.status, missing.body.error.code, missing.body.error.message]).toEqual([422, 'claim_payment_results_columns_missing', '结果文件第一行缺少列：收款账号、结果'])
    const notXlsx = await importResults(app, roles.staff, batch.id, 'not a spreadsheet at all')
    expect([notXlsx.status, notXlsx.body.error.code]).toEqual([422, 'claim_payment_results_invalid_file'])
    const wrongType = await importResults(app, roles.staff, batch.id, await resultsXlsx([]), 'text/csv')
    expect([wrongType.status, wrongType.body.error.code]).toEqual([415, 'claim_payment_results_content_type'])
    const empty = await importResults(app, roles.staff, batch.id, await resultsXlsx([]))
    expect([empty.status, empty.body.error.code]).toEqual([422, 'claim_payment_results_empty'])
    const unknown = await importResults(app, roles.staff, 'cpb_01JAAAAAAAAAAAAAAAAAAAAAAA', await resultsXlsx([[a.id, '1', '6200.00', '成功']]))
    expect(unknown.status).toBe(404)
    expect(await status(a.id)).toBe('payment_in_progress')
  })

  test('nobody records the bank’s results for a batch holding a claim on their own cover (403, nothing changes)', async () => {
    const staffRider = await claimant(app, { profile: { name: '孙办事' } })
    await grantRoles(app, staffRider.id, ['staff'])
    const own = await approvedClaim(app, roles.reviewer, { member: staffRider })
    const batch = (await makeBatch(app, roles.staff, [own.id])).body
    const file = await resultsXlsx([[`互助理赔 ${own.id}`, await accountNumber(app, staffRider.payeeAccountId), '6200.00', '成功', '', '', '']])
    const refused = await importResults(app, staffRider, batch.id, file)
    expect([refused.status, refused.body.error.code, refused.body.error.details]).toEqual([403, 'claim_own_not_payable', [{ claimId: own.id }]])
    expect(await status(own.id)).toBe('payment_in_progress')
    expect((await importResults(app, roles.staff, batch.id, file)).body.paid).toHaveLength(1)
  })
})
