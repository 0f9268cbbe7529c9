import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { addDays, medicalRecordColumns } from '@huzhu/shared'
import {
  claimant, freshIdNumber, loginAs, startTestApp, submitTestClaim, XLSX, type Claimant, type TestApp, type TestUser,
} from '../../../test/helpers'
import { lyingSizeRoster, sharedStringsBomb, sheetRow, xlsxWith } from '../../../test/helpers/xlsx-files'
import { hashIdNumber } from '../../crypto/personal-data'
import type { MedicalRecordLine } from './medical-records-file'
import { importMedicalRecords } from './medical-records.service'

let app: TestApp
let staff: TestUser
beforeAll(async () => {
  app = await startTestApp()
  staff = await loginAs(app, { roles: ['staff'] })
})
afterAll(() => app.close())

type Cell = string | number | Date | null

/** An xlsx with the medical-insurance header and these rows; the ID column as text. */
async function recordsXlsx(rows: Cell[][], header: readonly string[] = medicalRecordColumns): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('医保结算')
  sheet.getColumn(1).numFmt = '@'
  sheet.addRow([...header])
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The record of the helpers' A0 inpatient claim (2020-06-01; 15,000.00 total, 8,000.00 pooled, 2,000.00 supplementary). */
const matchingRow = (idNumber: string, over: Partial<Record<number, Cell>> = {}): Cell[] => {
  const row: Cell[] = [idNumber, '西安市第一医院', '2020-06-01', '2020-06-13', '15000.00', '8000', '2000.00', '0']
  for (const [i, v] of Object.entries(over)) row[Number(i)] = v ?? null
  return row
}

const upload = (body: Buffer, token = staff.token, contentType = XLSX) =>
  app.api.request('POST', '/api/v1/medical-records', undefined, { token, headers: { 'content-type': contentType }, rawBody: body })

const recordCount = async () => Number((await app.db.selectFrom('medical_records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

async function member(): Promise<Claimant & { idNumber: string }> {
  const idNumber = freshIdNumber()
  return { ...(await claimant(app, { profile: { idNumber } })), idNumber }
}

const claimAsStaff = async (id: string) => (await app.api.get(`/api/v1/claims/${id}`, { token: staff.token })).body

describe('POST /api/v1/medical-records', () => {
  test('checks every row: one bad row and nothing is imported, every error listed with row, column and a Chinese reason', async () => {
    const before = await recordCount()
    const good = freshIdNumber()
    const badChecksum = good.slice(0, 17) + (good[17] === '0' ? '1' : '0')
    const res = await upload(await recordsXlsx([
      matchingRow(good),
      matchingRow(badChecksum),
      matchingRow(freshIdNumber(), { 2: '2020-02-30', 5: '12.345' }),
      matchingRow(freshIdNumber(), { 1: '', 3: '2020-05-01' }),
      matchingRow(freshIdNumber(), { 4: '100.00' }),
      matchingRow(good),
      [Number(freshIdNumber().slice(0, 15)), '医院', '2020-06-01', '2020-06-02', '1', '0', '0', '0'],
    ]))
    expect(res.status).toBe(200)
    expect(res.body.rowCount).toBe(7)
    expect(res.body.importedCount).toBe(0)
    expect(res.body.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
      [3, '身份证号码', 'id_checksum'],
      [4, '入院日期', 'medical_record_date_invalid'],
      [4, '统筹段自付', 'medical_record_amount_invalid'],
      [5, '医院', 'medical_record_hospital_required'],
      [5, '出院日期', 'medical_record_discharge_before_admission'],
      [6, '医疗费用总额', 'medical_record_amounts_exceed_total'],
      [7, '身份证号码', 'medical_record_duplicate_row'],
      [8, '身份证号码', 'id_lost_digits'],
    ])
    for (const e of res.body.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/)
    expect(res.body.errors[6].message).toContain('第 2 行')
    expect(await recordCount()).toBe(before)
    // The uploaded file (ID numbers in clear) is not kept, not even in the data folder's temporary area.
    expect(readdirSync(join(app.dataDir, 'tmp'))).toEqual([])
  })

  test('a wrong header is an error of row 1; a file that is not an xlsx, or not sent as one, is refused', async () => {
    const header: string[] = [...medicalRecordColumns]
    header[4] = '总费用'
    const res = await upload(await recordsXlsx([matchingRow(freshIdNumber())], header))
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ importedCount: 0, errors: [{ row: 1, column: '医疗费用总额', code: 'medical_record_header_invalid' }] })

    const notZip = await upload(Buffer.from('身份证号码,医院\n'))
    expect([notZip.status, notZip.body.error.code, notZip.body.error.details]).toEqual([422, 'medical_records_invalid_file', [{ reason: 'not_a_zip' }]])
    const json = await upload(Buffer.from('{}'), staff.token, 'application/json')
    expect([json.status, json.body.error.code]).toEqual([415, 'medical_records_content_type'])
    const empty = await upload(await recordsXlsx([]))
    expect([empty.status, empty.body.error.code]).toEqual([422, 'medical_records_empty'])
  })

  test('the same spreadsheet limits as a roster: a shared-strings bomb, a zip lying about its size, rows out of order; nothing kept', async () => {
    const before = await recordCount()
    const bomb = await upload(await sharedStringsBomb(250_000))
    expect([bomb.status, bomb.body.error.code, bomb.body.error.message]).toEqual([422, 'spreadsheet_too_much_text', expect.stringContaining('最多 16,000,000 个字')])
    const liar = await upload(await lyingSizeRoster(20 * 1024 * 1024, 200 * 1024))
    expect([liar.status, liar.body.error.code, liar.body.error.details]).toEqual([422, 'medical_records_invalid_file', [{ reason: 'entry_size_mismatch' }]])
    const outOfOrder = await upload(await xlsxWith(sheetRow(1, [...medicalRecordColumns]) + sheetRow(3, matchingRow(freshIdNumber()).map(String)) + sheetRow(2, matchingRow(freshIdNumber()).map(String))))
    expect([outOfOrder.status, outOfOrder.body.error.code]).toEqual([422, 'spreadsheet_rows_out_of_order'])
    expect(await recordCount()).toBe(before)
    expect(readdirSync(join(app.dataDir, 'tmp'))).toEqual([])
  })

  test('a file over 20 MB or an empty body: refused with the medical-insurance codes, the rest of the body not read; nothing kept', async () => {
    const before = await recordCount()
    const tooBig = await upload(Buffer.alloc(20 * 1024 * 1024 + 1))
    expect([tooBig.status, tooBig.body.error.code, tooBig.body.error.message]).toEqual([413, 'medical_records_file_too_large', expect.stringMatching(/^表格文件太大，不能超过 20/)])
    // The client is told the connection ends: the rest of a refused body is not worth reading.
    expect(tooBig.headers.get('connection')).toBe('close')
    const empty = await upload(Buffer.alloc(0))
    expect([empty.status, empty.body.error.code, empty.body.error.details]).toEqual([422, 'medical_records_invalid_file', [{ reason: 'empty' }]])
    expect(await recordCount()).toBe(before)
    expect(readdirSync(join(app.dataDir, 'tmp'))).toEqual([])
  })

  test('a file of many batches: one bad row at the very end and nothing is imported; good, every row in and a claim whose record came last is matched', async () => {
    const before = await recordCount()
    const m = await member()
    const filler = Array.from({ length: 1_100 }, (_, i) => matchingRow(freshIdNumber(), { 2: addDays('2020-01-01', i % 300), 3: addDays('2020-01-01', i % 300) }))
    const bad = await upload(await recordsXlsx([...filler, matchingRow(m.idNumber, { 7: 'abc' })]))
    expect([bad.status, bad.body.rowCount, bad.body.importedCount]).toEqual([200, 1_101, 0])
    expect(bad.body.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([[1_102, 'medical_record_amount_invalid']])
    expect(await recordCount()).toBe(before)

    const claim = await submitTestClaim(app, m)
    expect(claim.status).toBe('submitted')
    const good = await upload(await recordsXlsx([...filler, matchingRow(m.idNumber)]))
    expect(good.body).toEqual({ rowCount: 1_101, importedCount: 1_101, errors: [] })
    expect(await recordCount()).toBe(before + 1_101)
    expect((await claimAsStaff(claim.id)).status).toBe('approved')
  })

  test('imports good rows, the ID number only as its keyed hash; the same stay again replaces it', async () => {
    const idNumber = freshIdNumber()
    const res = await upload(await recordsXlsx([matchingRow(idNumber), matchingRow(idNumber, { 2: new Date(Date.UTC(2020, 7, 1)), 3: '2020/8/3', 4: '¥11,234.50' })]))
    expect(res.status).toBe(201)
    expect(res.body).toEqual({ rowCount: 2, importedCount: 2, errors: [] })
    const rows = await app.db.selectFrom('medical_records').selectAll().where('id_number_hash', '=', app.protector.hash('id_number', idNumber)).orderBy('admitted_on').execute()
    expect(rows).toMatchObject([
      { hospital: '西安市第一医院', admitted_on: '2020-06-01', discharged_on: '2020-06-13', total_cost_fen: 1_500_000, pooled_out_of_pocket_fen: 800_000, supplementary_out_of_pocket_fen: 200_000, deductible_fen: 0 },
      { admitted_on: '2020-08-01', total_cost_fen: 1_123_450 },
    ])
    expect(JSON.stringify(await app.db.selectFrom('medical_records').selectAll().execute())).not.toContain(idNumber)
    const again = await upload(await recordsXlsx([matchingRow(idNumber, { 4: '16000' })]))
    expect(again.body).toEqual({ rowCount: 1, importedCount: 1, errors: [] })
    const replaced = await app.db.selectFrom('medical_records').selectAll().where('id_number_hash', '=', app.protector.hash('id_number', idNumber)).execute()
    expect(replaced.map((r) => r.total_cost_fen).sort()).toEqual([1_123_450, 1_600_000])
    const audit = await app.db.selectFrom('audit_log').selectAll().where('resource', 'like', 'medical_records_import:%').execute()
    expect(audit.length).toBeGreaterThanOrEqual(2)
  })

  test('staff and admins only: a member or a reviewer gets 403 and nothing is written', async () => {
    const before = await recordCount()
    const body = await recordsXlsx([matchingRow(freshIdNumber())])
    for (const user of [await loginAs(app), await loginAs(app, { roles: ['reviewer'] })]) {
      const res = await upload(body, user.token)
      expect(res.status).toBe(403)
    }
    const admin = await loginAs(app, { roles: ['admin'] })
    expect((await upload(body, admin.token)).status).toBe(201)
    expect(await recordCount()).toBe(before + 1)
  })
})

describe('matching claims to medical-insurance records', () => {
  test('figures equal to an imported record: approved by the system at once (history system, the member told)', async () => {
    const m = await member()
    expect((await upload(await recordsXlsx([matchingRow(m.idNumber)]))).status).toBe(201)
    const claim = await submitTestClaim(app, m)
    expect(claim).toMatchObject({ status: 'approved', decision: { approvedFen: 620_000, note: expect.stringContaining('医保结算数据') } })
    expect(claim.history).toEqual([
      expect.objectContaining({ status: 'submitted', actorRole: 'member' }),
      expect.objectContaining({ status: 'approved', actorRole: 'system', note: expect.stringContaining('医保结算数据一致') }),
    ])
    const row = await app.db.selectFrom('claims').selectAll().where('id', '=', claim.id).executeTakeFirstOrThrow()
    expect([row.approved_fen, row.decided_by, row.flagged]).toEqual([620_000, null, 0])
    const match = await app.db.selectFrom('claim_medical_matches').selectAll().where('claim_id', '=', claim.id).executeTakeFirstOrThrow()
    expect(match.result).toBe('verified')
    const notes = await app.db.selectFrom('notifications').select('kind').where('subject_id', '=', claim.id).orderBy('id').execute()
    expect(notes.map((n) => n.kind)).toEqual(['claim_submitted', 'claim_approved'])
    // It pays like any approved claim: the staff queue of approved claims has it.
    const queue = await app.api.get('/api/v1/review/claims?status=approved&limit=100', { token: staff.token })
    expect(queue.body.claims.map((c: { id: string }) => c.id)).toContain(claim.id)
  })

  test('a figure that differs: stays submitted, flagged for the reviewer with what differs', async () => {
    const m = await member()
    await upload(await recordsXlsx([matchingRow(m.idNumber, { 5: '7500.00' })]))
    const claim = await submitTestClaim(app, m)
    expect(claim.status).toBe('submitted')
    expect(claim.flags).toEqual([]) // the member sees no flags
    const seen = await claimAsStaff(claim.id)
    expect(seen.flags).toEqual([{ code: 'medical_figures_mismatch', otherClaimId: null, message: expect.stringContaining('统筹段自付申报 8,000.00 元，医保 7,500.00 元') }])
    expect(seen.history).toHaveLength(1)
    const match = await app.db.selectFrom('claim_medical_matches').selectAll().where('claim_id', '=', claim.id).executeTakeFirstOrThrow()
    expect(match.result).toBe('mismatch')
  })

  test('days in hospital that differ from the stay also leave the claim for a person', async () => {
    const m = await member()
    await upload(await recordsXlsx([matchingRow(m.idNumber)]))
    const claim = await submitTestClaim(app, m, { figures: { totalCostFen: 1_500_000, pooledOutOfPocketFen: 800_000, supplementaryOutOfPocketFen: 200_000, hospitalDays: 20 } })
    expect(claim.status).toBe('submitted')
    expect((await claimAsStaff(claim.id)).flags.map((f: { code: string }) => f.code)).toEqual(['medical_figures_mismatch'])
  })

  test('another flag (duplicate invoice) is never approved straight through, even when the figures match', async () => {
    const first = await member()
    await submitTestClaim(app, first, { invoiceNumbers: ['DUP-20200601'] })
    const m = await member()
    await upload(await recordsXlsx([matchingRow(m.idNumber)]))
    const claim = await submitTestClaim(app, m, { invoiceNumbers: ['DUP-20200601'] })
    expect(claim.status).toBe('submitted')
    expect((await claimAsStaff(claim.id)).flags.map((f: { code: string }) => f.code)).toEqual(['duplicate_invoice'])
    const match = await app.db.selectFrom('claim_medical_matches').selectAll().where('claim_id', '=', claim.id).executeTakeFirstOrThrow()
    expect(match.result).toBe('verified')
  })

  test('no record: the claim waits; an import later matches the open claims again (approve or flag)', async () => {
    const a = await member()
    const b = await member()
    const claimA = await submitTestClaim(app, a)
    const claimB = await submitTestClaim(app, b)
    expect([claimA.status, claimB.status]).toEqual(['submitted', 'submitted'])
    const res = await upload(await recordsXlsx([matchingRow(a.idNumber), matchingRow(b.idNumber, { 6: '2100' })]))
    expect(res.status).toBe(201)
    const afterA = await claimAsStaff(claimA.id)
    expect(afterA).toMatchObject({ status: 'approved' })
    expect(afterA.history.at(-1)).toMatchObject({ status: 'approved', actorRole: 'system' })
    const afterB = await claimAsStaff(claimB.id)
    expect(afterB.status).toBe('submitted')
    expect(afterB.flags).toEqual([expect.objectContaining({ code: 'medical_figures_mismatch', message: expect.stringContaining('附加段自付') })])
    // A corrected record clears the flag (and, nobody having decided yet, approves it).
    await upload(await recordsXlsx([matchingRow(b.idNumber)]))
    expect(await claimAsStaff(claimB.id)).toMatchObject({ status: 'approved', flags: [] })
  })

  test('a claim whose kind medical insurance does not settle (critical illness) is not matched', async () => {
    const m = await member()
    await upload(await recordsXlsx([matchingRow(m.idNumber)]))
    const claim = await submitTestClaim(app, m, { kind: 'critical_illness', figures: {} })
    expect(claim.status).toBe('submitted')
    expect(await app.db.selectFrom('claim_medical_matches').selectAll().where('claim_id', '=', claim.id).executeTakeFirst()).toBeUndefined()
  })

  test('material with corrected figures is matched again: the flag goes, but a claim a person sent back is left to a person', async () => {
    const reviewer = await loginAs(app, { roles: ['reviewer'] })
    const m = await member()
    await upload(await recordsXlsx([matchingRow(m.idNumber)]))
    const claim = await submitTestClaim(app, m, { figures: { totalCostFen: 1_500_000, pooledOutOfPocketFen: 900_000, supplementaryOutOfPocketFen: 200_000 } })
    expect((await claimAsStaff(claim.id)).flags.map((f: { code: string }) => f.code)).toEqual(['medical_figures_mismatch'])
    const asked = await app.api.post(`/api/v1/claims/${claim.id}/decisions`, { decision: 'request_material', missing: ['settlement_slip'], note: '请上传结算单' }, { token: reviewer.token })
    expect(asked.status).toBe(200)
    const sent = await app.api.post(`/api/v1/claims/${claim.id}/material`, { figures: { totalCostFen: 1_500_000, pooledOutOfPocketFen: 800_000, supplementaryOutOfPocketFen: 200_000 } }, { token: m.token })
    expect(sent.status).toBe(200)
    const after = await claimAsStaff(claim.id)
    expect(after).toMatchObject({ status: 'submitted', flags: [] })
    const match = await app.db.selectFrom('claim_medical_matches').selectAll().where('claim_id', '=', claim.id).executeTakeFirstOrThrow()
    expect(match.result).toBe('verified')
  })

  test('two claims of one person in one import: in claim order, the second weighed against what the first was just approved (A0 cap 100,000.00)', async () => {
    const m = await member()
    // Pooled out-of-pocket only, 100,000.00 each: the engine pays 60 %, 60,000.00 each while nothing is approved yet.
    const figures = { totalCostFen: 15_000_000, pooledOutOfPocketFen: 10_000_000 }
    const first = await submitTestClaim(app, m, { figures, eventDate: '2020-06-01' })
    const second = await submitTestClaim(app, m, { figures, eventDate: '2020-09-01' })
    expect([first.estimate.totalFen, second.estimate.totalFen]).toEqual([6_000_000, 6_000_000])
    const stay = (admitted: string, discharged: string) => [m.idNumber, '西安市第一医院', admitted, discharged, '150000.00', '100000.00', '0', '0']
    expect((await upload(await recordsXlsx([stay('2020-09-01', '2020-09-10'), stay('2020-06-01', '2020-06-13')]))).status).toBe(201)

    const approved = await claimAsStaff(first.id)
    expect(approved).toMatchObject({ status: 'approved', decision: { approvedFen: 6_000_000 } })
    expect(approved.history.at(-1)).toMatchObject({ status: 'approved', actorRole: 'system' })
    // Only 40,000.00 of the cap is left: the fresh estimate is written and a person decides (never 60,000.00 paid twice).
    const left = await claimAsStaff(second.id)
    expect(left).toMatchObject({ status: 'submitted', decision: null, estimate: { totalFen: 4_000_000 } })
    expect(left.history).toHaveLength(1)
    // The member's message of the approval, queued in the outbox for delivery after the commit.
    const notes = await app.db.selectFrom('notifications').select(['id', 'kind']).where('subject_id', 'in', [first.id, second.id]).where('kind', '=', 'claim_approved').execute()
    expect(notes).toHaveLength(1)
    const queued = await app.db.selectFrom('outbox').select('payload').where('kind', '=', 'notification').execute()
    expect(queued.map((q) => JSON.parse(q.payload).notificationId)).toContain(notes[0]!.id)
  })

  test('a batch that fails to be written while the file is still read: the import fails and keeps nothing, its claims untouched', async () => {
    const m = await member()
    const claim = await submitTestClaim(app, m)
    const before = await recordCount()
    const line = (idNumber: string, row: number): MedicalRecordLine => ({
      row, idNumberHash: hashIdNumber(app.protector, idNumber), hospital: '西安市第一医院', admittedOn: '2020-06-01', dischargedOn: '2020-06-13',
      totalCostFen: 1_500_000, pooledOutOfPocketFen: 800_000, supplementaryOutOfPocketFen: 200_000, deductibleFen: 0,
    })
    let handedOver = 0
    const importing = app.db.transaction().execute((trx) => importMedicalRecords(trx, app.deps, async (add) => {
      await add(line(m.idNumber, 2))
      // The second batch of 500 holds a row the database refuses; the source goes on to a third batch meanwhile.
      for (let i = 1; i < 1_200; i++) {
        await add(i === 700 ? { ...line(freshIdNumber(), i + 2), hospital: null as unknown as string } : line(freshIdNumber(), i + 2))
        handedOver = i + 1
      }
    }, staff.id, { userId: staff.id, ip: null, requestId: null }))
    await expect(importing).rejects.toThrow()
    expect(handedOver).toBeGreaterThan(1_000)
    expect(await recordCount()).toBe(before)
    expect(await claimAsStaff(claim.id)).toMatchObject({ status: 'submitted', decision: null })
    expect(await app.db.selectFrom('claim_medical_matches').selectAll().where('claim_id', '=', claim.id).executeTakeFirst()).toBeUndefined()
  })

  test('an import of three parts (500 persons each): the claims of every part are matched and decided, each once', async () => {
    // Each part's claims are decided while the next part is read: the first part's, a middle one's and the last part's.
    const [first, middle, last, differs] = [await member(), await member(), await member(), await member()]
    const claims = [await submitTestClaim(app, first), await submitTestClaim(app, middle), await submitTestClaim(app, last), await submitTestClaim(app, differs)]
    const filler = () => matchingRow(freshIdNumber())
    const rows = [
      matchingRow(first.idNumber), ...Array.from({ length: 599 }, filler), matchingRow(middle.idNumber), matchingRow(differs.idNumber, { 4: '16000' }),
      ...Array.from({ length: 498 }, filler), matchingRow(last.idNumber),
    ]
    expect((await upload(await recordsXlsx(rows))).body).toEqual({ rowCount: 1_101, importedCount: 1_101, errors: [] })
    const after = await Promise.all(claims.map((c) => claimAsStaff(c.id)))
    expect(after.map((c) => c.status)).toEqual(['approved', 'approved', 'approved', 'submitted'])
    expect(after[3].flags.map((f: { code: string }) => f.code)).toEqual(['medical_figures_mismatch'])
    for (const claim of after.slice(0, 3)) {
      expect(claim.history.filter((h: { status: string }) => h.status === 'approved')).toHaveLength(1)
      const notes = await app.db.selectFrom('notifications').select('kind').where('subject_id', '=', claim.id).where('kind', '=', 'claim_approved').execute()
      expect(notes).toHaveLength(1)
    }
    const matches = await app.db.selectFrom('claim_medical_matches').select(['claim_id', 'result']).where('claim_id', 'in', claims.map((c) => c.id)).orderBy('claim_id').execute()
    expect(matches.map((m) => m.result).sort()).toEqual(['mismatch', 'verified', 'verified', 'verified'])
  })

  test('a claim a reviewer has taken into review is not approved by a later import', async () => {
    const reviewer = await loginAs(app, { roles: ['reviewer'] })
    const m = await member()
    const claim = await submitTestClaim(app, m)
    expect((await app.api.post(`/api/v1/claims/${claim.id}/review`, undefined, { token: reviewer.token })).status).toBe(200)
    await upload(await recordsXlsx([matchingRow(m.idNumber)]))
    expect((await claimAsStaff(claim.id)).status).toBe('in_review')
  })
})
