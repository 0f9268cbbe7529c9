import { chinaDateOf, dueDateAfter, openClaimStatuses, workingDaysBetween, yearOf, type CivilDate, type DueDate, type HolidayCalendar } from '@huzhu/shared'
import type { Db } from '../../db/open'
import { loadCalendar } from '../calendar/calendar-loader'
import { listOpenClaimsCountedOver, updateClaimRow } from './claims.repository'

/** Working days from the last material to the service target (DOMAIN.md: paid within 10 working days). */
export const SERVICE_DAYS = 10

/** 10 working days after the China date of the last material on this calendar (调休 included), provisional past its years. */
export function dueDateOf(calendar: HolidayCalendar, lastMaterialAt: string): DueDate {
  return dueDateAfter(calendar, chinaDateOf(new Date(lastMaterialAt)), SERVICE_DAYS)
}

/** The due date of material that arrived at `lastMaterialAt`, on the office's calendar as the database holds it. */
export async function dueDateFor(db: Db, lastMaterialAt: string): Promise<DueDate> {
  const year = yearOf(chinaDateOf(new Date(lastMaterialAt)))
  // Ten working days from any day of a year end in that year or early in the next.
  return dueDateOf(await loadCalendar(db, [year, year + 1]), lastMaterialAt)
}

/**
 * After the calendar of `year` changed: the due date of every open claim
 * counted over that year (submitted, in review, waiting for material), counted
 * again on `calendar`, and its provisional mark with it. Decided and closed
 * claims keep theirs. Run in the transaction that changes the calendar; returns
 * how many due dates moved (a claim only no longer provisional does not count).
 */
export async function recountOpenDueDates(db: Db, calendar: HolidayCalendar, year: number): Promise<number> {
  let moved = 0
  for (const claim of await listOpenClaimsCountedOver(db, year, openClaimStatuses)) {
    const due = dueDateOf(calendar, claim.last_material_at)
    const provisional = due.calendarPublished ? 0 : 1
    if (due.date === claim.due_on && provisional === claim.due_on_provisional) continue
    const updated = await updateClaimRow(db, claim.id, [claim.status], { due_on: due.date, due_on_provisional: provisional })
    if (updated && due.date !== claim.due_on) moved++
  }
  return moved
}

/**
 * Working days from the China date of the last material to the day a claim was
 * paid (the bank's date), on the office's calendar: the days to pay the
 * indicators report (`features/dashboard`), stored with the payment.
 */
export async function paidWorkingDaysFor(db: Db, lastMaterialAt: string, paidOn: CivilDate): Promise<number> {
  const from = chinaDateOf(new Date(lastMaterialAt))
  if (paidOn <= from) return 0
  const years: number[] = []
  for (let year = yearOf(from); year <= yearOf(paidOn); year++) years.push(year)
  return workingDaysBetween(await loadCalendar(db, years), from, paidOn)
}
