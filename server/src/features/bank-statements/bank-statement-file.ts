import { bankStatementColumnNames, cellText, parseYuan, type BankStatementColumn, type CivilDate } from '@huzhu/shared'
import { AppError } from '../../http/errors'
import { readFirstSheet, type SheetCell } from '../../xlsx/sheet-reader'
import { sheetDate } from '../../xlsx/cell-dates'

/** Lines read from one statement at most (a month of an office's account fits easily). */
export const MAX_STATEMENT_LINES = 20_000
/** Columns kept per row: a bank's statement has a dozen or two. */
const MAX_COLUMNS = 40
/** The header is looked for in this many rows (banks put the account, the period … above it). */
const HEADER_ROWS = 20

/** One line of the statement as far as it can be read; `problem` when it cannot be matched at all. */
export interface StatementLine {
  row: number
  date: CivilDate | null
  payer: string
  /** Fen that came in; negative for money that went out; null when unreadable. */
  amountFen: number | null
  /** The memo columns (附言, 摘要, 用途 …) as the bank wrote them, joined. */
  reference: string
  problem: 'bank_line_date_invalid' | 'bank_line_amount_invalid' | null
}

/** Columns that say which way the money went, when the statement has them. */
const debitNames = ['支出金额', '借方金额', '借方发生额', '支出', '借方']
const directionNames = ['借贷标志', '借贷方向', '收支标志', '收支方向', '收支类型', '借贷', '收/支', '收支']

/** A header cell as compared: no spaces, no unit (`金额（元）` is `金额`), full-width made half-width. */
function headerName(cell: SheetCell | undefined): string {
  return cellText(cell).replace(/\s+/g, '').replace(/[(（](元|人民币|rmb|cny)[)）]$/i, '')
}

interface Columns {
  found: Partial<Record<BankStatementColumn, number>>
  references: number[]
  debit: number | undefined
  direction: number | undefined
}

/** The first of `names` (most specific first) that the header has. */
function columnOf(header: readonly string[], names: readonly string[]): number | undefined {
  for (const name of names) {
    const index = header.indexOf(name)
    if (index >= 0) return index
  }
  return undefined
}

function locate(cells: readonly SheetCell[]): Columns {
  const header = cells.map(headerName)
  const found: Columns['found'] = {}
  for (const key of Object.keys(bankStatementColumnNames) as BankStatementColumn[]) {
    const index = columnOf(header, bankStatementColumnNames[key])
    if (index !== undefined) found[key] = index
  }
  const names: readonly string[] = bankStatementColumnNames.reference
  const references = header.flatMap((name, i) => (names.includes(name) ? [i] : []))
  return { found, references, debit: columnOf(header, debitNames), direction: columnOf(header, directionNames) }
}

const missingOf = (columns: Columns) => (Object.keys(bankStatementColumnNames) as BankStatementColumn[]).filter((key) => columns.found[key] === undefined)

function refuseMissing(missing: readonly BankStatementColumn[], headerRow: number | null): AppError {
  const names = missing.map((key) => bankStatementColumnNames[key][0])
  return new AppError(422, 'bank_statement_columns_missing', {
    params: { columns: names.join('、') },
    details: missing.map((key) => ({ column: bankStatementColumnNames[key][0], accepted: bankStatementColumnNames[key].join('、'), headerRow })),
  })
}

/** Yuan as fen, signed: a number cell (to the fen), or text such as `2,400.00`, `-100.00`, `(100.00)`, `¥100`. undefined when empty. */
function fenOf(cell: SheetCell | undefined): number | null | undefined {
  if (typeof cell === 'number') {
    const fen = Math.round(cell * 100)
    return Number.isFinite(cell) && Math.abs(cell * 100 - fen) < 1e-6 && Math.abs(fen) <= 1e11 ? fen : null
  }
  let text = cellText(cell).replace(/\s+/g, '')
  if (text === '') return undefined
  let sign = 1
  if (/^[-−]/.test(text)) [sign, text] = [-1, text.slice(1)]
  else if (/^\(.*\)$/.test(text)) [sign, text] = [-1, text.slice(1, -1)]
  else if (text.startsWith('+')) text = text.slice(1)
  const fen = parseYuan(text.replace(/^(CNY|RMB)/i, ''))
  return fen === null ? null : sign * fen
}

/** 贷 / 收 / 入 / C: money in; 借 / 支 / 出 / D: money out; else unknown. */
function directionOf(cell: SheetCell | undefined): 'in' | 'out' | null {
  const text = cellText(cell)
  if (/贷|收|入|^c$/i.test(text)) return 'in'
  if (/借|支|出|付|^d$/i.test(text)) return 'out'
  return null
}

/** Totals a bank adds under its lines. */
const TOTAL_ROW = /^(合计|总计|小计|本页合计|本页小计|本期合计|累计)/

function lineOf(row: number, cells: readonly SheetCell[], columns: Columns): StatementLine {
  const at = (index: number | undefined) => (index === undefined ? undefined : cells[index])
  const date = sheetDate(at(columns.found.date)) ?? null
  let amountFen = fenOf(at(columns.found.amount))
  const debit = fenOf(at(columns.debit))
  // A credit column left empty (or 0) on a line with a debit: money that went out.
  if ((amountFen === undefined || amountFen === 0) && typeof debit === 'number' && debit !== 0) amountFen = -Math.abs(debit)
  if (typeof amountFen === 'number' && amountFen > 0 && directionOf(at(columns.direction)) === 'out') amountFen = -amountFen
  const texts = columns.references.map((i) => cellText(cells[i]).replace(/\s+/g, ' ')).filter((t, i, all) => t !== '' && all.indexOf(t) === i)
  const problem = date === null ? 'bank_line_date_invalid' : amountFen === null || amountFen === undefined ? 'bank_line_amount_invalid' : null
  return {
    row, date, payer: cellText(at(columns.found.payer)).replace(/\s+/g, ' ').slice(0, 100), amountFen: amountFen ?? null,
    reference: texts.join(' / ').slice(0, 200), problem,
  }
}

/**
 * Reads a bank statement (first sheet) through the bounded spreadsheet reader:
 * the header row is the first of the first 20 rows that names at least two of
 * the columns (交易日期, 付款人, 金额, 附言, each by its common names: see
 * `bankStatementColumnNames`); all four must be there (422 naming those not
 * found). Every row under it is a line, blank and total rows skipped. 422 for a
 * file that cannot be read, without lines, or with too many.
 */
export async function readBankStatement(path: string): Promise<StatementLine[]> {
  const lines: StatementLine[] = []
  let columns: Columns | null = null
  for await (const [row, cells] of readFirstSheet(path, { invalidFileCode: 'bank_statement_invalid_file', maxColumns: MAX_COLUMNS })) {
    if (!columns) {
      const candidate = locate(cells)
      const missing = missingOf(candidate)
      if (missing.length <= 2) {
        if (missing.length > 0) throw refuseMissing(missing, row)
        columns = candidate
      } else if (row >= HEADER_ROWS) {
        throw refuseMissing(Object.keys(bankStatementColumnNames) as BankStatementColumn[], null)
      }
      continue
    }
    const texts = cells.map((c) => cellText(c))
    if (texts.every((t) => t === '')) continue
    if (TOTAL_ROW.test(texts.find((t) => t !== '') ?? '')) continue
    if (lines.length >= MAX_STATEMENT_LINES) {
      throw new AppError(422, 'bank_statement_too_many_lines', { params: { limit: MAX_STATEMENT_LINES.toLocaleString('en') }, details: [{ reason: 'too_many_lines' }] })
    }
    lines.push(lineOf(row, cells, columns))
  }
  if (!columns) throw refuseMissing(Object.keys(bankStatementColumnNames) as BankStatementColumn[], null)
  if (lines.length === 0) throw new AppError(422, 'bank_statement_empty')
  return lines
}
