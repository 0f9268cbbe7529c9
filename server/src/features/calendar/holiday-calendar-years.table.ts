import type { Insertable, Selectable } from 'kysely'

/** A year of the holiday calendar that is entered (published): its days are in `holiday_calendar_days`. */
export interface HolidayCalendarYearsTable {
  year: number
  updated_at: string
  /** The admin who saved it last; null for the seed from the shipped file. */
  updated_by: string | null
}
export type HolidayCalendarYearRow = Selectable<HolidayCalendarYearsTable>
export type NewHolidayCalendarYearRow = Insertable<HolidayCalendarYearsTable>
