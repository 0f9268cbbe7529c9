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

export interface RosterCheckState {
  /** Data rows so far (blank rows are not counted). */
  readonly rowCount: number
  readonly validCount: number
  readonly errors: RosterError[]
  /** True once the header was wrong or there were too many rows: later rows are not checked. */
  readonly stopped: boolean
}

/** A roster checked row by row (for a file read as a stream): feed rows in order, then `finish`. */
export interface IncrementalRosterCheck extends RosterCheckState {
  /** Checks the next row (the first row is the header); returns the member when the row passes every check. */
  add(cells: readonly RosterCell[]): RosterMember | undefined
  /** Adds the checks that need the end of the file (an empty roster) and gives the totals. */
  finish(): RosterCheckState
}

export function startRosterCheck(ctx: RosterContext): IncrementalRosterCheck {
  const errors: RosterError[] = []
  const firstRowById = new Map<string, number>()
  let rowNumber = 0
  let rowCount = 0
  let validCount = 0
  let stopped = false
  const headerError = (): RosterError => ({ row: 1, column: '', cell: 'A1', code: 'roster_header_mismatch', message: message('roster_header_mismatch', { expected: rosterHeaders.join('、') }) })
  return {
    get rowCount() { return rowCount },
    get validCount() { return validCount },
    get errors() { return errors },
    get stopped() { return stopped },
    add(cells) {
      if (stopped) return undefined
      rowNumber++
      if (rowNumber === 1) {
        if (!headerMatches(cells)) {
          errors.push(headerError())
          stopped = true
        }
        return undefined
      }
      if (isBlankRow(cells)) return undefined
      rowCount++
      if (rowCount > MAX_ROSTER_ROWS) {
        errors.push({ row: rowNumber, column: '', cell: `A${rowNumber}`, code: 'roster_too_many_rows', message: message('roster_too_many_rows', { max: MAX_ROSTER_ROWS }) })
        validCount = 0
        stopped = true
        return undefined
      }
      const checked = checkRosterRow(cells, rowNumber, ctx)
      if (!checked.ok) {
        errors.push(...checked.errors)
        return undefined
      }
      const id = checked.member.idNumber.value
      const first = firstRowById.get(id)
      if (first !== undefined) {
        const index = columnIndex('idNumber')
        errors.push({ row: rowNumber, column: '身份证号码', cell: `${columnLetter(index)}${rowNumber}`, code: 'roster_duplicate_id', message: message('roster_duplicate_id', { row: first }) })
        return undefined
      }
      firstRowById.set(id, rowNumber)
      validCount++
      return checked.member
    },
    finish() {
      if (!stopped && (rowNumber <= 1 || rowCount === 0)) {
        if (rowNumber === 0) errors.push(headerError())
        else errors.push({ row: 2, column: '', cell: 'A2', code: 'roster_empty', message: message('roster_empty') })
      }
      return { rowCount, validCount, errors, stopped }
    },
  }
}

/**
 * Checks a whole roster given as rows of cells (the first row is the header).
 * Adds the checks that need the whole file: the header and duplicate ID numbers.
 * For a file read as a stream, use `startRosterCheck` and feed it row by row.
 */
export function checkRoster(rows: Iterable<readonly RosterCell[]>, ctx: RosterContext): RosterCheck {
  const check = startRosterCheck(ctx)
  let members: RosterMember[] = []
  for (const cells of rows) {
    if (check.stopped) break
    const member = check.add(cells)
    if (member) members.push(member)
  }
  const { rowCount, validCount, errors, stopped } = check.finish()
  if (stopped) members = []
  return { rowCount, validCount, errors, members }
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
