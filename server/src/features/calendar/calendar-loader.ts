import { calendarFromYears, type CalendarYearData, type HolidayCalendar } from '@huzhu/shared'
import type { Db } from '../../db/open'
import { listCalendarDayRows, listCalendarYearRows } from './calendar.repository'

/** The id of the calendar the office keeps (every due date is counted on it). */
export const OFFICE_CALENDAR_ID = 'office'

/** The entered years (all, or those listed) as data for the shared computation. */
export async function loadCalendarYears(db: Db, years?: readonly number[]): Promise<CalendarYearData[]> {
  const entered = await listCalendarYearRows(db, years)
  const days = await listCalendarDayRows(db, entered.map((y) => y.year))
  return entered.map((y) => ({
    year: y.year,
    holidays: days.filter((d) => d.year === y.year && d.kind === 'holiday').map((d) => d.date),
    workdays: days.filter((d) => d.year === y.year && d.kind === 'workday').map((d) => d.date),
  }))
}

/**
 * The holiday calendar from the database, for the shared working-day
 * computation: the listed years (a due date needs the year of its start and the
 * next), or every year. Read in the caller's transaction, so a count and a
 * calendar change never interleave.
 */
export async function loadCalendar(db: Db, years?: readonly number[]): Promise<HolidayCalendar> {
  return calendarFromYears(OFFICE_CALENDAR_ID, await loadCalendarYears(db, years))
}
