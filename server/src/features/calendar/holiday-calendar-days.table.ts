import type { Insertable, Selectable } from 'kysely'

export type HolidayKind = 'holiday' | 'workday'

/** One public holiday (`holiday`) or weekend day worked in exchange (`workday`, 调休) of an entered year. */
export interface HolidayCalendarDaysTable {
  date: string
  year: number
  kind: HolidayKind
}
export type HolidayCalendarDayRow = Selectable<HolidayCalendarDaysTable>
export type NewHolidayCalendarDayRow = Insertable<HolidayCalendarDaysTable>
