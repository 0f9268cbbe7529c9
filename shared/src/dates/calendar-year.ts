import { message } from '../messages'
import type { FieldProblem } from '../validation'
import { addDays, daysBetween, isoWeekday, type CivilDate } from './civil-date'
import { compileCalendar, yearOf, type HolidayCalendar, type HolidayCalendarData } from './working-days'

/**
 * One year of the holiday calendar as an admin enters it: the public holidays
 * (法定节假日, weekend days inside a holiday block included) and the weekend days
 * worked in exchange (调休上班). The server stores a year whole; the pure
 * computation takes the years as data (`calendarFromYears`).
 */
export interface CalendarYearData {
  year: number
  holidays: CivilDate[]
  workdays: CivilDate[]
}

/** Days before the calendar runs out when the admin home starts warning. */
export const CALENDAR_WARNING_DAYS = 60

export function calendarFromYears(id: string, years: readonly CalendarYearData[]): HolidayCalendar {
  return compileCalendar({
    id,
    years: years.map((y) => y.year),
    holidays: years.flatMap((y) => y.holidays),
    workdays: years.flatMap((y) => y.workdays),
  })
}

/** A calendar file (all years in two lists) as one entry per year, dates sorted. */
export function calendarYearsOf(data: Pick<HolidayCalendarData, 'years' | 'holidays' | 'workdays'>): CalendarYearData[] {
  return [...new Set(data.years)].sort((a, b) => a - b).map((year) => ({
    year,
    holidays: data.holidays.filter((d) => yearOf(d) === year).sort(),
    workdays: data.workdays.filter((d) => yearOf(d) === year).sort(),
  }))
}

function problem(path: string, code: 'calendar_date_outside_year' | 'calendar_date_both_kinds' | 'calendar_workday_not_weekend' | 'calendar_no_holidays', params: Record<string, string | number>): FieldProblem & { date?: CivilDate } {
  return { path, code, message: message(code, params), ...(typeof params.date === 'string' ? { date: params.date } : {}) }
}

export type CalendarYearCheck =
  | { ok: true; value: CalendarYearData }
  | { ok: false; problems: (FieldProblem & { date?: CivilDate })[] }

/**
 * Checks a year as entered (dates already well formed): every date inside the
 * year; no date both a holiday and a make-up working day; a make-up working day
 * is a Saturday or Sunday (a weekday is a working day anyway); at least one
 * holiday (every year has New Year's Day). A holiday may fall on any day: a
 * holiday block's weekend days are listed with it. The same date twice in a
 * list is one date. Returns the year with sorted, distinct dates, or every
 * problem with its path (`holidays.3`) and the date.
 */
export function checkCalendarYear(year: number, input: { holidays: readonly CivilDate[]; workdays: readonly CivilDate[] }): CalendarYearCheck {
  const problems: (FieldProblem & { date?: CivilDate })[] = []
  const holidays = new Set(input.holidays)
  input.holidays.forEach((date, i) => {
    if (yearOf(date) !== year) problems.push(problem(`holidays.${i}`, 'calendar_date_outside_year', { date, year }))
  })
  input.workdays.forEach((date, i) => {
    if (yearOf(date) !== year) problems.push(problem(`workdays.${i}`, 'calendar_date_outside_year', { date, year }))
    else if (holidays.has(date)) problems.push(problem(`workdays.${i}`, 'calendar_date_both_kinds', { date }))
    else if (isoWeekday(date) <= 5) problems.push(problem(`workdays.${i}`, 'calendar_workday_not_weekend', { date }))
  })
  if (input.holidays.length === 0) problems.push(problem('holidays', 'calendar_no_holidays', { year }))
  if (problems.length > 0) return { ok: false, problems }
  return { ok: true, value: { year, holidays: [...holidays].sort(), workdays: [...new Set(input.workdays)].sort() } }
}

/** How far the published calendar reaches from today. */
export interface CalendarCoverage {
  /** The last day counted on published holidays (the end of the run of published years from today's); null: today's year is not published. */
  coveredThrough: CivilDate | null
  /** The first year to publish next (the year after `coveredThrough`, or today's). */
  nextYear: number
  /** Days from today until the first day counted on weekends alone (0: already). */
  daysLeft: number
  /** True from `CALENDAR_WARNING_DAYS` before the calendar runs out. */
  warning: boolean
}

export function calendarCoverage(publishedYears: Iterable<number>, today: CivilDate, warningDays = CALENDAR_WARNING_DAYS): CalendarCoverage {
  const years = new Set(publishedYears)
  let year = yearOf(today)
  while (years.has(year)) year++
  if (year === yearOf(today)) return { coveredThrough: null, nextYear: year, daysLeft: 0, warning: true }
  const coveredThrough = `${year - 1}-12-31`
  const daysLeft = daysBetween(today, addDays(coveredThrough, 1))
  return { coveredThrough, nextYear: year, daysLeft, warning: daysLeft <= warningDays }
}
