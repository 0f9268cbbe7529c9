import { z } from 'zod'
import { addDays, isoWeekday, type CivilDate } from './civil-date'
import { civilDateSchema } from './schema'

/**
 * A holiday calendar: public holidays (法定节假日) and the weekend days that are
 * worked in exchange (调休上班), for the years whose arrangements the State
 * Council has published (国务院办公厅关于部分节假日安排的通知, each December for
 * the next year). It is data an admin maintains every year: the server keeps it
 * in its database and passes it in; this file only computes with it.
 *
 * A day in a year the calendar does not hold is a working day when it is Monday
 * to Friday (weekends alone), and a due date computed over such a day is
 * provisional: `dueDateAfter` says so, and it is computed again once the year is
 * published.
 */
export const holidayCalendarSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    source: z.string().optional(),
    years: z.array(z.number().int().min(1000).max(9999)).describe('the years whose arrangements are published; other years count weekends only'),
    holidays: z.array(civilDateSchema),
    workdays: z.array(civilDateSchema).describe('weekend days worked in exchange (调休)'),
  })
  .superRefine((data, ctx) => {
    for (const key of ['holidays', 'workdays'] as const) {
      data[key].forEach((date, i) => {
        if (!data.years.includes(yearOf(date))) ctx.addIssue({ code: 'custom', message: 'calendar_date_outside_year', path: [key, i] })
      })
    }
  })
export type HolidayCalendarData = z.infer<typeof holidayCalendarSchema>

export interface HolidayCalendar {
  readonly id: string
  /** The years whose holidays and make-up days are published. */
  readonly years: ReadonlySet<number>
  readonly holidays: ReadonlySet<CivilDate>
  readonly workdays: ReadonlySet<CivilDate>
}

/** The year of a `YYYY-MM-DD` date. */
export function yearOf(date: CivilDate): number {
  return Number(date.slice(0, 4))
}

export function compileCalendar(data: Pick<HolidayCalendarData, 'id' | 'years' | 'holidays' | 'workdays'>): HolidayCalendar {
  return { id: data.id, years: new Set(data.years), holidays: new Set(data.holidays), workdays: new Set(data.workdays) }
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

/** Whether every day after `from` up to and including `to` lies in a published year. */
export function isPublishedBetween(calendar: HolidayCalendar, from: CivilDate, to: CivilDate): boolean {
  for (let year = yearOf(addDays(from, 1)); year <= yearOf(to); year++) {
    if (!calendar.years.has(year)) return false
  }
  return true
}

/** A due date, and whether the calendar it was counted on holds every year it spans. */
export interface DueDate {
  date: CivilDate
  /** False: some day was counted on weekends alone (its year is not yet published); the date is provisional. */
  calendarPublished: boolean
}

/** `addWorkingDays`, saying whether the count crossed a year the calendar does not yet hold. */
export function dueDateAfter(calendar: HolidayCalendar, from: CivilDate, n: number): DueDate {
  const date = addWorkingDays(calendar, from, n)
  return { date, calendarPublished: isPublishedBetween(calendar, from, date) }
}
