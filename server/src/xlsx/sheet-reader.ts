import { posix } from 'node:path'
import type { ErrorCode } from '@huzhu/shared'
import { AppError } from '../http/errors'
import { XLSX_LIMITS } from './limits'
import { parseSlots } from './parse-slots'
import { readSharedStrings, type SharedStringTable } from './shared-strings'
import { sheetErrors, spreadsheetError, type SheetErrors } from './sheet-errors'
import { parseXml } from './xml-stream'
import { openArchive, type ZipArchive } from './zip-archive'

/** A cell's value: text, a number (dates are Excel serial days: styles are not read), a boolean, or nothing. */
export type SheetCell = string | number | boolean | null
/** A row as the sheet numbers it (1 is the first) and its cells from column A. */
export type SheetRow = [number, SheetCell[]]

export interface SheetReadOptions {
  /** The refusal of a file that cannot be read, e.g. `roster_invalid_file` (`details[0].reason` says why). */
  invalidFileCode: ErrorCode
  /** Cells kept per row, from column A; the rest are counted, not kept. */
  maxColumns: number
}

const MAX_SHEET_ROW = 1_048_576
const MAX_SHEET_COLUMN = 16_384

interface WorkbookParts {
  sheet: string
  sharedStrings: string | null
}

/** Reads a small part (a relationship list, the workbook) and calls `open` for each element. */
async function scanPart(archive: ZipArchive, name: string, errors: SheetErrors, open: (name: string, attributes: Readonly<Record<string, string>>) => void): Promise<void> {
  for await (const _ of parseXml(archive.read(name), { open, text: () => undefined, close: () => undefined }, errors)) {
    // `open` collects what is needed.
  }
}

/** `r:id` whatever its prefix. */
function relationshipId(attributes: Readonly<Record<string, string>>): string | undefined {
  for (const [key, value] of Object.entries(attributes)) if (key.endsWith(':id')) return value
  return undefined
}

/** The first sheet in the workbook's own order (its first tab) and the shared strings, through the workbook's relationships. */
async function locateParts(archive: ZipArchive, errors: SheetErrors): Promise<WorkbookParts> {
  const targets = new Map<string, string>()
  let sharedStrings: string | null = null
  if (archive.has('xl/_rels/workbook.xml.rels')) {
    await scanPart(archive, 'xl/_rels/workbook.xml.rels', errors, (name, a) => {
      if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return
      const path = a.Target.startsWith('/') ? a.Target.slice(1) : posix.normalize(posix.join('xl', a.Target))
      targets.set(a.Id, path)
      if (a.Type?.endsWith('/sharedStrings')) sharedStrings = path
    })
  }
  let firstSheet: string | undefined
  await scanPart(archive, 'xl/workbook.xml', errors, (name, a) => {
    if (name === 'sheet' && firstSheet === undefined) firstSheet = targets.get(relationshipId(a) ?? '') ?? ''
  })
  const sheet = firstSheet || 'xl/worksheets/sheet1.xml'
  if (!archive.has(sheet)) throw errors.invalid('no_sheet')
  sharedStrings ??= archive.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : null
  return { sheet, sharedStrings: sharedStrings && archive.has(sharedStrings) ? sharedStrings : null }
}

/** `AB12` → 28; undefined when not a cell reference within Excel's columns. */
function columnOf(reference: string): number | undefined {
  let column = 0
  let i = 0
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i) & ~0x20 // a-z as A-Z
    if (code < 65 || code > 90) break
    column = column * 26 + (code - 64)
  }
  return i === 0 || i > 3 || column > MAX_SHEET_COLUMN ? undefined : column
}

function cellValue(type: string | undefined, value: string | null, inline: string | null, shared: SharedStringTable | null): SheetCell {
  switch (type) {
    case 's': {
      const index = value === null ? NaN : Number(value)
      return Number.isInteger(index) ? (shared?.get(index) ?? null) : null
    }
    case 'inlineStr':
      return inline ?? value
    case 'str':
    case 'd':
      return value
    case 'b':
      return value === null ? null : Number(value) !== 0
    case 'e':
      return null
    default: {
      if (value === null || value.trim() === '') return null
      const number = Number(value)
      return Number.isFinite(number) ? number : value
    }
  }
}

/** Streams the rows of one sheet part; rows must come in increasing order (as every spreadsheet program writes them). */
async function* readRows(chunks: AsyncIterable<Buffer>, shared: SharedStringTable | null, options: SheetReadOptions, errors: SheetErrors): AsyncGenerator<SheetRow> {
  const ready: SheetRow[] = []
  let rowNumber = 0
  let row: SheetCell[] | null = null
  let cells = 0
  let column = 0
  let cell: { type: string | undefined; value: string | null; inline: string | null } | null = null
  let collecting: 'value' | 'inline' | null = null
  let inPhonetic = false
  const append = (text: string, to: string | null) => {
    const joined = (to ?? '') + text
    if (joined.length > XLSX_LIMITS.maxTextChars) throw errors.invalid('text_too_long')
    return joined
  }
  const parsing = parseXml(chunks, {
    open(name, a) {
      if (name === 'row') {
        const number = a.r === undefined ? rowNumber + 1 : /^[1-9]\d{0,6}$/.test(a.r) ? Number(a.r) : NaN
        if (!(number <= MAX_SHEET_ROW)) throw new AppError(422, 'spreadsheet_row_number_invalid', { params: { row: (a.r ?? '').slice(0, 20) }, details: [{ reason: 'row_number_invalid' }] })
        if (number <= rowNumber) throw new AppError(422, 'spreadsheet_rows_out_of_order', { params: { row: number, previous: rowNumber }, details: [{ reason: 'rows_out_of_order', row: number }] })
        rowNumber = number
        row = []
        column = 0
      } else if (row === null) {
        return
      } else if (name === 'c') {
        if (++cells > XLSX_LIMITS.maxCells) throw spreadsheetError('spreadsheet_too_many_cells', XLSX_LIMITS.maxCells, 'too_many_cells')
        const next = a.r === undefined ? column + 1 : columnOf(a.r)
        if (next === undefined) throw errors.invalid('cell_reference_invalid')
        column = next
        cell = { type: a.t, value: null, inline: null }
      } else if (cell && name === 'v') {
        collecting = 'value'
        cell.value = ''
      } else if (cell && name === 'is') {
        cell.inline = ''
      } else if (cell && name === 'rPh') {
        inPhonetic = true
      } else if (cell && name === 't' && cell.inline !== null && !inPhonetic) {
        collecting = 'inline'
      }
    },
    text(text) {
      if (collecting === 'value') cell!.value = append(text, cell!.value)
      else if (collecting === 'inline') cell!.inline = append(text, cell!.inline)
    },
    close(name) {
      if (name === 'v' || name === 't') collecting = null
      else if (name === 'rPh') inPhonetic = false
      else if (name === 'c' && cell && row) {
        if (column <= options.maxColumns) row[column - 1] = cellValue(cell.type, cell.value, cell.inline, shared)
        cell = null
      } else if (name === 'row' && row) {
        ready.push([rowNumber, Array.from(row, (v) => v ?? null)])
        row = null
      }
    },
  }, errors)
  for await (const _ of parsing) {
    if (ready.length > 0) yield* ready.splice(0)
  }
}

/**
 * Reads the first sheet of an uploaded xlsx row by row, within the server's
 * limits (`XLSX_LIMITS`) and one of the process's parse slots (`PARSE_SLOTS`:
 * a 503 when too many files are being read). Nothing is written anywhere;
 * only the shared strings and one row are held. Stopping early (`break`)
 * frees the slot and the file.
 */
export async function* readFirstSheet(path: string, options: SheetReadOptions): AsyncGenerator<SheetRow> {
  const errors = sheetErrors(options.invalidFileCode)
  const release = await parseSlots.acquire()
  try {
    const archive = await openArchive(path, errors)
    try {
      const parts = await locateParts(archive, errors)
      const shared = parts.sharedStrings ? await readSharedStrings(archive.read(parts.sharedStrings), errors) : null
      yield* readRows(archive.read(parts.sheet), shared, options, errors)
    } finally {
      archive.close()
    }
  } finally {
    release()
  }
}
