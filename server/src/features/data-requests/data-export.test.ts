import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import {
  claimStatuses, consentKinds, coverStates, dataExportActorKinds, dataExportSchema, documentKinds, enrolmentModes, enrolmentStatuses, eventKinds,
  fundingPayers, fundingSources, notificationKinds, occupations, sexes, type DataExport,
} from '@huzhu/shared'
import { startAppWithEveryRole, type EveryRole, type TestApp, type TestUser } from '../../../test/helpers'
import { memberWithHistory, type MemberWithHistory } from './data-requests.fixtures'

// Each member's history is a dozen requests (claims, a bank batch, medical records): seconds on a busy 2-core machine.
jest.setTimeout(60_000)

let app: TestApp
let roles: EveryRole
let alice: MemberWithHistory
let bob: MemberWithHistory
beforeAll(async () => {
  ;({ app, users: roles } = await startAppWithEveryRole())
  alice = await memberWithHistory(app, roles, '李爱丽')
  bob = await memberWithHistory(app, roles, '王博文')
  await app.outbox.drain()
})
afterAll(() => app.close())

const exportOf = async (user: TestUser) => {
  const res = await app.api.get('/api/v1/me/data-export', { token: user.token })
  expect(res.status).toBe(200)
  return { data: dataExportSchema.parse(res.body) as DataExport, text: res.text, headers: res.headers }
}
/** The codes the JSON export keeps for programs (the fixture's and their siblings'): none may reach a cell of the xlsx. */
const exportCodes = new Set<string>([
  ...claimStatuses, ...documentKinds, ...consentKinds, ...notificationKinds, ...occupations, ...sexes, ...enrolmentModes, ...enrolmentStatuses,
  ...coverStates, ...eventKinds, ...fundingSources, ...fundingPayers, ...dataExportActorKinds,
  'sms', 'wechat', 'transfer', 'wechat_pay', 'phone', 'enrolment', 'staff', 'reviewer', 'system', 'claim', 'true', 'false',
])
/** A sheet's rows as the member sees them: every cell as text, the first row the column titles. */
const rowsOf = (sheet: ExcelJS.Worksheet): string[][] => {
  const rows: string[][] = []
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
  return rows
}
/** A table sheet as records, by column title. */
const tableOf = (sheet: ExcelJS.Worksheet): Record<string, string>[] => {
  const [titles = [], ...rows] = rowsOf(sheet)
  return rows.map((row) => Object.fromEntries(titles.map((t, i) => [t, row[i] ?? ''])))
}
const tempFiles = () => {
  try {
    return readdirSync(join(app.dataDir, 'tmp')).length
  } catch {
    return 0
  }
}

describe('GET /api/v1/me/data-export: everything held about me', () => {
  test('holds every kind of record of mine, with the bank account masked', async () => {
    const { data, headers } = await exportOf(alice.member)
    expect(headers.get('content-disposition')).toMatch(/attachment/)
    expect(data.account).toMatchObject({ id: alice.member.id, phone: alice.member.phone })
    expect(data.sessions.length).toBeGreaterThan(0)
    expect(data.profile).toMatchObject({ name: '李爱丽', idNumber: alice.idNumber, masked: false })
    expect(data.persons).toEqual([expect.objectContaining({ id: alice.member.insuredPersonId, idNumber: alice.idNumber, via: 'enrolment' })])
    expect(data.enrolments.map((e) => e.id)).toEqual([alice.member.enrolmentId])
    expect(data.payments).toEqual([expect.objectContaining({ enrolmentId: alice.member.enrolmentId, channel: 'transfer' })])
    const paid = data.claims.find((c) => c.id === alice.paidClaimId)!
    expect(paid.status).toBe('paid')
    expect(paid.history.map((h) => h.status)).toEqual(expect.arrayContaining(['submitted', 'approved', 'paid']))
    expect(paid.documents.length).toBeGreaterThan(0)
    expect(paid.payment?.reference).toBe(alice.bankReference)
    expect(data.claims.map((c) => c.id).sort()).toEqual([alice.paidClaimId, alice.withdrawnClaimId].sort())
    expect(data.uploads.map((u) => u.id)).toContain(alice.looseUploadId)
    expect(data.uploads.filter((u) => u.claimId !== null).length).toBe(2)
    expect(data.payeeAccounts.map((a) => a.id).sort()).toEqual([alice.member.payeeAccountId, alice.unusedAccountId].sort())
    for (const account of data.payeeAccounts) expect(account.numberMasked).toMatch(/^\d{4} \*{4} \*{4} \d{4}$/)
    expect(data.medicalRecords).toEqual([expect.objectContaining({ hospital: '西安市第一医院', admittedOn: '2020-06-01', totalCostFen: 1_500_000 })])
    expect(data.consents.map((c) => c.kind).sort()).toEqual(['medical_data', 'sensitive_personal_info'])
    expect(data.auditEntries.some((e) => e.by === 'staff' && e.action === 'read')).toBe(true)
    expect(data.notifications.length).toBeGreaterThan(0)
  })

  test('holds who pays what of my enrolments and my hardship-worker flag in full; another member’s export holds neither', async () => {
    const enrolment = await app.db.selectFrom('enrolments').selectAll().where('id', '=', alice.member.enrolmentId).executeTakeFirstOrThrow()
    await app.db.deleteFrom('enrolment_shares').where('enrolment_id', '=', enrolment.id).execute()
    await app.db.insertInto('enrolment_shares').values([
      { enrolment_id: enrolment.id, payer: 'union', amount_fen: 3_000, payment_id: alice.paymentId, paid_at: '2026-11-20T02:00:00.000Z' },
      { enrolment_id: enrolment.id, payer: 'member', amount_fen: Number(enrolment.premium_fen) - 3_000, payment_id: null, paid_at: null },
    ]).execute()
    const flagged = await app.api.post('/api/v1/hardship-workers', { name: alice.name, idNumber: alice.idNumber, reason: '困难职工档案 2026-050' }, { token: roles.staff.token })
    expect(flagged.status).toBe(200)

    const { data } = await exportOf(alice.member)
    expect(data.fundingShares).toEqual([
      { enrolmentId: enrolment.id, payer: 'union', amountFen: 3_000, paidAt: '2026-11-20T02:00:00.000Z' },
      { enrolmentId: enrolment.id, payer: 'member', amountFen: Number(enrolment.premium_fen) - 3_000, paidAt: null },
    ])
    expect(data.hardshipWorker).toEqual({ name: alice.name, idNumber: alice.idNumber, reason: '困难职工档案 2026-050', flaggedAt: flagged.body.flaggedAt })
    const other = await exportOf(bob.member)
    expect(other.data.hardshipWorker).toBeNull()
    expect(other.data.fundingShares.map((s) => s.enrolmentId)).not.toContain(enrolment.id)
    // 3 exports an hour: the next tests' downloads start a fresh hour.
    app.clock.advance(3_601_000)
  })

  test('holds nothing of another person: no id, name, number, claim, photo or account of theirs', async () => {
    const { text } = await exportOf(alice.member)
    const bobProfile = await app.db.selectFrom('uploads').select('id').where('owner_user_id', '=', bob.member.id).execute()
    const bobs = [
      bob.member.id, bob.member.phone, bob.idNumber, bob.name, bob.paidClaimId, bob.withdrawnClaimId, bob.member.enrolmentId,
      bob.member.insuredPersonId, bob.member.payeeAccountId, bob.unusedAccountId, bob.paymentId, bob.bankReference, ...bobProfile.map((u) => u.id),
      roles.staff.id, roles.staff.phone, roles.reviewer.id, roles.reviewer.phone,
    ]
    for (const value of bobs) expect(text).not.toContain(value)
    // Nor a full account number of mine.
    const mine = await app.db.selectFrom('payee_accounts').select(['id', 'number_ciphertext']).where('user_id', '=', alice.member.id).execute()
    const { unseal } = await import('../../crypto/personal-data')
    for (const row of mine) expect(text).not.toContain(unseal(app.protector, 'payee_accounts.number', row.id, row.number_ciphertext))
  })

  test('staff get their own export from this route, never a member’s; there is no way to name another account', async () => {
    const { data, text } = await exportOf(roles.staff)
    expect(data.account.id).toBe(roles.staff.id)
    expect(data.claims).toEqual([])
    for (const value of [alice.member.id, alice.idNumber, alice.paidClaimId, alice.name]) expect(text).not.toContain(value)
    const spec = (await app.api.get('/api/v1/openapi.json')).body as { paths: Record<string, Record<string, { parameters?: unknown[] }>> }
    for (const path of ['/api/v1/me/data-export', '/api/v1/me/data-export.xlsx']) {
      expect(spec.paths[path]?.get).toBeDefined()
      expect(spec.paths[path]!.get!.parameters ?? []).toEqual([])
    }
    const other = await app.api.get(`/api/v1/me/data-export?userId=${alice.member.id}`, { token: roles.staff.token })
    expect(other.status).toBe(400)
    expect((await app.api.get('/api/v1/me/data-export')).status).toBe(401)
  })

  test('the xlsx has a sheet per kind of record, mine only; each download is audited and nothing is written to the temporary area', async () => {
    const before = tempFiles()
    const res = await fetch(`${app.baseUrl}/api/v1/me/data-export.xlsx`, { headers: { authorization: `Bearer ${alice.member.token}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/)
    expect(tempFiles()).toBe(before)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never)
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '说明', '账号', '登录记录', '实名信息', '参保人', '参保记录', '缴费', '保费分担', '困难职工标记', '线上支付', '理赔', '理赔进度', '理赔材料', '上传文件', '收款账户',
      '医保结算数据', '授权记录', '查看和修改记录', '消息', '删除申请',
    ])
    const cells = (name: string) => {
      const out: string[] = []
      workbook.getWorksheet(name)!.eachRow((row) => (row.values as unknown[]).forEach((v) => out.push(String(v ?? ''))))
      return out
    }
    expect(cells('实名信息')).toContain(alice.idNumber)
    expect(cells('理赔').filter((v) => v === alice.paidClaimId)).toHaveLength(1)
    // Who read what, in words: the staff member's read of the paid claim (not named), the fields it showed.
    const auditRows = rowsOf(workbook.getWorksheet('查看和修改记录')!)
    expect(auditRows[0]).toEqual(['时间', '操作人', '操作', '内容', '字段'])
    const staffRead = auditRows.find((r) => r[1] === '工会工作人员')
    expect(staffRead?.slice(2, 4)).toEqual(['查看', '理赔（医疗信息）'])
    expect(staffRead![4]!.split('、')).toEqual(expect.arrayContaining(['诊断', '费用金额']))
    expect(auditRows.find((r) => r[1] === '本人')?.slice(2, 4)).toEqual(['新增', '会员实名信息'])
    expect(auditRows.find((r) => r[2] === '导出')?.slice(1, 4)).toEqual(['本人', '导出', '本人数据下载 JSON 文件'])
    expect(auditRows.flat().filter((v) => ['self', 'staff', 'system', 'read', 'update'].includes(v) || /^[a-z_]+:/.test(v))).toEqual([])
    // In words a member reads: every column titled in Chinese, no code of ours in any cell, no JSON.
    const tables = workbook.worksheets.filter((s) => s.name !== '说明')
    const untitled = tables.flatMap((s) => (rowsOf(s)[0] ?? []).filter((title) => !/[\u4e00-\u9fff]/.test(title)).map((title) => `${s.name}: ${title}`))
    expect(untitled).toEqual([])
    const coded = tables.flatMap((s) => rowsOf(s).flat().filter((v) => exportCodes.has(v) || /^[a-z]+(_[a-z]+)+$/.test(v) || /^[{[]/.test(v)).map((v) => `${s.name}: ${v}`))
    expect(coded).toEqual([])
    const sheet = (name: string) => tableOf(workbook.getWorksheet(name)!)
    expect(sheet('登录记录')[0]).toMatchObject({ 登录方式: '手机号和短信验证码' })
    expect(sheet('实名信息')[0]).toMatchObject({ 性别: Number(alice.idNumber[16]) % 2 === 1 ? '男' : '女', 职业: '外卖员' })
    // The paid claim: its status, kind, figures and approved amount in yuan, the account it went to (masked, as on 收款账户), the bank's payment.
    const paidAccount = sheet('收款账户').find((a) => a['编号'] === alice.member.payeeAccountId)!
    expect(paidAccount['账号（隐去中间位）']).toMatch(/^6222 \*{4} \*{4} \d{4}$/)
    const claimRows = sheet('理赔')
    expect(claimRows.find((c) => c['理赔编号'] === alice.paidClaimId)).toMatchObject({
      状态: '已打款',
      理赔类型: '住院医疗',
      结算单上的金额: '医疗费用总额 15,000.00 元；统筹段个人自付 8,000.00 元；附加段个人自付 2,000.00 元',
      核定赔付: '6,200.00 元',
      赔付明细: expect.stringContaining('统筹段：统筹段自付 8,000.00 元 × 60% = 4,800.00 元'),
      收款账户: `中国工商银行西安雁塔支行 ${paidAccount['账号（隐去中间位）']}`,
      打款: `已于2026-11-23打款，流水号 ${alice.bankReference}`,
    })
    expect(claimRows.find((c) => c['理赔编号'] === alice.withdrawnClaimId)).toMatchObject({ 状态: '已撤回', 核定赔付: '' })
    const steps = sheet('理赔进度').filter((h) => h['理赔编号'] === alice.paidClaimId)
    expect(steps.map((h) => [h['状态'], h['处理人']])).toEqual([['已提交', '会员'], ['已核准', '审核员'], ['付款中', '工作人员'], ['已打款', '工作人员']])
    expect(sheet('理赔材料').map((d) => d['材料类别'])).toEqual(['发票', '发票'])
    // Who pays what (the shares the test above wrote), in yuan and China time; the flag's basis; what I consented to; what a message is about.
    expect(sheet('保费分担').map((s) => [s['付款方'], s['金额'], s['支付时间']])).toEqual([
      ['工会', '30.00 元', '2026-11-20 10:00:00'], ['本人', expect.stringMatching(/^\d[\d,]*\.\d\d 元$/), ''],
    ])
    expect(sheet('困难职工标记')[0]).toMatchObject({ 标记依据: '困难职工档案 2026-050' })
    expect(sheet('参保记录')[0]).toMatchObject({ 参保编号: alice.member.enrolmentId, 缴费状态: '已缴费', 保费: expect.stringMatching(/^\d[\d,]*\.\d\d 元$/) })
    expect(sheet('授权记录').map((c) => c['授权内容']).sort()).toEqual(['同意收集医疗费用和病历照片', '同意收集身份证号码等敏感个人信息'])
    expect(sheet('消息').map((n) => n['关于'])).toContain(`理赔 ${alice.paidClaimId}`)
    const all = workbook.worksheets.flatMap((s) => cells(s.name)).join('\n')
    for (const value of [bob.idNumber, bob.name, bob.paidClaimId, bob.member.phone]) expect(all).not.toContain(value)
    const audits = await app.db.selectFrom('audit_log').selectAll().where('subject_user_id', '=', alice.member.id).where('action', '=', 'export').execute()
    expect(audits.map((a) => a.resource)).toEqual(expect.arrayContaining(['personal_data_export:json', 'personal_data_export:xlsx']))
    expect(audits.every((a) => a.actor_user_id === alice.member.id)).toBe(true)
  })

  test('3 downloads an hour (JSON and xlsx together): the 4th is a 429 with Retry-After, counted all the same; an hour later it works again', async () => {
    const { member } = await memberWithHistory(app, roles, '赵限流')
    const get = (path: string) => app.api.get(path, { token: member.token })
    expect((await get('/api/v1/me/data-export')).status).toBe(200)
    expect((await get('/api/v1/me/data-export.xlsx')).status).toBe(200)
    expect((await get('/api/v1/me/data-export')).status).toBe(200)
    const refused = await get('/api/v1/me/data-export.xlsx')
    expect(refused.status).toBe(429)
    expect(refused.body.error.code).toBe('rate_limited')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    const audited = await app.db.selectFrom('audit_log').select('id').where('subject_user_id', '=', member.id).where('action', '=', 'export').execute()
    expect(audited).toHaveLength(3)
    app.clock.advance(3_601_000)
    expect((await get('/api/v1/me/data-export')).status).toBe(200)
  })
})
