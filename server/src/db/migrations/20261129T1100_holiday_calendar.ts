import { sql, type Kysely } from 'kysely'
import { builtInCalendarData, calendarYearsOf } from '@huzhu/shared'

/**
 * The holiday calendar moves into the database, where an admin keeps it year by
 * year (`features/calendar`):
 * - `holiday_calendar_years`: the years entered (published); a year not here is
 *   counted on weekends alone.
 * - `holiday_calendar_days`: each public holiday or make-up working day (调休) of
 *   an entered year; a date is one kind at most (the primary key).
 * - Seeded from the shipped file (`shared/calendars/cn-mainland.json`) as it is
 *   when this runs: the calendar every due date was counted on until now.
 * - `claims.due_on_provisional`: 1 while a claim's due date was counted over a year
 *   not entered. An open claim whose due date lies after the seeded years was
 *   counted so (the shipped calendar ended there): it is marked.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('holiday_calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey().notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute()
  await db.schema
    .createTable('holiday_calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey().notNull())
    .addColumn('year', 'integer', (c) => c.notNull().references('holiday_calendar_years.year'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addCheckConstraint('holiday_calendar_days_kind', sql`kind in ('holiday', 'workday')`)
    .execute()
  await db.schema.createIndex('holiday_calendar_days_year').on('holiday_calendar_days').columns(['year', 'date']).execute()

  const now = new Date().toISOString()
  const years = calendarYearsOf(builtInCalendarData)
  for (const y of years) {
    await db.insertInto('holiday_calendar_years').values({ year: y.year, updated_at: now, updated_by: null }).execute()
    const days = [
      ...y.holidays.map((date) => ({ date, year: y.year, kind: 'holiday' })),
      ...y.workdays.map((date) => ({ date, year: y.year, kind: 'workday' })),
    ]
    if (days.length > 0) await db.insertInto('holiday_calendar_days').values(days).execute()
  }

  await db.schema.alterTable('claims').addColumn('due_on_provisional', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  const lastYear = Math.max(...years.map((y) => y.year))
  await db
    .updateTable('claims')
    .set({ due_on_provisional: 1 })
    .where('status', 'in', ['submitted', 'in_review', 'needs_material'])
    .where('due_on', '>', `${lastYear}-12-31`)
    .execute()
}
