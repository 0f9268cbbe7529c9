import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { rosterHeaders } from '@huzhu/shared'
import { rosterWithRowNumbers } from '../../../test/helpers/xlsx-files'
import {
  countEnrolments, createUnit, freshIdNumber, handmadeZip, loginAs, rosterRow, rosterXlsx, setUnitSelection, startAppWithEveryRole, XLSX, type EveryRole, type TestApp, type TestUser,
} from '../../../test/helpers'

// Every test runs with the rosters on disk under the data folder and in an S3-compatible store (a local fake that checks signatures).
describe.each(['disk', 's3'] as const)('rosters kept on %s', (blobStore) => {
  let app: TestApp
  let users: EveryRole
  beforeAll(async () => {
    ({ app, users } = await startAppWithEveryRole({ blobStore }))
    await setUnitSelection(app, users.unitId, 'shaanxi-gig-2023', ['ZY'], 'union_gift')
  })
  afterAll(() => app.close())

  const base = () => `/api/v1/units/${users.unitId}/rosters`
  const upload = (bytes: Buffer | string, opts: { token?: string; unitId?: string; type?: string; catalogueId?: string } = {}) =>
    app.api.request('POST', `/api/v1/units/${opts.unitId ?? users.unitId}/rosters?catalogueId=${opts.catalogueId ?? 'shaanxi-gig-2023'}&fileName=${encodeURIComponent('名单.xlsx')}`, undefined, {
      token: opts.token ?? users.unit_admin.token, rawBody: typeof bytes === 'string' ? bytes : new Uint8Array(bytes), headers: { 'content-type': opts.type ?? XLSX },
    })
  const importIt = (rosterId: string, body: unknown = {}, token = users.unit_admin.token, unitId = users.unitId) =>
    app.api.post(`/api/v1/units/${unitId}/rosters/${rosterId}/import`, body, { token })
  const getBytes = async (path: string, token: string) => {
    const res = await fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })
    return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) }
  }
  const sheetOf = async (bytes: Buffer) => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
    return wb.worksheets[0]!
  }
  const rosterCount = async () => (await app.db.selectFrom('rosters').select('id').execute()).length
  const exportAudits = () => app.db.selectFrom('audit_log').selectAll().where('resource', 'like', 'unit_roster:%').orderBy('id').execute()
  const sheetCells = (sheet: ExcelJS.Worksheet) => {
    const texts: string[] = []
    sheet.eachRow((row) => row.eachCell((cell) => void texts.push(String(cell.value))))
    return texts
  }
  /** The stored rosters' files (blob keys without `rosters/`). */
  const storedFiles = async () => {
    const names: string[] = []
    for await (const key of app.deps.blobs.list('rosters/')) names.push(key.slice('rosters/'.length))
    return names
  }
  /** A stored file's bytes, read through the store. */
  const storedText = async (key: string) => {
    const body = await app.deps.blobs.read(key)
    const chunks: Buffer[] = []
    for await (const chunk of body!) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  }

  describe('roster template and upload', () => {
    test('the template has the DOMAIN.md header and text-formatted ID and mobile columns', async () => {
      const res = await getBytes('/api/v1/rosters/template.xlsx', users.member.token)
      expect([res.status, res.type]).toEqual([200, XLSX])
      const sheet = await sheetOf(res.bytes)
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...rosterHeaders])
      expect(sheet.getColumn(4).numFmt).toBe('@')
      expect((await app.api.get('/api/v1/rosters/template.xlsx')).status).toBe(401)
    })

    const lisi = freshIdNumber({ sex: 'F', birthDate: '1992-03-04' })
    test('a clean roster is checked, stored, then imported in one go: collective, pending, the unit’s funding', async () => {
      const res = await upload(await rosterXlsx([rosterRow(1), rosterRow(2, { 1: '李四', 2: '女', 3: lisi }), rosterRow(3)]))
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({ id: expect.stringMatching(/^rst_/), unitId: users.unitId, fileName: '名单.xlsx', status: 'checked', rowCount: 3, validCount: 3, errors: [], importedCount: null })
      expect(await storedFiles()).toEqual(expect.arrayContaining([`${res.body.id}.xlsx`, `${res.body.id}.rows.jsonl`]))
      // The good rows kept for the import are sealed: no ID number, mobile or name in clear.
      const staged = await storedText(`rosters/${res.body.id}.rows.jsonl`)
      expect(staged).toMatch(/^v1\./)
      for (const clear of [lisi, '13812345678', '李四', '"idNumber"']) expect(staged).not.toContain(clear)
      if (app.s3) {
        // In object storage both are kept with server-side encryption (the xlsx holds ID numbers in clear).
        for (const key of [`rosters/${res.body.id}.xlsx`, `rosters/${res.body.id}.rows.jsonl`]) expect(app.s3.objects.get(key)?.serverSideEncryption).toBe('AES256')
        expect(app.s3.refused).toEqual([])
      }
      expect(existsSync(join(app.dataDir, 'tmp')) ? readdirSync(join(app.dataDir, 'tmp')) : []).toEqual([])
      const imported = await importIt(res.body.id)
      expect(imported.status).toBe(200)
      expect(imported.body).toMatchObject({ status: 'imported', importedCount: 3, premiumFen: 30000, importedAt: expect.any(String) })
      const rows = await app.db.selectFrom('enrolments').selectAll().where('roster_id', '=', res.body.id).execute()
      expect(rows).toHaveLength(3)
      for (const r of rows) expect(r).toMatchObject({ status: 'pending_payment', mode: 'collective', unit_id: users.unitId, funding_source: 'union_gift', premium_fen: 10000 })
      const again = await importIt(res.body.id)
      expect([again.status, again.body.error.code]).toEqual([409, 'roster_already_imported'])
      expect(await countEnrolments(app, { rosterId: res.body.id })).toBe(3)
      // Two imports of one roster at once: one wins, the other is a 409.
      const twice = await upload(await rosterXlsx([rosterRow(1), rosterRow(2)]))
      const both = await Promise.all([importIt(twice.body.id), importIt(twice.body.id)])
      expect(both.map((r) => r.status).sort()).toEqual([200, 409])
      expect(await countEnrolments(app, { rosterId: twice.body.id })).toBe(2)
      // The same people again: every row is an overlap error.
      const dup = await upload(await rosterXlsx([rosterRow(1, { 1: '李四', 2: '女', 3: lisi })]))
      expect(dup.body.errors).toEqual([expect.objectContaining({ row: 2, column: '身份证号码', code: 'enrolment_overlap' })])
    })

    test('three bad rows: exactly those reported; import refused until only the good rows are asked for', async () => {
      const res = await upload(await rosterXlsx([
        rosterRow(1), rosterRow(2, { 3: 610102199001011200 }), rosterRow(3), rosterRow(4, { 5: '程序员' }), rosterRow(5, { 2: '女', 8: 'A0' }), rosterRow(6),
      ]))
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({ rowCount: 6, validCount: 3 })
      expect(res.body.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
        [3, '身份证号码', 'id_lost_digits'], [5, '职业类别', 'roster_occupation_invalid'], [6, '性别', 'roster_sex_mismatch'], [6, '参保项目', 'roster_product_unknown'],
      ])
      const refused = await importIt(res.body.id)
      expect([refused.status, refused.body.error.code, refused.body.error.message]).toEqual([422, 'roster_has_errors', '参保名单中有 3 行有误，请修改后重新上传，或选择只导入无误的行'])
      expect(await countEnrolments(app, { rosterId: res.body.id })).toBe(0)

      const file = await getBytes(`${base()}/${res.body.id}/errors.xlsx`, users.unit_admin.token)
      expect(file.status).toBe(200)
      const sheet = await sheetOf(file.bytes)
      expect(sheet.getRow(1).getCell(12).value).toBe('错误说明')
      expect(sheet.getRow(2).getCell(12).value).toBeNull()
      expect(String(sheet.getRow(3).getCell(12).value)).toContain('身份证号码：')
      expect(String(sheet.getRow(6).getCell(12).value)).toMatch(/性别：.*；参保项目：/)
      expect((sheet.getRow(5).getCell(6).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE')
      expect((sheet.getRow(5).getCell(5).fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe('none')
      expect(sheet.getRow(4).getCell(2).value).toBe('张三')

      // Without the staging file of good rows the import reads and checks the stored xlsx again: the same result.
      await app.deps.blobs.delete(`rosters/${res.body.id}.rows.jsonl`)
      const partial = await importIt(res.body.id, { onlyValidRows: true })
      expect(partial.status).toBe(200)
      expect(partial.body.importedCount).toBe(3)
      expect(await countEnrolments(app, { rosterId: res.body.id })).toBe(3)
    })

    test('bad files are a clear 4xx and leave nothing behind', async () => {
      const rosters = await rosterCount()
      const files = (await storedFiles()).length
      const notZip = await upload('姓名,身份证号码\n张三,1')
      expect([notZip.status, notZip.body.error.code]).toEqual([422, 'roster_invalid_file'])
      const bomb = await upload(handmadeZip([{ name: 'xl/workbook.xml', data: Buffer.alloc(10) }, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(4 * 1024 * 1024) }]))
      expect([bomb.status, bomb.body.error.code, bomb.body.error.details]).toEqual([422, 'roster_invalid_file', [{ reason: 'compression_ratio' }]])
      const huge = await upload(handmadeZip([
        { name: 'xl/workbook.xml', data: Buffer.alloc(10) },
        ...[1, 2, 3].map((i) => ({ name: `xl/media/${i}.bin`, data: Buffer.alloc(10), claimedSize: 90 * 1024 * 1024 })),
      ]))
      expect(huge.body.error.details).toEqual([{ reason: expect.stringMatching(/too_large_uncompressed|compression_ratio/) }])
      const noWorkbook = await upload(handmadeZip([{ name: 'hello.txt', data: Buffer.from('hi') }]))
      expect(noWorkbook.body.error.details).toEqual([{ reason: 'not_a_workbook' }])
      const corrupt = await upload(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]))
      expect(corrupt.body.error.code).toBe('roster_invalid_file')
      const tooBig = await upload(Buffer.alloc(21 * 1024 * 1024))
      expect([tooBig.status, tooBig.body.error.code]).toEqual([413, 'roster_file_too_large'])
      expect((await upload(await rosterXlsx([rosterRow(1)]), { type: 'application/json' })).status).toBe(415)
      expect((await upload(await rosterXlsx([rosterRow(1)]), { catalogueId: 'atlantis' })).body.error.code).toBe('unknown_catalogue')
      // The unit's standing selection is the Shaanxi plan (a past plan year is refused too: unit-catalogues.test.ts).
      expect((await upload(await rosterXlsx([rosterRow(1)]), { catalogueId: 'shanghai-2020' })).body.error.code).toBe('unit_catalogue_not_allowed')
      expect(await rosterCount()).toBe(rosters)
      expect(await storedFiles()).toHaveLength(files)
    })

    test('rows numbered out of order or impossibly are refused at upload (422 naming the row); rows with gaps are fine, and so is their error file', async () => {
      const rosters = await rosterCount()
      const outOfOrder = await upload(await rosterWithRowNumbers([1, 5, 3]))
      expect([outOfOrder.status, outOfOrder.body.error.code, outOfOrder.body.error.message]).toEqual([
        422, 'spreadsheet_rows_out_of_order', '表格文件中的行号顺序有误（行号 3 出现在行号 5 之后），请用 Excel 或 WPS 打开后另存为 .xlsx 再上传',
      ])
      const zero = await upload(await rosterWithRowNumbers([0, 1, 2]))
      expect([zero.status, zero.body.error.code]).toEqual([422, 'spreadsheet_row_number_invalid'])
      expect(await rosterCount()).toBe(rosters)

      const gaps = await upload(await rosterWithRowNumbers([1, 2, 5, 9]))
      expect(gaps.status).toBe(201)
      expect(gaps.body).toMatchObject({ rowCount: 3, validCount: 3, errors: [] })
      const file = await getBytes(`${base()}/${gaps.body.id}/errors.xlsx`, users.unit_admin.token)
      expect(file.status).toBe(200)
      const sheet = await sheetOf(file.bytes)
      expect([2, 5, 9].map((r) => sheet.getRow(r).getCell(2).value)).toEqual(['张三', '张三', '张三'])
    })
  })

  describe('roster access and export', () => {
    let other: TestUser
    let otherUnit: string
    beforeAll(async () => {
      otherUnit = await createUnit(app, '另一站点')
      other = await loginAs(app, { roles: [{ role: 'unit_admin', unitId: otherUnit }] })
    })

    test('another unit’s admin reaches none of it; staff reach every unit', async () => {
      const res = await upload(await rosterXlsx([rosterRow(1)]))
      const id = res.body.id as string
      expect((await upload(await rosterXlsx([rosterRow(1)]), { token: other.token })).status).toBe(403)
      expect((await app.api.get(`${base()}/${id}`, { token: other.token })).status).toBe(403)
      expect((await getBytes(`${base()}/${id}/errors.xlsx`, other.token)).status).toBe(403)
      expect((await importIt(id, {}, other.token)).status).toBe(403)
      expect((await getBytes(`/api/v1/units/${users.unitId}/roster.xlsx?catalogueId=shaanxi-gig-2023`, other.token)).status).toBe(403)
      // Their own unit's path does not reach this roster either.
      expect((await app.api.get(`/api/v1/units/${otherUnit}/rosters/${id}`, { token: other.token })).status).toBe(404)
      expect((await importIt(id, {}, other.token, otherUnit)).status).toBe(404)
      for (const user of [users.member, users.reviewer]) expect((await app.api.get(`${base()}/${id}`, { token: user.token })).status).toBe(403)
      expect((await app.api.get(`${base()}/${id}`, { token: users.staff.token })).status).toBe(200)
      expect((await app.api.get(`${base()}/rst_01JAAAAAAAAAAAAAAAAAAAAAAA`, { token: users.staff.token })).body.error.code).toBe('roster_not_found')
      expect((await importIt(id, { onlyValidRows: 'yes' })).status).toBe(400)
      expect(await countEnrolments(app, { rosterId: id })).toBe(0)
    })

    test('export: the unit’s members in the same layout, ID numbers and mobiles masked; nothing audited', async () => {
      const audits = await exportAudits()
      const res = await getBytes(`/api/v1/units/${users.unitId}/roster.xlsx?catalogueId=shaanxi-gig-2023`, users.unit_admin.token)
      expect([res.status, res.type]).toEqual([200, XLSX])
      const sheet = await sheetOf(res.bytes)
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...rosterHeaders])
      expect(sheet.rowCount - 1).toBe(await countEnrolments(app, { unitId: users.unitId }))
      const row = sheet.getRow(2).values as unknown[]
      expect(row.slice(1, 12)).toEqual([1, '张三', '男', expect.stringMatching(/^\d{4}\*{10}[\dX]{4}$/), '138****5678', '外卖员', '美团西安站', '是', 'ZY', 1])
      const cells = sheetCells(sheet)
      expect(cells.some((v) => /\d{17}[\dX]/.test(v) || /1\d{10}/.test(v))).toBe(false)
      expect(await exportAudits()).toEqual(audits)
      expect((await app.api.get(`/api/v1/units/${users.unitId}/roster.xlsx`, { token: users.staff.token })).status).toBe(400)
      expect((await getBytes(`/api/v1/units/${users.unitId}/roster.xlsx?catalogueId=shaanxi-gig-2023&full=yes`, users.unit_admin.token)).status).toBe(400)
    })

    test('the full export (`full=1`) is an explicit, audited choice; it uploads again as a roster', async () => {
      const audits = await exportAudits()
      const res = await getBytes(`/api/v1/units/${users.unitId}/roster.xlsx?catalogueId=shaanxi-gig-2023&full=1`, users.unit_admin.token)
      expect(res.status).toBe(200)
      const sheet = await sheetOf(res.bytes)
      const row = sheet.getRow(2).values as unknown[]
      expect(row.slice(1, 12)).toEqual([1, '张三', '男', expect.stringMatching(/^\d{17}[\dX]$/), '13812345678', '外卖员', '美团西安站', '是', 'ZY', 1])
      expect(await exportAudits()).toEqual([...audits, expect.objectContaining({
        actor_user_id: users.unit_admin.id, action: 'read', resource: `unit_roster:${users.unitId}`, fields: JSON.stringify(['idNumber', 'mobile']),
      })])
      const again = await upload(res.bytes)
      expect(again.body.rowCount).toBe(sheet.rowCount - 1)
      expect(again.body.errors.every((e: { code: string }) => e.code === 'enrolment_overlap')).toBe(true)
      expect(app.logs()).not.toContain(String(row[4]))
    })
  })
})
