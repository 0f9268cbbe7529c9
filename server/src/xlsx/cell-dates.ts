import { cellText, isCivilDate, type CivilDate } from '@huzhu/shared'
import type { SheetCell } from './sheet-reader'

/** Excel's day 0 (the 1900 date system, its 1900-02-29 included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)

/**
 * A date in a spreadsheet cell: a date cell (the streaming reader ignores
 * styles, so it arrives as Excel's serial day number; a time of day, the
 * fraction, is dropped), or text `2026-11-25`, `2026/11/25`, `2026.11.25`,
 * `2026年11月25日`, `20261125` (as text or a number), a time after it ignored.
 * `undefined` when the cell is empty, null when it is not a real date.
 */
export function sheetDate(cell: SheetCell | undefined): CivilDate | null | undefined {
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 19_000_101 && cell <= 29_991_231) return sheetDate(String(cell))
    if (!Number.isFinite(cell) || cell < 1 || cell >= 2_958_466) return null
    return new Date(EXCEL_EPOCH_MS + Math.floor(cell) * 86_400_000).toISOString().slice(0, 10)
  }
  const text = cellText(cell).split(/[\sT]/)[0] ?? ''
  if (text === '') return undefined
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text)
  if (!m) return null
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
  return isCivilDate(date) ? date : null
}
