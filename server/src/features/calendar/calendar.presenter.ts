import type { CalendarYear } from '@huzhu/shared'
import type { HolidayCalendarDayRow } from './holiday-calendar-days.table'
import type { HolidayCalendarYearRow } from './holiday-calendar-years.table'

/** A year as the admin sees it: entered or not, its holidays and make-up days by date. */
export function presentCalendarYear(year: number, row: HolidayCalendarYearRow | undefined, days: readonly HolidayCalendarDayRow[]): CalendarYear {
  return {
    year,
    published: row !== undefined,
    holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.date),
    workdays: days.filter((d) => d.kind === 'workday').map((d) => d.date),
    updatedAt: row?.updated_at ?? null,
  }
}
