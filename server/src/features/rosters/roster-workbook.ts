import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { ROSTER_ERROR_HEADER, columnIndex, rosterColumns, rosterHeaders, type RosterCell } from '@huzhu/shared'

const TEXT_COLUMNS = [columnIndex('idNumber'), columnIndex('mobile')]
const WIDTHS: Record<string, number> = { 序号: 6, 姓名: 10, 性别: 6, 身份证号码: 22, 手机号码: 14, 职业类别: 12, 所在平台或单位: 20, 是否参加基本医保: 16, 参保项目: 14, 份数: 6, 备注: 16 }
const BAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } }
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true }

/** A streaming workbook whose bytes are collected in memory (rosters are at most a few MB). */
function bufferedWriter(): { workbook: ExcelJS.stream.xlsx.WorkbookWriter; done: () => Promise<Buffer> } {
  const stream = new PassThrough()
  const chunks: Buffer[] = []
  stream.on('data', (c: Buffer) => chunks.push(c))
  const ended = new Promise<void>((ok, fail) => { stream.on('end', ok); stream.on('error', fail) })
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false })
  return { workbook, done: async () => { await workbook.commit(); await ended; return Buffer.concat(chunks) } }
}

/** The roster sheet with its header; ID number and mobile columns formatted as text so no digit is lost. */
function rosterSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, extraHeader?: string): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet('参保名单', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = [...rosterColumns.map((c, i) => ({
    header: c.header, key: c.key, width: WIDTHS[c.header] ?? 12, ...(TEXT_COLUMNS.includes(i) ? { style: { numFmt: '@' } } : {}),
  })), ...(extraHeader ? [{ header: extraHeader, key: 'errors', width: 60 }] : [])]
  sheet.getRow(1).font = HEADER_FONT
  return sheet
}

/** A blank roster (参保名单模板) in the DOMAIN.md layout. */
export async function rosterTemplate(): Promise<Buffer> {
  const { workbook, done } = bufferedWriter()
  const sheet = rosterSheet(workbook)
  sheet.getRow(1).commit()
  sheet.commit()
  return done()
}

/**
 * The uploaded rows sent back with a 错误说明 column filled for each bad row
 * and every bad cell highlighted. `rows` yields `[rowNumber, cells]` from the stored file.
 */
export async function rosterWithErrors(rows: AsyncIterable<[number, RosterCell[]]>, errorText: ReadonlyMap<number, string>, badCells: ReadonlySet<string>): Promise<Buffer> {
  const { workbook, done } = bufferedWriter()
  const sheet = rosterSheet(workbook, ROSTER_ERROR_HEADER)
  for await (const [number, cells] of rows) {
    if (number === 1) {
      const header = errorText.get(1)
      if (header) sheet.getRow(1).getCell(rosterHeaders.length + 1).value = `${ROSTER_ERROR_HEADER}：${header}`
      sheet.getRow(1).commit()
      continue
    }
    const row = sheet.getRow(number)
    for (let i = 0; i < rosterHeaders.length; i++) {
      const value = cells[i]
      const cell = row.getCell(i + 1)
      cell.value = value === undefined ? null : value
      if (badCells.has(cell.address)) cell.fill = BAD_FILL
    }
    const text = errorText.get(number)
    if (text) row.getCell(rosterHeaders.length + 1).value = text
    row.commit()
  }
  sheet.commit()
  return done()
}

/** One exported row per enrolment, in the roster layout (values already in the cells' order). */
export async function rosterExport(rows: AsyncIterable<RosterCell[]> | Iterable<RosterCell[]>): Promise<Buffer> {
  const { workbook, done } = bufferedWriter()
  const sheet = rosterSheet(workbook)
  sheet.getRow(1).commit()
  for await (const cells of rows) sheet.addRow(cells).commit()
  sheet.commit()
  return done()
}
