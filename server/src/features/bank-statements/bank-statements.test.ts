import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import {
  createUnit, fillProfile, loginAs, rosterRow, rosterXlsx, setChinaDate, setUnitSelection, startAppWithEveryRole, XLSX,
  type EveryRole, type TestApp, type TestUser,
} from '../../../test/helpers'
import { checkCharacter } from './payment-code'

let app: TestApp
let users: EveryRole
beforeAll(async () => {
  ;({ app, users } = await startAppWithEveryRole())
  await setUnitSelection(app, users.unitId, 'shaanxi-gig-2023', ['ZY'])
})
afterAll(() => app.close())

type Cell = string | number | Date | null
const HEADER = ['交易日期', '付款人', '金额', '附言']

/** A bank statement: optional title rows, the header, the lines. */
async function statementXlsx(rows: Cell[][], header: readonly string[] = HEADER, above: Cell[][] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('交易明细')
  for (const row of above) sheet.addRow(row)
  sheet.addRow([...header])
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

const importStatement = (bytes: Buffer | Uint8Array, token = users.staff.token, type = XLSX) =>
  app.api.request('POST', '/api/v1/bank-statements', undefined, { token, headers: { 'content-type': type }, rawBody: new Uint8Array(bytes) })

const enrolment = async (id: string) => app.db.selectFrom('enrolments').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const paymentCount = async () => Number((await app.db.selectFrom('payments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

interface Line { row: number; result: string; message: string; codes: string[]; expectedFen: number | null; candidates: { code: string }[]; payment: { id: string; reference: string } | null }
const byRow = (body: { lines: Line[] }) => new Map(body.lines.map((l) => [l.row, l]))

/** A rider who enrolled alone and has not paid: the enrolment and the code the app shows them. */
async function riderAlone(name: string): Promise<{ member: TestUser; id: string; code: string }> {
  const member = await loginAs(app)
  await fillProfile(app, member, { name })
  const res = await app.api.post('/api/v1/me/enrolments', { catalogueId: 'shaanxi-gig-2023', products: ['ZY'] }, { token: member.token })
  expect([res.status, res.body.status]).toEqual([201, 'pending_payment'])
  expect(res.body.paymentCode).toMatch(/^HZ[2-9A-HJKMNP-Z]{8}$/)
  return { member, id: res.body.id, code: res.body.paymentCode }
}

/** A roster of `rows` people uploaded and imported for a unit (which pays it): its id. */
async function importedRoster(unitId: string, rows: number, token = users.staff.token): Promise<string> {
  const upload = await app.api.request('POST', `/api/v1/units/${unitId}/rosters?catalogueId=shaanxi-gig-2023`, undefined, {
    token, headers: { 'content-type': XLSX }, rawBody: new Uint8Array(await rosterXlsx(Array.from({ length: rows }, (_, i) => rosterRow(i + 1)))),
  })
  expect(upload.status).toBe(201)
  const imported = await app.api.post(`/api/v1/units/${unitId}/rosters/${upload.body.id}/import`, {}, { token })
  expect(imported.status).toBe(200)
  return upload.body.id
}

const unitCodes = async (unitId: string, token = users.staff.token) => {
  const res = await app.api.get(`/api/v1/units/${unitId}/payment-codes`, { token })
  expect(res.status).toBe(200)
  return res.body.codes as { code: string; kind: string; label: string; amountFen: number; enrolmentCount: number }[]
}

/** A code that is well formed (its check character holds) but was never issued. */
const unissued = () => `HZ2222222${checkCharacter('2222222')}`

describe('payment codes', () => {
  test('a self-enrolment carries its own code; a roster its unit pays has one, shown to the unit’s admin with the amount', async () => {
    const rider = await riderAlone('钱多多')
    const seen = await app.api.get(`/api/v1/enrolments/${rider.id}`, { token: rider.member.token })
    expect(seen.body.paymentCode).toBe(rider.code)

    const rosterId = await importedRoster(users.unitId, 3, users.unit_admin.token)
    const codes = await unitCodes(users.unitId, users.unit_admin.token)
    const roster = codes.find((c) => c.kind === 'roster')!
    expect(roster).toMatchObject({ code: expect.stringMatching(/^HZ/), amountFen: 30_000, enrolmentCount: 3, label: expect.stringContaining('参保名单') })
    // Each row of the roster shows the roster's code: that is what pays it.
    const rows = await app.db.selectFrom('enrolments').select('id').where('roster_id', '=', rosterId).execute()
    const row = await app.api.get(`/api/v1/enrolments/${rows[0]!.id}`, { token: users.staff.token })
    expect(row.body.paymentCode).toBe(roster.code)
    // Codes are unique, stored once per owner.
    const stored = await app.db.selectFrom('payment_codes').select(['code', 'roster_id']).where('roster_id', '=', rosterId).execute()
    expect(stored).toEqual([{ code: roster.code, roster_id: rosterId }])
    // Another unit's admin does not see them; a member neither.
    const other = await createUnit(app, '别的单位')
    expect((await app.api.get(`/api/v1/units/${other}/payment-codes`, { token: users.unit_admin.token })).status).toBe(403)
    expect((await app.api.get(`/api/v1/units/${users.unitId}/payment-codes`, { token: users.member.token })).status).toBe(403)
  })

  test('a roster whose members pay their own premiums: a code for each row, none for the roster; the unit’s admin sees the names masked', async () => {
    const unitId = await createUnit(app, '自费骑手站')
    await setUnitSelection(app, unitId, 'shaanxi-gig-2023', ['ZY'], 'member')
    const rosterId = await importedRoster(unitId, 2)
    const rows = await app.db.selectFrom('enrolments').select('id').where('roster_id', '=', rosterId).execute()
    const own = await app.db.selectFrom('payment_codes').select(['code', 'enrolment_id', 'roster_id']).where('enrolment_id', 'in', rows.map((r) => r.id)).execute()
    expect(own).toHaveLength(2)
    expect(await app.db.selectFrom('payment_codes').select('code').where('roster_id', '=', rosterId).execute()).toEqual([])
    const admin = await loginAs(app, { roles: [{ role: 'unit_admin', unitId }] })
    const shown = await unitCodes(unitId, admin.token)
    expect(shown.map((c) => [c.kind, c.label, c.amountFen]).sort()).toEqual([['enrolment', '自费骑手站 · 张*', 10_000], ['enrolment', '自费骑手站 · 张*', 10_000]])
    expect((await unitCodes(unitId)).map((c) => c.label)).toEqual(['自费骑手站 · 张三', '自费骑手站 · 张三'])
    const member = await app.api.get(`/api/v1/enrolments/${rows[0]!.id}`, { token: users.staff.token })
    expect(member.body.paymentCode).toBe(own.find((c) => c.enrolment_id === rows[0]!.id)!.code)
  })
})

describe('POST /api/v1/bank-statements', () => {
  test('exact match: a code and its amount pay the enrolment, dated from the day of the match; the rider is told; the import is audited', async () => {
    const rider = await riderAlone('孙小圣')
    expect(await enrolment(rider.id)).toMatchObject({ accepted_on: '2026-11-24', start_on: '2026-11-25' })
    // Transferred on the 25th, the statement imported on the 27th: the premium is known to be paid on the 27th.
    setChinaDate(app, '2026-11-27')
    const before = await paymentCount()
    const res = await importStatement(await statementXlsx([['2026-11-25', '孙小圣', '100.00', `参保费 ${rider.code.toLowerCase()} 孙小圣`]]))
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ lineCount: 1, matchedCount: 1, unmatchedCount: 0, matchedFen: 10_000, activatedCount: 1, paidOn: '2026-11-27' })
    const line = res.body.lines[0]
    expect(line).toMatchObject({ row: 2, date: '2026-11-25', payer: '孙小圣', amountFen: 10_000, result: 'matched', matchedBy: 'code', codes: [rider.code], expectedFen: 10_000 })
    expect(line.message).toBe('已入账：1 人的参保已生效')
    expect(await paymentCount()).toBe(before + 1)
    const payment = await app.db.selectFrom('payments').selectAll().where('id', '=', line.payment.id).executeTakeFirstOrThrow()
    expect(payment).toMatchObject({ channel: 'transfer', amount_fen: 10_000, payer: '孙小圣', enrolment_count: 1, confirmed_by: users.staff.id, catalogue_id: 'shaanxi-gig-2023' })
    expect(payment.reference).toBe(`2026-11-25 孙小圣 参保费 ${rider.code.toLowerCase()} 孙小圣`)
    // Cover never starts before the premium is paid: accepted the day of the match, cover from the next day.
    const paid = await enrolment(rider.id)
    expect(paid).toMatchObject({ status: 'active', payment_id: payment.id, accepted_on: '2026-11-27', start_on: '2026-11-28' })
    for (const from of Object.values(JSON.parse(paid.cover_from) as Record<string, string>)) expect(from >= '2026-11-28').toBe(true)
    const mine = await app.api.get(`/api/v1/enrolments/${rider.id}`, { token: rider.member.token })
    expect(mine.body).toMatchObject({ status: 'active', start: '2026-11-28', payment: { reference: payment.reference } })
    const messages = await app.api.get('/api/v1/me/notifications', { token: rider.member.token })
    expect(messages.body.notifications.map((n: { kind: string }) => n.kind)).toContain('enrolment_active')
    const audit = await app.db.selectFrom('audit_log').selectAll().where('resource', 'like', 'bank_statement:%').orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(audit).toMatchObject({ actor_user_id: users.staff.id, action: 'create' })
    // The uploaded file is not kept.
    expect(readdirSync(join(app.dataDir, 'tmp'))).toEqual([])
  })

  test('a unit’s roster paid by its code: every row turns active; the same statement again pays nothing twice', async () => {
    const unitId = await createUnit(app, '碑林骑手站')
    await setUnitSelection(app, unitId, 'shaanxi-gig-2023', ['ZY'])
    const rosterId = await importedRoster(unitId, 4)
    const [roster] = await unitCodes(unitId)
    const file = await statementXlsx([['2026-11-27', '碑林骑手站', 400, `${roster!.code} 保费`]])
    const first = await importStatement(file)
    expect(first.body.lines[0]).toMatchObject({ result: 'matched', expectedFen: 40_000 })
    expect(first.body.activatedCount).toBe(4)
    const rows = await app.db.selectFrom('enrolments').select(['status', 'payment_id']).where('roster_id', '=', rosterId).execute()
    expect(rows).toEqual(Array(4).fill({ status: 'active', payment_id: first.body.lines[0].payment.id }))
    expect(await unitCodes(unitId)).toEqual([])

    const payments = await paymentCount()
    const again = await importStatement(file)
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ matchedCount: 0, unmatchedCount: 1, activatedCount: 0 })
    expect(again.body.lines[0]).toMatchObject({ result: 'already_paid', payment: { id: first.body.lines[0].payment.id } })
    expect(again.body.lines[0].message).toContain('已经入账过')
    expect(await paymentCount()).toBe(payments)
  })

  test('unmatched lines say why, each with its row, and change nothing: amount differs, unknown code, no code, not a credit, unreadable', async () => {
    const rider = await riderAlone('周不符')
    const payments = await paymentCount()
    const res = await importStatement(await statementXlsx([
      ['2026-11-27', '周不符', '99.50', rider.code],
      ['2026-11-27', '周某', '100.00', `${unissued()} 保费`],
      ['2026-11-27', '无名氏', '100.00', '保费'],
      ['2026-11-27', '工会办事处', '-100.00', '理赔款'],
      ['昨天', '周不符', '100.00', rider.code],
      ['2026-11-27', '周不符', 'abc', rider.code],
    ]))
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ lineCount: 6, matchedCount: 0, unmatchedCount: 6, activatedCount: 0 })
    const lines = byRow(res.body)
    expect(lines.get(2)).toMatchObject({ result: 'amount_differs', expectedFen: 10_000, codes: [rider.code] })
    expect(lines.get(2)!.message).toBe(`金额不符：缴费识别码 ${rider.code} 应缴 100.00 元，到账 99.50 元，没有入账`)
    expect(lines.get(3)).toMatchObject({ result: 'unknown_reference', codes: [unissued()] })
    expect(lines.get(3)!.message).toContain(unissued())
    expect(lines.get(4)).toMatchObject({ result: 'unknown_reference', codes: [] })
    expect(lines.get(5)).toMatchObject({ result: 'not_credit' })
    expect(lines.get(6)).toMatchObject({ result: 'line_invalid', message: '交易日期无法识别' })
    expect(lines.get(7)).toMatchObject({ result: 'line_invalid', message: '金额无法识别：应为数字，最多两位小数' })
    expect(await paymentCount()).toBe(payments)
    expect(await enrolment(rider.id)).toMatchObject({ status: 'pending_payment', payment_id: null })
  })

  test('without a code: one pending roster whose unit is the payer and whose total is the amount is matched; two such are listed, none chosen', async () => {
    const single = await createUnit(app, '雁塔快递网点')
    await setUnitSelection(app, single, 'shaanxi-gig-2023', ['ZY'])
    const singleRoster = await importedRoster(single, 2)
    const twice = await createUnit(app, '长安外卖站')
    await setUnitSelection(app, twice, 'shaanxi-gig-2023', ['ZY'])
    await importedRoster(twice, 1)
    await importedRoster(twice, 1)
    const both = (await unitCodes(twice)).map((c) => c.code).sort()
    expect(both).toHaveLength(2)

    const res = await importStatement(await statementXlsx([
      ['2026-11-27', '雁塔 快递网点', '200.00', '11月保费'],
      ['2026-11-27', '长安外卖站', '100.00', '保费'],
    ]))
    const lines = byRow(res.body)
    expect(lines.get(2)).toMatchObject({ result: 'matched', matchedBy: 'payer', expectedFen: 20_000 })
    expect(lines.get(2)!.message).toContain('按付款人和金额对上“雁塔快递网点 参保名单')
    const rows = await app.db.selectFrom('enrolments').select('status').where('roster_id', '=', singleRoster).execute()
    expect(rows.map((r) => r.status)).toEqual(['active', 'active'])
    expect(lines.get(3)).toMatchObject({ result: 'two_candidates' })
    expect(lines.get(3)!.candidates.map((c) => c.code).sort()).toEqual(both)
    expect(lines.get(3)!.message).toContain('与 2 笔待缴费记录都相符')
    expect((await unitCodes(twice)).map((c) => c.code).sort()).toEqual(both)
  })

  test('the header is found under the bank’s title rows, by its common names: 对方户名, 收入金额 / 支出金额, 摘要 and 用途, date cells', async () => {
    const a = await riderAlone('吴一')
    const b = await riderAlone('吴二')
    const header = ['序号', '记账日期', '对方户名', '收入金额（元）', '支出金额（元）', '摘要', '用途']
    const res = await importStatement(await statementXlsx([
      [1, new Date(Date.UTC(2026, 10, 27)), '吴一', 100, null, '转账', `hz ${a.code.slice(2, 6)} ${a.code.slice(6)}`],
      [2, '2026/11/27 09:30:00', '某公司', null, '100.00', '代发', b.code],
      [3, '20261127', '吴二', '100', '', `ＰＡＹ ${b.code.replace(/./g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))}`, ''],
      ['合计', null, null, 200, 100, null, null],
    ], header, [['中国工商银行 账户明细'], ['账号：6222 **** 0128', '币种：人民币']]))
    expect(res.status).toBe(200)
    expect(res.body.lines.map((l: Line) => [l.row, l.result])).toEqual([[4, 'matched'], [5, 'not_credit'], [6, 'matched']])
    expect((await enrolment(a.id)).status).toBe('active')
    expect((await enrolment(b.id)).status).toBe('active')
  })

  test('a bad file is refused with a clear code and changes nothing', async () => {
    const payments = await paymentCount()
    const notXlsx = await importStatement(Buffer.from('交易日期,付款人,金额,附言\n2026-11-27,张三,100.00,HZ'))
    expect([notXlsx.status, notXlsx.body.error.code]).toEqual([422, 'bank_statement_invalid_file'])
    expect(notXlsx.body.error.message).toContain('.xlsx')
    const missing = await importStatement(await statementXlsx([['2026-11-27', '张三', '100.00']], ['交易日期', '收款人', '金额']))
    expect([missing.status, missing.body.error.code]).toEqual([422, 'bank_statement_columns_missing'])
    expect(missing.body.error.message).toContain('付款人、附言')
    expect(missing.body.error.details.map((d: { column: string }) => d.column)).toEqual(['付款人', '附言/摘要'])
    const empty = await importStatement(await statementXlsx([]))
    expect([empty.status, empty.body.error.code]).toEqual([422, 'bank_statement_empty'])
    const type = await importStatement(await statementXlsx([]), users.staff.token, 'text/csv')
    expect([type.status, type.body.error.code]).toEqual([415, 'bank_statement_content_type'])
    expect(await paymentCount()).toBe(payments)
    expect(readdirSync(join(app.dataDir, 'tmp'))).toEqual([])
  })

  test('only office staff and admins import: a unit admin and a member are refused', async () => {
    const rider = await riderAlone('郑无权')
    const file = await statementXlsx([['2026-11-27', '郑无权', '100.00', rider.code]])
    for (const user of [users.unit_admin, users.member, rider.member, users.reviewer]) {
      const res = await importStatement(file, user.token)
      expect([res.status, res.body.error.code]).toEqual([403, 'forbidden'])
    }
    expect((await enrolment(rider.id)).status).toBe('pending_payment')
    expect((await importStatement(file, users.admin.token)).body.matchedCount).toBe(1)
  })
})
