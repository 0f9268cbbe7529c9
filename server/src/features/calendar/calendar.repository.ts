import type { Db } from '../../db/open'
import type { HolidayCalendarDayRow, NewHolidayCalendarDayRow } from './holiday-calendar-days.table'
import type { HolidayCalendarYearRow, NewHolidayCalendarYearRow } from './holiday-calendar-years.table'

/** The entered years (all, or those listed), earliest first. */
export function listCalendarYearRows(db: Db, years?: readonly number[]): Promise<HolidayCalendarYearRow[]> {
  let query = db.selectFrom('holiday_calendar_years').selectAll()
  if (years !== undefined) {
    if (years.length === 0) return Promise.resolve([])
    query = query.where('year', 'in', years)
  }
  return query.orderBy('year').execute()
}

export function findCalendarYearRow(db: Db, year: number): Promise<HolidayCalendarYearRow | undefined> {
  return db.selectFrom('holiday_calendar_years').selectAll().where('year', '=', year).executeTakeFirst()
}

/** The days of the listed years (all years when not given), by date. */
export function listCalendarDayRows(db: Db, years?: readonly number[]): Promise<HolidayCalendarDayRow[]> {
  let query = db.selectFrom('holiday_calendar_days').selectAll()
  if (years !== undefined) {
    if (years.length === 0) return Promise.resolve([])
    query = query.where('year', 'in', years)
  }
  return query.orderBy('date').execute()
}

/** How many holidays and make-up days each entered year holds. */
export async function countCalendarDays(db: Db): Promise<{ year: number; kind: string; count: number }[]> {
  const rows = await db
    .selectFrom('holiday_calendar_days')
    .select((eb) => ['year', 'kind', eb.fn.countAll<number | string | bigint>().as('count')])
    .groupBy(['year', 'kind'])
    .execute()
  return rows.map((r) => ({ year: Number(r.year), kind: r.kind, count: Number(r.count) }))
}

/** Marks the year entered (a second save of the same year updates it: the primary key decides, not a read). */
export async function upsertCalendarYearRow(db: Db, row: NewHolidayCalendarYearRow): Promise<void> {
  await db
    .insertInto('holiday_calendar_years')
    .values(row)
    .onConflict((oc) => oc.column('year').doUpdateSet({ updated_at: row.updated_at, updated_by: row.updated_by ?? null }))
    .execute()
}

/** Replaces every day of the year with these. */
export async function replaceCalendarDayRows(db: Db, year: number, rows: readonly NewHolidayCalendarDayRow[]): Promise<void> {
  await db.deleteFrom('holiday_calendar_days').where('year', '=', year).execute()
  if (rows.length > 0) await db.insertInto('holiday_calendar_days').values([...rows]).execute()
}
