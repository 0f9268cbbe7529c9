import {
  bankResultColumns, cellText, maskBankAccountNumber, parseYuan, requiredBankResultColumns, type CivilDate, type MessageCode, type MessageParams,
} from '@huzhu/shared'
import { AppError } from '../../http/errors'
import { readFirstSheet, type SheetCell } from '../../xlsx/sheet-reader'
import { sheetDate } from '../../xlsx/cell-dates'

/** Data rows read from one results file at most (a bank's day of batch transfers fits easily). */
export const MAX_RESULT_ROWS = 20_000
/** Columns read per row: a bank's results sheet has a dozen or so. */
const MAX_COLUMNS = 40

type ColumnKey = keyof typeof bankResultColumns

/** One line of the bank's results, as far as it can be read on its own. */
export interface BankResultLine {
  row: number
  /** The claim number found in 附言 (`clm_…`), else null. */
  claimNumber: string | null
  /** 收款账号 as digits, with `*` where the bank masked some; null when left out. */
  account: string | null
  amountFen: number | null
  result: 'paid' | 'failed' | null
  reason: string | null
  /** The bank's date; null when the file gives none. */
  settledOn: CivilDate | null
  reference: string | null
  /** What is wrong with the line by itself (it will change nothing). */
  problem: { code: MessageCode; params?: MessageParams } | null
}

const CLAIM_NUMBER = /clm_[0-9A-HJKMNP-TV-Z]{26}/i

/** 成功 / 交易成功 → paid; 失败 / 交易失败 / 退票 / 退回 → failed; anything else unknown. */
function bankResult(text: string): 'paid' | 'failed' | null {
  if (/失败|退票|退回|fail/i.test(text)) return 'failed'
  if (/成功|success/i.test(text)) return 'paid'
  return null
}

/** A cell of 收款账号: digits (and `*` where masked), spaces dropped; a number cell long enough to have lost digits is refused. */
function bankAccount(cell: SheetCell | undefined): { account: string | null; lostDigits: boolean } {
  if (typeof cell === 'number') return Number.isSafeInteger(cell) ? { account: String(cell), lostDigits: false } : { account: null, lostDigits: true }
  const text = cellText(cell).replace(/\s+/g, '')
  return { account: text === '' ? null : text, lostDigits: false }
}

/** Column positions by the header's names; 422 naming every required column missing. */
function locateColumns(header: readonly SheetCell[]): Map<ColumnKey, number> {
  const names = header.map((cell) => cellText(cell))
  const found = new Map<ColumnKey, number>()
  for (const [key, name] of Object.entries(bankResultColumns) as [ColumnKey, string][]) {
    const index = names.indexOf(name)
    if (index >= 0) found.set(key, index)
  }
  const missing = requiredBankResultColumns.filter((key) => !found.has(key)).map((key) => bankResultColumns[key])
  if (missing.length > 0) throw new AppError(422, 'claim_payment_results_columns_missing', { params: { columns: missing.join('、') }, details: missing.map((column) => ({ column })) })
  return found
}

/**
 * Reads the bank's results file (first sheet; the first row names the columns,
 * see `bankResultColumns`) through the bounded spreadsheet reader. Each data
 * row becomes a line with what could be read of it and, when something is wrong
 * with it alone, the problem; blank rows are skipped. 422 for a file that
 * cannot be read, lacks a required column, holds no data or too many rows.
 */
export async function readBankResults(path: string, today: CivilDate): Promise<BankResultLine[]> {
  const lines: BankResultLine[] = []
  let columns: Map<ColumnKey, number> | null = null
  for await (const [row, cells] of readFirstSheet(path, { invalidFileCode: 'claim_payment_results_invalid_file', maxColumns: MAX_COLUMNS })) {
    if (!columns) {
      columns = locateColumns(cells)
      continue
    }
    if (cells.every((c) => cellText(c) === '')) continue
    if (lines.length >= MAX_RESULT_ROWS) throw new AppError(422, 'claim_payment_results_invalid_file', { details: [{ reason: 'too_many_rows' }] })
    const cell = (key: ColumnKey) => {
      const index = columns!.get(key)
      return index === undefined ? undefined : cells[index]
    }
    const claimNumber = CLAIM_NUMBER.exec(cellText(cell('memo')))?.[0]
    const { account, lostDigits } = bankAccount(cell('account'))
    const amountFen = parseYuan(cellText(cell('amount')))
    const result = bankResult(cellText(cell('result')))
    const date = sheetDate(cell('date'))
    const reason = cellText(cell('reason')).replace(/\s+/g, ' ').slice(0, 200)
    const reference = cellText(cell('reference')).slice(0, 64)
    let problem: BankResultLine['problem'] = null
    if (!claimNumber) problem = { code: 'bank_result_no_claim_number' }
    else if (lostDigits) problem = { code: 'bank_result_account_lost_digits' }
    else if (account === null || !/^[0-9*]+$/.test(account)) problem = { code: 'bank_result_account_mismatch' }
    else if (amountFen === null) problem = { code: 'bank_result_amount_invalid' }
    else if (result === null) problem = { code: 'bank_result_unknown' }
    else if (date === null || (date !== undefined && date > today)) problem = { code: 'bank_result_date_invalid' }
    lines.push({
      row, claimNumber: claimNumber ? `clm_${claimNumber.slice(4).toUpperCase()}` : null, account, amountFen, result,
      reason: reason === '' ? null : reason, settledOn: date ?? null, reference: reference === '' ? null : reference, problem,
    })
  }
  if (!columns || lines.length === 0) throw new AppError(422, 'claim_payment_results_empty')
  return lines
}

/**
 * Whether the account the bank names is this one: the same digits, or, where the
 * bank masked the middle (`6222****0128`), the same digits before and after.
 */
export function sameAccount(named: string, digits: string): boolean {
  if (!named.includes('*')) return named === digits
  const prefix = /^\d*/.exec(named)![0]
  const suffix = /\d*$/.exec(named)![0]
  return prefix.length + suffix.length >= 4 && named.length <= digits.length + 8 && digits.startsWith(prefix) && digits.endsWith(suffix)
}

/** What a line's account shows in the answer: never more than the first and last four digits. */
export function maskNamedAccount(named: string | null): string | null {
  if (named === null) return null
  if (!named.includes('*')) return maskBankAccountNumber(named)
  return `${/^\d*/.exec(named)![0].slice(0, 4)} **** **** ${/\d*$/.exec(named)![0].slice(-4)}`
}
