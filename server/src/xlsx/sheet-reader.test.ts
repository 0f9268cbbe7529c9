import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppError } from '../http/errors'
import { buildZip, sheetRow, workbookEntries, xlsxWith } from '../../test/helpers/xlsx-files'
import { XLSX_LIMITS } from './limits'
import { readFirstSheet, type SheetRow } from './sheet-reader'

jest.setTimeout(60_000)

let dir: string
let n = 0
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'huzhu-sheet-reader-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function read(bytes: Buffer): Promise<SheetRow[]> {
  const path = join(dir, `${++n}.xlsx`)
  writeFileSync(path, bytes)
  const rows: SheetRow[] = []
  for await (const row of readFirstSheet(path, { invalidFileCode: 'roster_invalid_file', maxColumns: 12 })) rows.push(row)
  return rows
}

async function refusal(bytes: Buffer): Promise<{ status: number; code: string; message: string; details: unknown }> {
  try {
    await read(bytes)
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    return { status: error.status, code: error.code, message: error.userMessage, details: error.details }
  }
  throw new Error('the file was read')
}

describe('values', () => {
  test('shared strings (rich text joined, phonetic guides left out), inline strings, numbers, booleans, formula results, errors; columns from the cell references', async () => {
    const rows = await read(await xlsxWith(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c><c r="E1" t="s"><v>9</v></c></row>'
      + '<row r="3"><c r="A3"><v>42</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="str"><f>A1&amp;"x"</f><v>陕西x</v></c><c r="D3" t="e"><v>#N/A</v></c>'
      + '<c r="E3" t="inlineStr"><is><r><t>张</t></r><r><t xml:space="preserve">三 </t></r></is></c><c r="F3"><v>6.101021990010112E+17</v></c><c r="Z3"><v>1</v></c></row>',
      '<si><t>陕西</t></si><si><r><t>外卖</t></r><r><rPr><b/></rPr><t>员</t></r></si><si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si>',
    ))
    expect(rows).toEqual([
      [1, ['陕西', null, '外卖员', '漢字', null]],
      [3, [42, true, '陕西x', null, '张三 ', 610102199001011200]],
    ])
  })

  test('rows and cells without numbers follow the one before; the first sheet is the workbook’s first tab, wherever its part is', async () => {
    const rows = await read(await xlsxWith('<row><c><v>1</v></c><c><v>2</v></c></row><row r="4"><c r="B4"><v>3</v></c><c><v>4</v></c></row><row><c/></row>'))
    expect(rows).toEqual([[1, [1, 2]], [4, [null, 3, 4]], [5, [null]]])

    const entries = workbookEntries(false).map((e) => (e.name === 'xl/_rels/workbook.xml.rels'
      ? { ...e, data: String(e.data).replace('worksheets/sheet1.xml', '/xl/worksheets/sheet2.xml').replace('</Relationships>', '<Relationship Id="rId9" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') }
      : e))
    const twoSheets = await buildZip([
      ...entries,
      { name: 'xl/worksheets/sheet1.xml', data: `<worksheet><sheetData>${sheetRow(1, ['second tab'])}</sheetData></worksheet>` },
      { name: 'xl/worksheets/sheet2.xml', data: `<x:worksheet xmlns:x="urn:x"><x:sheetData>${sheetRow(1, ['first tab']).replace(/<(\/?)(row|c|is|t)\b/g, '<$1x:$2')}</x:sheetData></x:worksheet>` },
    ])
    expect(await read(twoSheets)).toEqual([[1, ['first tab']]])
  })
  test('a byte-order mark before the XML and lower-case cell references are read as any spreadsheet program reads them', async () => {
    const sheet = `\uFEFF<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData><row r="2"><c r="c2"><v>7</v></c></row></sheetData></worksheet>`
    expect(await read(await buildZip([...workbookEntries(false), { name: 'xl/worksheets/sheet1.xml', data: sheet }]))).toEqual([[2, [null, null, 7]]])
  })
})

describe('refusals', () => {
  test('rows out of order, repeated, or numbered 0 or beyond Excel: a 422 naming the row', async () => {
    expect(await refusal(await xlsxWith(sheetRow(1, ['a']) + sheetRow(5, ['b']) + sheetRow(3, ['c'])))).toEqual({
      status: 422, code: 'spreadsheet_rows_out_of_order', details: [{ reason: 'rows_out_of_order', row: 3 }],
      message: '表格文件中的行号顺序有误（行号 3 出现在行号 5 之后），请用 Excel 或 WPS 打开后另存为 .xlsx 再上传',
    })
    expect((await refusal(await xlsxWith(sheetRow(2, ['a']) + sheetRow(2, ['b'])))).code).toBe('spreadsheet_rows_out_of_order')
    for (const r of ['0', '-1', '1.5', 'x', '1048577']) {
      expect(await refusal(await xlsxWith(`<row r="${r}"><c><v>1</v></c></row>`))).toMatchObject({ status: 422, code: 'spreadsheet_row_number_invalid', message: expect.stringContaining(`（${r}）`) })
    }
  })

  test('more shared strings than the limit: a 422 naming it, before more are held', async () => {
    const count = XLSX_LIMITS.maxSharedStrings + 1
    function* strings(): Generator<string> {
      for (let i = 0; i < count; i += 10_000) yield Array.from({ length: Math.min(10_000, count - i) }, (_, k) => `<si><t>${i + k}</t></si>`).join('')
    }
    expect(await refusal(await xlsxWith(sheetRow(1, ['a']), strings()))).toEqual({
      status: 422, code: 'spreadsheet_too_many_strings', details: [{ reason: 'too_many_shared_strings', limit: '1,000,000' }],
      message: '表格中不同的文字内容太多（最多 1,000,000 条），请只保留需要的工作表、行和列后再上传',
    })
  })

  test('more cells than the limit: a 422 naming it (cells past the kept columns count too)', async () => {
    // Random letters between the cells keep the sheet from compressing past the zip's ratio check.
    const letters = randomBytes(XLSX_LIMITS.maxCells + 1_000).toString('base64').replace(/[^a-z]/gi, 'q')
    function* rows(): Generator<string> {
      for (let cell = 0; cell <= XLSX_LIMITS.maxCells; cell += 100_000) {
        const row: string[] = []
        for (let i = 0; i < 100; i++) row.push(`<row>${Array.from({ length: 1_000 }, (_, k) => `<c/>${letters.substr(cell + i * 1_000 + k, 2)}`).join('')}</row>`)
        yield row.join('')
      }
    }
    expect(await refusal(await xlsxWith(rows()))).toMatchObject({ status: 422, code: 'spreadsheet_too_many_cells', message: expect.stringContaining('最多 4,000,000 个') })
  })

  test('one text too long, a run of text the parser would hold whole, nesting too deep, malformed XML, no sheet: the kind’s own 422 with a reason', async () => {
    const reason = async (bytes: Buffer) => {
      const r = await refusal(bytes)
      expect([r.status, r.code]).toEqual([422, 'roster_invalid_file'])
      return (r.details as { reason: string }[])[0]!.reason
    }
    expect(await reason(await xlsxWith(sheetRow(1, ['长'.repeat(XLSX_LIMITS.maxTextChars + 1)])))).toBe('text_too_long')
    expect(await reason(await xlsxWith(`<row r="1"></row>${' '.repeat(XLSX_LIMITS.maxRunChars + 1)}`))).toBe('text_run_too_long')
    expect(await reason(await xlsxWith(`<row r="1"><c><v>${'<b>'.repeat(100)}${'</b>'.repeat(100)}</v></c></row>`))).toBe('nesting_too_deep')
    expect(await reason(await xlsxWith('<row r="1"><c><v>1</c></row>'))).toBe('malformed_xml')
    expect(await reason(await buildZip(workbookEntries(false)))).toBe('no_sheet')
  })

  test('the zip: not one, a bomb by its directory, a part that inflates past its declared size', async () => {
    const reason = async (bytes: Buffer) => ((await refusal(bytes)).details as { reason: string }[])[0]!.reason
    expect(await reason(Buffer.from('姓名,身份证号码\n'))).toBe('not_a_zip')
    expect(await reason(await buildZip([{ name: 'hello.txt', data: 'hi' }]))).toBe('not_a_workbook')
    const sheet = `<worksheet><sheetData>${sheetRow(1, ['a'])}</sheetData></worksheet>`
    expect(await reason(await buildZip([...workbookEntries(false), { name: 'xl/worksheets/sheet1.xml', data: [sheet, ' '.repeat(3 * 1024 * 1024)] }]))).toBe('compression_ratio')
    const lying = await buildZip([...workbookEntries(false), { name: 'xl/worksheets/sheet1.xml', data: [sheet, ' '.repeat(2 * 1024 * 1024)], claimedSize: 20_000 }])
    expect(await reason(lying)).toBe('entry_size_mismatch')
    const many = await buildZip([...workbookEntries(false), ...Array.from({ length: XLSX_LIMITS.maxEntries }, (_, i) => ({ name: `xl/media/${i}.bin`, data: 'x' }))])
    expect(await reason(many)).toBe('too_many_entries')
    // Each declares 90 times its (random, incompressible) size: past the limit together, not one by one.
    const declaredHuge = await buildZip([...workbookEntries(false), ...[1, 2, 3].map((i) => ({ name: `xl/media/${i}.bin`, data: randomBytes(1024 * 1024), claimedSize: 90 * 1024 * 1024 }))])
    expect(await refusal(declaredHuge)).toMatchObject({ status: 422, code: 'spreadsheet_too_large_inflated', message: expect.stringContaining('最多 200 MB') })
  })
})
