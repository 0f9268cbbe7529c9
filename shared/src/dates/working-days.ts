import { z } from 'zod'
import { addDays, isoWeekday, type CivilDate } from './civil-date'
import { civilDateSchema } from './schema'

/**
 * A holiday calendar: public holidays (法定节假日) and the weekend days that are
 * worked in exchange (调休上班). It is data an admin maintains every year.
 */
export const holidayCalendarSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  source: z.string().optional(),
  holidays: z.array(civilDateSchema),
  workdays: z.array(civilDateSchema).describe('weekend days worked in exchange (调休)'),
})
export type HolidayCalendarData = z.infer<typeof holidayCalendarSchema>

export interface HolidayCalendar {
  readonly id: string
  readonly holidays: ReadonlySet<CivilDate>
  readonly workdays: ReadonlySet<CivilDate>
}

export function compileCalendar(data: HolidayCalendarData): HolidayCalendar {
  return { id: data.id, holidays: new Set(data.holidays), workdays: new Set(data.workdays) }
}

export function isWorkingDay(calendar: HolidayCalendar, date: CivilDate): boolean {
  if (calendar.workdays.has(date)) return true
  if (calendar.holidays.has(date)) return false
  return isoWeekday(date) <= 5
}

/**
 * The date `n` working days after `from` (`from` itself does not count):
 * a claim whose last material arrived on `from` is due on `addWorkingDays(cal, from, 10)`.
 */
export function addWorkingDays(calendar: HolidayCalendar, from: CivilDate, n: number): CivilDate {
  let date = from
  let left = n
  while (left > 0) {
    date = addDays(date, 1)
    if (isWorkingDay(calendar, date)) left--
  }
  return date
}

/**
 * Working days after `from` up to and including `to`; 0 when `to` is not after `from`.
 * `workingDaysBetween(cal, d, addWorkingDays(cal, d, n)) === n`.
 */
export function workingDaysBetween(calendar: HolidayCalendar, from: CivilDate, to: CivilDate): number {
  let count = 0
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) {
    if (isWorkingDay(calendar, date)) count++
  }
  return count
}
