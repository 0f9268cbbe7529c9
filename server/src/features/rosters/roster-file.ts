import { open as openFile } from 'node:fs/promises'
import { StringDecoder } from 'node:string_decoder'
import ExcelJS from 'exceljs'
import yauzl from 'yauzl'
import { MAX_ROSTER_ROWS, startRosterCheck, type RosterCell, type RosterCheckState, type RosterContext, type RosterMember } from '@huzhu/shared'
import { AppError } from '../../http/errors'

/** Limits checked on the zip's central directory before any XML is inflated. */
export const ZIP_LIMITS = {
  maxEntries: 2_000,
  maxTotalUncompressed: 200 * 1024 * 1024,
  /** An entry over 1 MB inflating more than this many times is a bomb (worksheet XML compresses ~10-20×). */
  maxRatio: 100,
} as const

const invalid = (reason: string) => new AppError(422, 'roster_invalid_file', { details: [{ reason }] })

/** Refuses anything that does not start like a zip file (an .xlsx is a zip). */
export async function assertZipMagic(path: string): Promise<void> {
  const handle = await openFile(path, 'r')
  try {
    const head = Buffer.alloc(4)
    const { bytesRead } = await handle.read(head, 0, 4, 0)
    if (bytesRead < 4 || head.readUInt32LE(0) !== 0x04034b50) throw invalid('not_a_zip')
  } finally {
    await handle.close()
  }
}

/**
 * Reads the zip's central directory with yauzl (no entry is inflated) and
 * refuses a zip bomb: too many entries, too much uncompressed data in all, or an
 * absurd compression ratio; and a zip that is not a workbook.
 */
export function inspectZip(path: string): Promise<void> {
  return new Promise((done, fail) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, strictFileNames: false, validateEntrySizes: true }, (openError, zip) => {
      if (openError || !zip) return fail(invalid('not_a_zip'))
      let entries = 0
      let total = 0
      let workbook = false
      const stop = (reason: string) => {
        zip.close()
        fail(invalid(reason))
      }
      zip.on('error', () => stop('corrupt_zip'))
      zip.on('entry', (entry: yauzl.Entry) => {
        entries++
        total += entry.uncompressedSize
        if (entry.fileName === 'xl/workbook.xml') workbook = true
        if (entries > ZIP_LIMITS.maxEntries) return stop('too_many_entries')
        if (total > ZIP_LIMITS.maxTotalUncompressed) return stop('too_large_uncompressed')
        if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize > Math.max(1, entry.compressedSize) * ZIP_LIMITS.maxRatio) return stop('compression_ratio')
        zip.readEntry()
      })
      zip.on('end', () => (workbook ? done() : fail(invalid('not_a_workbook'))))
      zip.readEntry()
    })
  })
}

const MAX_COLUMNS = 30

/** Decodes a byte stream as UTF-8 across chunk boundaries (a character split between two chunks stays whole). */
async function* utf8Chunks(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8')
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk)
    if (text) yield text
  }
  const rest = decoder.end()
  if (rest) yield rest
}

interface ReaderInternals {
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: number): Generator<unknown>
}
type ReaderClass = new (input: string, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>) => ExcelJS.stream.xlsx.WorkbookReader & ReaderInternals

/**
 * exceljs 4.4's streaming reader decodes each inflated chunk on its own, so a
 * Chinese character that straddles two chunks becomes two U+FFFD (exceljs issue
 * #2084, still open): about one name in 4,000 rows. This reader hands its SAX
 * parser text decoded across chunk boundaries instead.
 */
class Utf8WorkbookReader extends (ExcelJS.stream.xlsx.WorkbookReader as unknown as ReaderClass) {
  override _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown> {
    entry.setEncoding('utf8')
    return super._parseSharedStrings(entry)
  }

  override _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: number): Generator<unknown> {
    return super._parseWorksheet(utf8Chunks(iterator), sheetNo)
  }
}

/** A cell value from exceljs as the roster check takes it: rich text, formulas and links become their text or result. */
function toCell(value: unknown): RosterCell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown }
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('')
    if ('result' in v) return toCell(v.result)
    if (typeof v.text === 'string') return v.text
  }
  return null
}

/**
 * Reads the first worksheet row by row with exceljs's streaming reader.
 * Yields `[rowNumber, cells]`; rows the sheet skips (empty) are not yielded.
 * Stops after `MAX_ROSTER_ROWS` + a margin so a huge sheet cannot run on.
 */
export async function* readRosterRows(path: string): AsyncGenerator<[number, RosterCell[]]> {
  const reader = new Utf8WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'emit' })
  let yielded = 0
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[]
        const cells: RosterCell[] = []
        for (let i = 1; i < Math.min(values.length, MAX_COLUMNS + 1); i++) cells.push(toCell(values[i]))
        yield [row.number, cells]
        if (++yielded > MAX_ROSTER_ROWS + 10) return
      }
      return
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw invalid('unreadable_workbook')
  }
}

/**
 * Checks the first sheet row by row with the shared rules as it streams in
 * (nothing is held but the duplicate check's index); `onMember` gets each good
 * row as soon as it passes. Row numbers stay as the spreadsheet shows them.
 */
export async function checkRosterStream(path: string, ctx: RosterContext, onMember?: (member: RosterMember) => void | Promise<void>): Promise<RosterCheckState> {
  const check = startRosterCheck(ctx)
  let expected = 1
  for await (const [number, cells] of readRosterRows(path)) {
    if (number > MAX_ROSTER_ROWS + 1_000) throw invalid('too_many_rows')
    for (; expected < number && !check.stopped; expected++) check.add([])
    expected = number + 1
    if (check.stopped) break
    const member = check.add(cells)
    if (member && onMember) await onMember(member)
  }
  return check.finish()
}
