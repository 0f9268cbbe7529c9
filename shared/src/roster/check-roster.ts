import { message } from '../messages'
import { columnIndex, columnLetter, headerMatches, rosterHeaders } from './columns'
import { checkRosterRow, isBlankRow, type RosterCell, type RosterContext, type RosterError, type RosterMember } from './check-row'

export const MAX_ROSTER_ROWS = 100_000

export interface RosterCheck {
  /** Data rows (blank rows are not counted). */
  rowCount: number
  validCount: number
  errors: RosterError[]
  /** The rows that passed every check, in file order. */
  members: RosterMember[]
}

/**
 * Checks a whole roster given as rows of cells (the first row is the header).
 * Rows are streamed in: the caller may pass a generator over a large file.
 * Adds the checks that need the whole file: the header and duplicate ID numbers.
 */
export function checkRoster(rows: Iterable<readonly RosterCell[]>, ctx: RosterContext): RosterCheck {
  const result: RosterCheck = { rowCount: 0, validCount: 0, errors: [], members: [] }
  const firstRowById = new Map<string, number>()
  let rowNumber = 0
  for (const cells of rows) {
    rowNumber++
    if (rowNumber === 1) {
      if (!headerMatches(cells)) {
        result.errors.push({ row: 1, column: '', cell: 'A1', code: 'roster_header_mismatch', message: message('roster_header_mismatch', { expected: rosterHeaders.join('、') }) })
        return result
      }
      continue
    }
    if (isBlankRow(cells)) continue
    result.rowCount++
    if (result.rowCount > MAX_ROSTER_ROWS) {
      result.errors.push({ row: rowNumber, column: '', cell: `A${rowNumber}`, code: 'roster_too_many_rows', message: message('roster_too_many_rows', { max: MAX_ROSTER_ROWS }) })
      result.members = []
      result.validCount = 0
      return result
    }
    const checked = checkRosterRow(cells, rowNumber, ctx)
    if (!checked.ok) {
      result.errors.push(...checked.errors)
      continue
    }
    const id = checked.member.idNumber.value
    const first = firstRowById.get(id)
    if (first !== undefined) {
      const index = columnIndex('idNumber')
      result.errors.push({ row: rowNumber, column: '身份证号码', cell: `${columnLetter(index)}${rowNumber}`, code: 'roster_duplicate_id', message: message('roster_duplicate_id', { row: first }) })
      continue
    }
    firstRowById.set(id, rowNumber)
    result.members.push(checked.member)
    result.validCount++
  }
  if (rowNumber <= 1 || result.rowCount === 0) {
    if (rowNumber === 0) result.errors.push({ row: 1, column: '', cell: 'A1', code: 'roster_header_mismatch', message: message('roster_header_mismatch', { expected: rosterHeaders.join('、') }) })
    else result.errors.push({ row: 2, column: '', cell: 'A2', code: 'roster_empty', message: message('roster_empty') })
  }
  return result
}

/** Errors grouped by row, as the 错误说明 column of the file sent back shows them. */
export function errorsByRow(errors: readonly RosterError[]): Map<number, string> {
  const byRow = new Map<number, string>()
  for (const e of errors) {
    const text = e.column ? `${e.column}：${e.message}` : e.message
    byRow.set(e.row, byRow.has(e.row) ? `${byRow.get(e.row)}；${text}` : text)
  }
  return byRow
}
