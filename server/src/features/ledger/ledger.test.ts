import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { fundingSourceLabels, ledgerUi, type FundingSource, type LedgerFigures, type LedgerRow } from '@huzhu/shared'
import {
  accountNumber, approvedClaim, fillProfile, freshIdNumber, importResults, loginAs, makeBatch, resultsXlsx, setUnitSelection,
  startAppWithWechatPay, XLSX, type EveryRole, type FakeWechatPay, type TestApp, type TestUser,
} from '../../../test/helpers'
import { expireUnpaidEnrolments, runPaymentJobs } from '../payments/payment-jobs.service'

/**
 * The premium and payout ledger against a data set made through the API as
 * people make it: riders paying online (the fake WeChat Pay), a unit's transfer
 * matched from a bank statement, transfers confirmed at the office (one paying
 * for a union gift and a rider together), a refund, claims paid and one the
 * bank returned, over two China days and two catalogues (and the claims'
 * third), with records just outside the range on both sides. Every figure is
 * counted here again from the records themselves.
 */
const A = 'shaanxi-gig-2023'
const B = 'shaanxi-gig-copy'
const shaanxi = JSON.parse(readFileSync(join(__dirname, '../../../../shared/catalogues/shaanxi-gig-2023.json'), 'utf8')) as { products: { priceFen: number }[] }
const copy = { ...shaanxi, id: B, name: '陕西新就业形态互助保障（测试副本）', products: shaanxi.products.map((p) => ({ ...p, priceFen: 12_000 })) }

const D1 = '2026-11-24'
const D2 = '2026-11-25'

let app: TestApp
let users: EveryRole
let fake: FakeWechatPay
beforeAll(async () => {
  ;({ app, users, fake } = await startAppWithWechatPay({ catalogueFiles: { 'copy.json': copy } }))
  await buildDataSet()
}, 120_000)
afterAll(async () => {
  await app.close()
  await fake.close()
})

/** The test clock at a China wall-clock time (UTC+8). */
const atChina = (day: string, time: string) => app.clock.set(new Date(Date.parse(`${day}T${time}:00.000+08:00`)).toISOString())

async function rider(catalogueId: string, extra: Record<string, unknown> = {}): Promise<{ user: TestUser; id: string; code: string }> {
  const user = await loginAs(app)
  await fillProfile(app, user)
  const res = await app.api.post('/api/v1/me/enrolments', { catalogueId, products: ['ZY'], ...extra }, { token: user.token })
  expect([res.status, res.body.status]).toEqual([201, 'pending_payment'])
  return { user, id: res.body.id, code: res.body.paymentCode }
}

/** A rider enrols alone and pays at once through the fake WeChat Pay's H5 cashier. */
async function paidOnline(catalogueId: string): Promise<string> {
  const { user, id } = await rider(catalogueId)
  const order = await app.api.post(`/api/v1/enrolments/${id}/payment-orders`, { channel: 'h5', returnPath: '/enrol/card/index' }, { token: user.token })
  expect(order.status).toBe(201)
  expect(await fake.pay(order.body.id)).toBe(204)
  return id
}

async function confirmTransfer(catalogueId: string, enrolmentIds: string[], amountFen: number, reference: string): Promise<void> {
  const res = await app.api.post('/api/v1/payments', { catalogueId, reference, amountFen, enrolmentIds }, { token: users.staff.token })
  expect(res.status).toBe(201)
}

async function statementXlsx(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('交易明细')
  sheet.addRow(['交易日期', '付款人', '金额', '附言'])
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

const claims: Record<'c1' | 'c2' | 'c3', string> = { c1: '', c2: '', c3: '' }

async function buildDataSet(): Promise<void> {
  // The day before, a minute before midnight in China (15:58 UTC): outside the range.
  atChina('2026-11-23', '23:58')
  await paidOnline(A)

  // D1: a rider pays online; the unit's two new hires are paid by one transfer matched from the bank statement.
  atChina(D1, '10:00')
  await paidOnline(A)
  await setUnitSelection(app, users.unitId, A, ['ZY'], 'unit')
  const hire = (n: number) => app.api.post(`/api/v1/units/${users.unitId}/new-hires`, {
    name: `新人${'一二'[n - 1]}`, idNumber: freshIdNumber(), mobile: `1391234567${n}`, occupation: 'courier', platform: '顺丰', basicMedicalInsurance: true, unionMember: true,
  }, { token: users.staff.token })
  const hires = [await hire(1), await hire(2)]
  expect(hires.map((h) => h.status)).toEqual([201, 201])
  const statement = await app.api.request('POST', '/api/v1/bank-statements', undefined, {
    token: users.staff.token, headers: { 'content-type': XLSX },
    rawBody: new Uint8Array(await statementXlsx([[D1, '测试快递站', '200.00', `${hires[0]!.body.paymentCode} ${hires[1]!.body.paymentCode}`]])),
  })
  expect([statement.status, statement.body.matchedCount]).toEqual([200, 1])
  // D1, two minutes before midnight in China (15:58 UTC): a transfer confirmed at the office, plan B.
  const late = await rider(B)
  atChina(D1, '23:58')
  await confirmTransfer(B, [late.id], 12_000, 'B-2026-11-24-01')

  // D2, a minute after midnight in China (still 2026-11-24 in UTC): a rider pays online, plan B.
  atChina(D2, '00:01')
  await paidOnline(B)
  // D2: a payment that comes in for an enrolment that expired meanwhile (made a week before): recorded, then refunded in full.
  atChina('2026-11-18', '09:00')
  const expiring = await rider(A)
  atChina(D2, '08:30')
  const lateOrder = await app.api.post(`/api/v1/enrolments/${expiring.id}/payment-orders`, { channel: 'h5', returnPath: '/enrol/card/index' }, { token: expiring.user.token })
  expect(lateOrder.status).toBe(201)
  atChina(D2, '09:01')
  await app.db.transaction().execute((trx) => expireUnpaidEnrolments(trx, app.deps))
  atChina(D2, '08:59')
  expect(await fake.pay(lateOrder.body.id)).toBe(204)
  expect(await app.db.selectFrom('enrolments').select(['status', 'payment_id']).where('id', '=', expiring.id).executeTakeFirst()).toEqual({ status: 'cancelled', payment_id: null })
  // D2: a rider pays online and is cancelled before the cover starts: refunded.
  atChina(D2, '10:00')
  const cancelled = await paidOnline(A)
  expect((await app.api.post(`/api/v1/enrolments/${cancelled}/cancel`, {}, { token: users.staff.token })).status).toBe(200)
  await runPaymentJobs(app.deps)
  const refunded = await app.db.selectFrom('payment_refunds').select(['enrolment_id', 'status']).where('enrolment_id', 'in', [cancelled, expiring.id]).orderBy('id').execute()
  expect(refunded).toEqual([{ enrolment_id: expiring.id, status: 'succeeded' }, { enrolment_id: cancelled, status: 'succeeded' }])
  // D2: one transfer pays an outreach event's union gift and a rider who pays for themself.
  const event = await app.api.post('/api/v1/events', { name: '宣讲会', place: '小寨', date: D2, unitId: null, catalogueId: A, products: ['ZY'], fundingSource: 'union_gift', gift: { limit: 10, products: ['ZY'], from: D2, to: D2 } }, { token: users.staff.token })
  expect(event.status).toBe(201)
  const gift = await rider(A, { eventId: event.body.id })
  const self = await rider(A)
  await confirmTransfer(A, [gift.id, self.id], 20_000, 'A-2026-11-25-01')

  // The day after, a minute after midnight: outside the range.
  atChina('2026-11-26', '00:01')
  await paidOnline(A)

  // Claims (plan shanghai-2020), the bank's results imported the day after (dated by the bank): c1 paid on D1;
  // c2 (its cover funded by a unit) returned on D2, then paid on D2; c3 paid the day after.
  atChina('2026-11-26', '12:00')
  const c1 = await approvedClaim(app, users.reviewer)
  const c2 = await approvedClaim(app, users.reviewer, { amountFen: 123_456 })
  const c3 = await approvedClaim(app, users.reviewer)
  Object.assign(claims, { c1: c1.id, c2: c2.id, c3: c3.id })
  await app.db.updateTable('enrolments').set({ funding_source: 'unit' }).where('id', '=', c2.member.enrolmentId).execute()
  const number = (c: typeof c1) => accountNumber(app, c.member.payeeAccountId)
  const first = (await makeBatch(app, users.staff, [c1.id, c2.id, c3.id])).body
  const results = await importResults(app, users.staff, first.id, await resultsXlsx([
    [`互助理赔 ${c1.id}`, await number(c1), '6200.00', '成功', '', D1, 'HX-1'],
    [`互助理赔 ${c2.id}`, await number(c2), '1234.56', '失败', '户名与账号不符', D2, ''],
    [`互助理赔 ${c3.id}`, await number(c3), '6200.00', '成功', '', '2026-11-26', 'HX-3'],
  ]))
  expect([results.status, results.body.paid.length, results.body.failed.length, results.body.unmatched]).toEqual([200, 2, 1, []])
  const second = (await makeBatch(app, users.staff, [c2.id])).body
  const again = await importResults(app, users.staff, second.id, await resultsXlsx([[`互助理赔 ${c2.id}`, await number(c2), '1234.56', '成功', '', D2, 'HX-2']]))
  expect(again.body.paid).toHaveLength(1)
}

const ledger = (query: string, token = users.staff.token) => app.api.get(`/api/v1/ledger?${query}`, { token })

/** The China date of an ISO instant, counted here without the server's day boundaries. */
const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10)
const zero = (): LedgerFigures => ({
  paidEnrolmentCount: 0, premiumsOnlineFen: 0, premiumsTransferFen: 0, refundCount: 0, refundsFen: 0, netPremiumsFen: 0,
  claimsPaidCount: 0, claimsPaidFen: 0, claimsFailedCount: 0, claimsFailedFen: 0,
})
type Key = Pick<LedgerRow, 'day' | 'catalogueId' | 'fundingSource'>

/** The ledger counted from the raw records, row by row, in plain code. */
async function countedFromRecords(from: string, to: string, catalogueId?: string): Promise<(Key & LedgerFigures)[]> {
  const rows = new Map<string, Key & LedgerFigures>()
  const row = (day: string, catalogue: string, funding: string | null) => {
    const key = `${day}|${catalogue}|${funding}`
    if (!rows.has(key)) rows.set(key, { day, catalogueId: catalogue, fundingSource: funding as FundingSource | null, ...zero() })
    return rows.get(key)!
  }
  const within = (day: string, catalogue: string) => day >= from && day <= to && (catalogueId === undefined || catalogue === catalogueId)
  const enrolments = new Map((await app.db.selectFrom('enrolments').selectAll().execute()).map((e) => [e.id, e]))
  const orders = await app.db.selectFrom('payment_orders').selectAll().execute()
  const links = await app.db.selectFrom('payment_order_enrolments').selectAll().execute()
  for (const p of await app.db.selectFrom('payments').selectAll().execute()) {
    const day = chinaDay(p.confirmed_at)
    if (!within(day, p.catalogue_id)) continue
    const online = p.channel === 'wechat_pay'
    const order = orders.find((o) => o.payment_id === p.id)
    const paidFor = online ? links.filter((l) => l.order_id === order?.id).map((l) => enrolments.get(l.enrolment_id)!) : [...enrolments.values()].filter((e) => e.payment_id === p.id)
    // Each payment record is exactly the premiums of the enrolments it paid for.
    expect(paidFor.reduce((s, e) => s + e.premium_fen, 0)).toBe(p.amount_fen)
    for (const e of paidFor) {
      const r = row(day, p.catalogue_id, e.funding_source)
      if (online) r.premiumsOnlineFen += e.premium_fen
      else r.premiumsTransferFen += e.premium_fen
      r.paidEnrolmentCount++
    }
  }
  for (const refund of await app.db.selectFrom('payment_refunds').selectAll().where('status', '=', 'succeeded').execute()) {
    const catalogue = orders.find((o) => o.id === refund.order_id)!.catalogue_id
    const day = chinaDay(refund.done_at!)
    if (!within(day, catalogue)) continue
    const r = row(day, catalogue, refund.enrolment_id === null ? null : enrolments.get(refund.enrolment_id)!.funding_source)
    r.refundsFen += refund.amount_fen
    r.refundCount++
  }
  const claimRows = new Map((await app.db.selectFrom('claims').selectAll().execute()).map((c) => [c.id, c]))
  for (const line of await app.db.selectFrom('claim_payment_lines').selectAll().execute()) {
    const claim = claimRows.get(line.claim_id)!
    if (line.result === 'pending' || !within(line.settled_on!, claim.catalogue_id)) continue
    const r = row(line.settled_on!, claim.catalogue_id, enrolments.get(claim.enrolment_id)!.funding_source)
    if (line.result === 'paid') {
      r.claimsPaidFen += line.amount_fen
      r.claimsPaidCount++
    } else {
      r.claimsFailedFen += line.amount_fen
      r.claimsFailedCount++
    }
  }
  for (const r of rows.values()) r.netPremiumsFen = r.premiumsOnlineFen + r.premiumsTransferFen - r.refundsFen
  const sortKey = (r: Key) => `${r.day}|${r.catalogueId}|${r.fundingSource === null ? 9 : ['union_gift', 'unit', 'member', 'split'].indexOf(r.fundingSource)}`
  return [...rows.values()].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))
}

const figuresOf = ({ catalogueName: _name, ...row }: LedgerRow) => row
const sumOf = (rows: readonly LedgerFigures[]) => rows.reduce((t, r) => {
  for (const k of Object.keys(t) as (keyof LedgerFigures)[]) t[k] += r[k]
  return t
}, zero())

describe('GET /api/v1/ledger', () => {
  test('per day, catalogue and funding source: every figure as the records count it, China days, the range’s edges', async () => {
    const res = await ledger(`from=${D1}&to=${D2}`)
    expect(res.status).toBe(200)
    const rows = res.body.rows as LedgerRow[]
    expect(rows.map(figuresOf)).toEqual(await countedFromRecords(D1, D2))
    // What the data set holds, figure by figure (A: 100.00 a person, B: 120.00; claims on shanghai-2020).
    const f = (figures: Partial<LedgerFigures>) => ({ ...zero(), ...figures })
    expect(rows.map(({ day, catalogueId, fundingSource, catalogueName: _n, ...figures }) => [day, catalogueId, fundingSource, figures])).toEqual([
      [D1, A, 'unit', f({ paidEnrolmentCount: 2, premiumsTransferFen: 20_000, netPremiumsFen: 20_000 })],
      [D1, A, 'member', f({ paidEnrolmentCount: 1, premiumsOnlineFen: 10_000, netPremiumsFen: 10_000 })],
      [D1, B, 'member', f({ paidEnrolmentCount: 1, premiumsTransferFen: 12_000, netPremiumsFen: 12_000 })],
      [D1, 'shanghai-2020', 'member', f({ claimsPaidCount: 1, claimsPaidFen: 620_000 })],
      [D2, A, 'union_gift', f({ paidEnrolmentCount: 1, premiumsTransferFen: 10_000, netPremiumsFen: 10_000 })],
      [D2, A, 'member', f({ paidEnrolmentCount: 3, premiumsOnlineFen: 20_000, premiumsTransferFen: 10_000, refundCount: 2, refundsFen: 20_000, netPremiumsFen: 10_000 })],
      [D2, B, 'member', f({ paidEnrolmentCount: 1, premiumsOnlineFen: 12_000, netPremiumsFen: 12_000 })],
      [D2, 'shanghai-2020', 'unit', f({ claimsPaidCount: 1, claimsPaidFen: 123_456, claimsFailedCount: 1, claimsFailedFen: 123_456 })],
    ])
    expect(rows.find((r) => r.catalogueId === B)!.catalogueName).toBe(copy.name)
    expect(res.body).toMatchObject({ from: D1, to: D2, catalogueId: null, totals: sumOf(rows.map(figuresOf)) })
  })

  test('the totals add up to the payment records less the refunds, and to the paid claims’ amounts', async () => {
    const { totals } = (await ledger(`from=${D1}&to=${D2}`)).body as { totals: LedgerFigures }
    const payments = (await app.db.selectFrom('payments').selectAll().execute()).filter((p) => [D1, D2].includes(chinaDay(p.confirmed_at)))
    expect(payments).toHaveLength(7)
    const refunds = (await app.db.selectFrom('payment_refunds').selectAll().where('status', '=', 'succeeded').execute()).filter((r) => [D1, D2].includes(chinaDay(r.done_at!)))
    const received = payments.reduce((s, p) => s + p.amount_fen, 0)
    const refunded = refunds.reduce((s, r) => s + r.amount_fen, 0)
    expect([received, refunded]).toEqual([94_000, 20_000])
    expect(totals.premiumsOnlineFen + totals.premiumsTransferFen).toBe(received)
    expect(totals.netPremiumsFen).toBe(received - refunded)
    expect(totals.paidEnrolmentCount).toBe(payments.reduce((s, p) => s + p.enrolment_count, 0))
    // No money is left without the enrolment it paid for.
    expect((await ledger(`from=${D1}&to=${D2}`)).body.rows.filter((r: LedgerRow) => r.fundingSource === null)).toEqual([])
    // Claims paid: the claims now paid whose bank date is in the range (c3 was paid the day after).
    const paid = await app.db.selectFrom('claims').select(['id', 'approved_fen']).where('status', '=', 'paid').execute()
    expect(paid.map((c) => c.id).sort()).toEqual([claims.c1, claims.c2, claims.c3].sort())
    expect(totals.claimsPaidFen).toBe(paid.filter((c) => c.id !== claims.c3).reduce((s, c) => s + c.approved_fen!, 0))
    expect([totals.claimsPaidCount, totals.claimsFailedCount, totals.claimsFailedFen]).toEqual([2, 1, 123_456])
  })

  test('one day, one catalogue: only its rows, its totals', async () => {
    const day2 = await ledger(`from=${D2}&to=${D2}`)
    expect(day2.body.rows.map(figuresOf)).toEqual(await countedFromRecords(D2, D2))
    expect(day2.body.rows.every((r: LedgerRow) => r.day === D2)).toBe(true)
    const planB = await ledger(`from=${D1}&to=${D2}&catalogueId=${B}`)
    expect(planB.body.rows.map(figuresOf)).toEqual(await countedFromRecords(D1, D2, B))
    expect(planB.body).toMatchObject({ catalogueId: B, totals: { premiumsOnlineFen: 12_000, premiumsTransferFen: 12_000, paidEnrolmentCount: 2, claimsPaidFen: 0 } })
    // The days outside: the payments just before and after midnight are theirs.
    expect((await ledger('from=2026-11-23&to=2026-11-23')).body.totals).toMatchObject({ premiumsOnlineFen: 10_000, paidEnrolmentCount: 1 })
    expect((await ledger('from=2026-11-26&to=2026-11-26')).body.totals).toMatchObject({ premiumsOnlineFen: 10_000, claimsPaidCount: 1, claimsPaidFen: 620_000 })
    expect((await ledger('from=2026-10-01&to=2026-10-31')).body).toMatchObject({ rows: [], totals: zero() })
  })

  test('a bad range: 400 with a code, for people a Chinese message; an unknown catalogue 422', async () => {
    const reversed = await ledger(`from=${D2}&to=${D1}`)
    expect([reversed.status, reversed.body.error.code, reversed.body.error.message]).toEqual([400, 'ledger_range_reversed', '开始日期不能晚于结束日期'])
    const long = await ledger('from=2025-11-24&to=2026-11-25')
    expect([long.status, long.body.error.code, long.body.error.message]).toEqual([400, 'ledger_range_too_long', '一次最多查询 366 天，请缩短日期范围'])
    expect((await ledger('from=2025-11-25&to=2026-11-25')).status).toBe(200)
    const notADate = await ledger(`from=2026-02-30&to=${D2}`)
    expect([notADate.status, notADate.body.error.code, notADate.body.error.details]).toEqual([400, 'validation_failed', [expect.objectContaining({ path: 'from', code: 'date_invalid' })]])
    expect((await ledger(`to=${D2}`)).body.error.code).toBe('validation_failed')
    const unknown = await ledger(`from=${D1}&to=${D2}&catalogueId=nope`)
    expect([unknown.status, unknown.body.error.code]).toEqual([422, 'unknown_catalogue'])
    const xlsx = await fetch(`${app.baseUrl}/api/v1/ledger.xlsx?from=${D2}&to=${D1}`, { headers: { authorization: `Bearer ${users.staff.token}` } })
    expect([xlsx.status, ((await xlsx.json()) as { error: { code: string } }).error.code]).toEqual([400, 'ledger_range_reversed'])
  })

  test('office staff and admins only: anyone else 403', async () => {
    for (const role of ['member', 'unit_admin', 'reviewer'] as const) {
      const res = await ledger(`from=${D1}&to=${D2}`, users[role].token)
      expect([res.status, res.body.error.code]).toEqual([403, 'forbidden'])
      const file = await fetch(`${app.baseUrl}/api/v1/ledger.xlsx?from=${D1}&to=${D2}`, { headers: { authorization: `Bearer ${users[role].token}` } })
      expect(file.status).toBe(403)
    }
    expect((await ledger(`from=${D1}&to=${D2}`, users.admin.token)).status).toBe(200)
  })
})

describe('GET /api/v1/ledger.xlsx', () => {
  test('the same figures in yuan, one row each, then 合计; the download is audited', async () => {
    const json = (await ledger(`from=${D1}&to=${D2}`)).body as { rows: LedgerRow[]; totals: LedgerFigures }
    const res = await fetch(`${app.baseUrl}/api/v1/ledger.xlsx?from=${D1}&to=${D2}`, { headers: { authorization: `Bearer ${users.staff.token}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(XLSX)
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('收支台账-2026-11-24-2026-11-25.xlsx'))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never)
    const sheet = workbook.getWorksheet(ledgerUi.sheet)!
    const cells: unknown[][] = []
    sheet.eachRow((row) => cells.push((row.values as unknown[]).slice(1)))
    expect(cells[0]).toEqual(Object.values(ledgerUi.columns))
    const money = [4, 5, 7, 8, 10, 12]
    // Back to fen: each amount is a number of yuan with two decimals.
    const asFigures = (row: unknown[]) => row.slice(3).map((v, i) => (money.includes(i + 3) ? Math.round((v as number) * 100) : v))
    const figureList = (f: LedgerFigures) => [f.paidEnrolmentCount, f.premiumsOnlineFen, f.premiumsTransferFen, f.refundCount, f.refundsFen, f.netPremiumsFen, f.claimsPaidCount, f.claimsPaidFen, f.claimsFailedCount, f.claimsFailedFen]
    expect(cells.slice(1, -1).map((row) => [row[0], row[1], row[2], ...asFigures(row)])).toEqual(json.rows.map((r) => [
      r.day, r.catalogueName, r.fundingSource === null ? ledgerUi.fundingUnknown : fundingSourceLabels[r.fundingSource], ...figureList(r),
    ]))
    const totals = cells.at(-1)!
    expect([totals[0], ...asFigures(totals)]).toEqual([ledgerUi.totals, ...figureList(json.totals)])
    expect(totals[4]).toBe(420)
    expect(sheet.getRow(2).getCell(5).numFmt).toBe('#,##0.00')
    const notes: unknown[][] = []
    workbook.getWorksheet(ledgerUi.notesSheet)!.eachRow((row) => notes.push((row.values as unknown[]).slice(1)))
    expect(notes.slice(0, 2)).toEqual([[ledgerUi.notes.period, `${D1} 至 ${D2}`], [ledgerUi.notes.catalogue, ledgerUi.allCatalogues]])

    const audit = await app.db.selectFrom('audit_log').selectAll().where('resource', '=', `ledger:${D1}:${D2}:all`).execute()
    expect(audit.map((a) => [a.actor_user_id, a.action])).toEqual([[users.staff.id, 'export']])
  })
})
