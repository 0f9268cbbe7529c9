import { deflateRawSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import { rosterHeaders, type RosterCell } from '@huzhu/shared'
import { freshIdNumber } from './members'

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** A good roster row for the Shaanxi gig plan (a fresh ID number unless given). */
export function rosterRow(seq: number, over: Partial<Record<number, RosterCell>> = {}): RosterCell[] {
  const cells: RosterCell[] = [seq, '张三', '男', freshIdNumber(), '13812345678', '外卖员', '美团西安站', '是', 'ZY', 1, '']
  for (const [i, v] of Object.entries(over)) cells[Number(i)] = v
  return cells
}

/** An xlsx file (bytes) with the roster header and these rows; ID and mobile columns as text. */
export async function rosterXlsx(rows: readonly RosterCell[][], header: readonly string[] = rosterHeaders): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('参保名单')
  sheet.getColumn(4).numFmt = '@'
  sheet.getColumn(5).numFmt = '@'
  sheet.addRow([...header])
  for (const row of rows) sheet.addRow(row.map((c) => (c === undefined ? null : c)))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** A large roster written with the streaming writer straight to a file: `n` good rows. */
export async function writeLargeRoster(path: string, n: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false })
  const sheet = workbook.addWorksheet('参保名单')
  sheet.addRow([...rosterHeaders]).commit()
  for (let i = 1; i <= n; i++) sheet.addRow(rosterRow(i)).commit()
  sheet.commit()
  await workbook.commit()
}

/**
 * A zip built by hand: entries with real deflated data, or with sizes that only
 * the central directory claims (`claimedSize`), for zip-bomb tests.
 */
export function handmadeZip(entries: { name: string; data: Buffer; claimedSize?: number }[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const compressed = deflateRawSync(e.data)
    const name = Buffer.from(e.name)
    const size = e.claimedSize ?? e.data.length
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8)
    local.writeUInt32LE(0, 14); local.writeUInt32LE(compressed.length, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10)
    central.writeUInt32LE(0, 16); central.writeUInt32LE(compressed.length, 20); central.writeUInt32LE(size, 24); central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, compressed)
    centrals.push(central, name)
    offset += 30 + name.length + compressed.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}
