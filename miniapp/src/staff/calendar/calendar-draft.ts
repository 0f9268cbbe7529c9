import { addDays, calendarUi, daysBetween, fillTemplate, isCivilDate, isoWeekday, yearOf, type CivilDate } from '@huzhu/shared'

/** A year being edited: its holidays and make-up working days, each sorted. */
export interface CalendarDraft {
  holidays: CivilDate[]
  workdays: CivilDate[]
}

export type DayKind = 'holiday' | 'workday'

/** At most this many days are added at once (the longest holiday block is 8–9 days). */
export const MAX_RANGE_DAYS = 31

const sorted = (dates: Iterable<CivilDate>) => [...new Set(dates)].sort()

/** `2027-01-01` → `2027-01-01 周五`. */
export function dateWithWeekday(date: CivilDate): string {
  return fillTemplate(calendarUi.dateWithWeekday, { date, weekday: calendarUi.weekdays[isoWeekday(date) - 1]! })
}

const isWeekend = (date: CivilDate) => isoWeekday(date) >= 6

/**
 * Adds `from` (to `to`, both included, when given) as holidays or make-up
 * working days of `year`. A date added as one kind leaves the other list (the
 * admin says what it is now). Make-up days are weekend days: of a range only
 * the Saturdays and Sundays are added; a single weekday is refused with why.
 */
export function addDates(draft: CalendarDraft, year: number, kind: DayKind, from: string, to: string): { ok: true; draft: CalendarDraft } | { ok: false; message: string } {
  const start = from.trim()
  const end = to.trim() === '' ? start : to.trim()
  if (!isCivilDate(start) || !isCivilDate(end)) return { ok: false, message: calendarUi.dateInvalid }
  if (end < start) return { ok: false, message: calendarUi.rangeInvalid }
  if (daysBetween(start, end) >= MAX_RANGE_DAYS) return { ok: false, message: fillTemplate(calendarUi.rangeTooLong, { max: MAX_RANGE_DAYS }) }
  for (const date of [start, end]) {
    if (yearOf(date) !== year) return { ok: false, message: fillTemplate(calendarUi.outsideYear, { date, year }) }
  }
  const dates: CivilDate[] = []
  for (let date = start; date <= end; date = addDays(date, 1)) {
    if (kind === 'holiday' || isWeekend(date)) dates.push(date)
  }
  if (dates.length === 0) return { ok: false, message: fillTemplate(calendarUi.weekdayOnly, { date: start }) }
  const added = new Set(dates)
  return {
    ok: true,
    draft: kind === 'holiday'
      ? { holidays: sorted([...draft.holidays, ...dates]), workdays: draft.workdays.filter((d) => !added.has(d)) }
      : { holidays: draft.holidays.filter((d) => !added.has(d)), workdays: sorted([...draft.workdays, ...dates]) },
  }
}

export function removeDate(draft: CalendarDraft, kind: DayKind, date: CivilDate): CalendarDraft {
  return kind === 'holiday' ? { ...draft, holidays: draft.holidays.filter((d) => d !== date) } : { ...draft, workdays: draft.workdays.filter((d) => d !== date) }
}

export function sameDraft(a: CalendarDraft, b: CalendarDraft): boolean {
  return a.holidays.join() === b.holidays.join() && a.workdays.join() === b.workdays.join()
}
