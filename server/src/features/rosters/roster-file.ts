import { MAX_ROSTER_ROWS, startRosterCheck, type RosterCheckState, type RosterContext, type RosterMember } from '@huzhu/shared'
import { AppError } from '../../http/errors'
import { readFirstSheet, type SheetRow } from '../../xlsx/sheet-reader'
import { rosterUpload } from './roster-upload'

const invalid = (reason: string) => new AppError(422, rosterUpload.codes.invalidFile, { details: [{ reason }] })

/** Columns read per row (the roster has 11; a few more are tolerated and ignored by the check). */
const MAX_COLUMNS = 30

/**
 * Reads the first worksheet row by row (`xlsx/sheet-reader.ts`: the zip and
 * XML limits, one of the process's parse slots, nothing written to disk).
 * Yields `[rowNumber, cells]` in increasing row order; rows the sheet skips
 * (empty) are not yielded. Stops after `MAX_ROSTER_ROWS` + a margin so a huge
 * sheet cannot run on.
 */
export async function* readRosterRows(path: string): AsyncGenerator<SheetRow> {
  let yielded = 0
  for await (const row of readFirstSheet(path, { invalidFileCode: rosterUpload.codes.invalidFile, maxColumns: MAX_COLUMNS })) {
    yield row
    if (++yielded > MAX_ROSTER_ROWS + 10) return
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
