import { once } from 'node:events'
import { createDeflateRaw, crc32 } from 'node:zlib'
import { rosterHeaders } from '@huzhu/shared'
import { freshIdNumber } from './members'

/**
 * Hand-built xlsx files for the reader's limits: real, valid zips (CRC-32 and
 * sizes right unless a size is made to lie), generated in the test, never
 * committed. Entry contents may be produced piece by piece, so a 186 MB
 * sheet never sits in memory whole.
 */
export interface ZipEntrySource {
  name: string
  /** The entry's bytes, whole or in pieces. */
  data: string | Buffer | Iterable<string | Buffer>
  /** A false uncompressed size written into both headers (the real bytes are still deflated). */
  claimedSize?: number
}

const u16 = (n: number) => { const b = Buffer.alloc(2); b.writeUInt16LE(n); return b }
const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(n >>> 0); return b }

async function deflateEntry(data: ZipEntrySource['data']): Promise<{ compressed: Buffer; size: number; crc: number }> {
  const deflate = createDeflateRaw({ level: 6 })
  const out: Buffer[] = []
  deflate.on('data', (c: Buffer) => out.push(c))
  const ended = once(deflate, 'end')
  let size = 0
  let crc = 0
  const pieces = typeof data === 'string' || Buffer.isBuffer(data) ? [data] : data
  for (const piece of pieces) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece
    size += bytes.length
    crc = crc32(bytes, crc)
    if (!deflate.write(bytes)) await once(deflate, 'drain')
  }
  deflate.end()
  await ended
  return { compressed: Buffer.concat(out), size, crc }
}

/** A zip of these entries (deflated, no data descriptors), in this order. */
export async function buildZip(entries: readonly ZipEntrySource[]): Promise<Buffer> {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const { compressed, size, crc } = await deflateEntry(entry.data)
    const name = Buffer.from(entry.name)
    const declared = entry.claimedSize ?? size
    // version, flags (bit 11: UTF-8 names), method 8 (deflate), time, date, crc, sizes, name length, extra length
    const common = [u16(20), u16(0x0800), u16(8), u16(0), u16(0x5a21), u32(crc), u32(compressed.length), u32(declared), u16(name.length), u16(0)]
    const local = Buffer.concat([u32(0x04034b50), ...common, name])
    const central = Buffer.concat([u32(0x02014b50), u16(20), ...common, u16(0), u16(0), u16(0), u32(0), u32(offset), name])
    locals.push(local, compressed)
    centrals.push(central)
    offset += local.length + compressed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(directory.length), u32(offset), u16(0)])
  return Buffer.concat([...locals, directory, end])
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships'

/** The entries every workbook needs around one sheet (and its shared strings, if any). */
export function workbookEntries(sharedStrings: boolean): ZipEntrySource[] {
  return [
    {
      name: '[Content_Types].xml',
      data: `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`,
    },
    { name: '_rels/.rels', data: `${XML}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `${XML}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="参保名单" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `${XML}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>${sharedStrings ? `<Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    },
  ]
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const column = (i: number) => String.fromCharCode(65 + i)

/** One `<row>` of inline-string and number cells. */
export function sheetRow(r: number, cells: readonly (string | number)[]): string {
  const xml = cells.map((v, i) => typeof v === 'number'
    ? `<c r="${column(i)}${r}"><v>${v}</v></c>`
    : `<c r="${column(i)}${r}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`).join('')
  return `<row r="${r}">${xml}</row>`
}

const SHEET_START = `${XML}<worksheet xmlns="${MAIN_NS}"><sheetData>`
const SHEET_END = '</sheetData></worksheet>'

/**
 * A one-sheet workbook: `sheetData` is the XML inside `<sheetData>` (whole or
 * in pieces); `sharedStrings` the XML inside `<sst>`, if any.
 */
export function xlsxWith(sheetData: string | Iterable<string>, sharedStrings?: string | Iterable<string>): Promise<Buffer> {
  const wrap = (start: string, body: string | Iterable<string>, end: string): Iterable<string> => (typeof body === 'string' ? [start, body, end] : [start, ...body, end])
  return buildZip([
    ...workbookEntries(sharedStrings !== undefined),
    ...(sharedStrings !== undefined ? [{ name: 'xl/sharedStrings.xml', data: wrap(`${XML}<sst xmlns="${MAIN_NS}">`, sharedStrings, '</sst>') }] : []),
    { name: 'xl/worksheets/sheet1.xml', data: wrap(SHEET_START, sheetData, SHEET_END) },
  ])
}

/** A good roster row's cells (Shaanxi gig plan), with a fresh ID number. */
const goodRow = (seq: number): (string | number)[] => [seq, '张三', '男', freshIdNumber(), '13812345678', '外卖员', '美团西安站', '是', 'ZY', 1]

/** A roster whose `<row>` elements carry exactly these `r` numbers, in this order (the first is the header). */
export function rosterWithRowNumbers(rowNumbers: readonly number[]): Promise<Buffer> {
  const rows = rowNumbers.map((r, i) => (i === 0 ? sheetRow(r, [...rosterHeaders]) : sheetRow(r, goodRow(i))))
  return buildZip([...workbookEntries(false), { name: 'xl/worksheets/sheet1.xml', data: `${SHEET_START}${rows.join('')}${SHEET_END}` }])
}

/**
 * A shared-strings bomb: `count` distinct shared strings (1.9 M ≈ 186 MB of XML,
 * about 5.5 MB zipped: a ratio of ~34, inside the central directory's limits),
 * and a one-sheet roster whose rows point at them. Each string is its number
 * and `fillerLength` underscores (a short filler makes many small strings).
 */
export function sharedStringsBomb(count = 1_900_000, fillerLength = 75): Promise<Buffer> {
  const filler = '_'.repeat(fillerLength)
  function* strings(): Generator<string> {
    yield `${XML}<sst xmlns="${MAIN_NS}" count="${count}" uniqueCount="${count}">`
    const batch: string[] = []
    for (let i = 0; i < count; i++) {
      batch.push(`<si><t>${i}${filler}</t></si>`)
      if (batch.length === 10_000) yield batch.splice(0).join('')
    }
    yield `${batch.join('')}</sst>`
  }
  const rows: string[] = []
  for (let r = 1; r <= 1_000; r++) {
    rows.push(`<row r="${r}">${Array.from({ length: 11 }, (_, i) => `<c r="${column(i)}${r}" t="s"><v>${(r * 11 + i) % count}</v></c>`).join('')}</row>`)
  }
  return buildZip([
    ...workbookEntries(true),
    { name: 'xl/sharedStrings.xml', data: strings() },
    { name: 'xl/worksheets/sheet1.xml', data: `${SHEET_START}${rows.join('')}${SHEET_END}` },
  ])
}

/**
 * A good one-row roster whose sheet declares `claimedBytes` uncompressed (the
 * central directory's checks pass) but inflates to `realBytes`: whitespace
 * between its rows, about 300 KB zipped for 300 MB.
 */
export function lyingSizeRoster(realBytes = 300 * 1024 * 1024, claimedBytes = 500 * 1024): Promise<Buffer> {
  const head = `${SHEET_START}${sheetRow(1, [...rosterHeaders])}${sheetRow(2, goodRow(1))}`
  function* sheet(): Generator<string | Buffer> {
    yield head
    const block = Buffer.alloc(1024 * 1024, 0x20)
    for (let left = realBytes - head.length - SHEET_END.length; left > 0; left -= block.length) yield left >= block.length ? block : block.subarray(0, left)
    yield SHEET_END
  }
  return buildZip([...workbookEntries(false), { name: 'xl/worksheets/sheet1.xml', data: sheet(), claimedSize: claimedBytes }])
}
