import { calendarCoverage, checkCalendarYear, CALENDAR_WARNING_DAYS, type CalendarOverview, type CalendarYear, type CalendarYearRequest, type CalendarYearSaved } from '@huzhu/shared'
import { nowIso, type Clock } from '../../clock'
import type { Db } from '../../db/open'
import { AppError } from '../../http/errors'
import { recordAudit, type AuditActor } from '../audit/audit.service'
import { recountOpenDueDates } from '../claims/claim-due-dates'
import { loadCalendar } from './calendar-loader'
import { presentCalendarYear } from './calendar.presenter'
import { countCalendarDays, findCalendarYearRow, listCalendarDayRows, listCalendarYearRows, replaceCalendarDayRows, upsertCalendarYearRow } from './calendar.repository'

/** The years entered, and how far they reach from today (the admin home warns 60 days before the end). */
export async function calendarOverview(db: Db, today: string): Promise<CalendarOverview> {
  const years = await listCalendarYearRows(db)
  const counts = await countCalendarDays(db)
  const count = (year: number, kind: string) => counts.find((c) => c.year === year && c.kind === kind)?.count ?? 0
  return {
    years: years.map((y) => ({ year: y.year, holidayCount: count(y.year, 'holiday'), workdayCount: count(y.year, 'workday'), updatedAt: y.updated_at })),
    today,
    ...calendarCoverage(years.map((y) => y.year), today),
    warningDays: CALENDAR_WARNING_DAYS,
  }
}

/** One year: entered or not (then empty, for the admin to fill in). */
export async function calendarYear(db: Db, year: number): Promise<CalendarYear> {
  return presentCalendarYear(year, await findCalendarYearRow(db, year), await listCalendarDayRows(db, [year]))
}

const sameDates = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((d, i) => d === b[i])

/**
 * An admin replaces a year of the calendar (422 with every problem's path, and
 * nothing changed, when a date is outside the year, both kinds, or a weekday
 * given as a make-up day, or the year has no holiday). In the same transaction:
 * the audit line, and the due date of every open claim counted over the year,
 * counted again on the new calendar (no longer provisional once the year is in).
 */
export async function replaceCalendarYear(db: Db, deps: { clock: Clock }, actor: AuditActor, year: number, input: CalendarYearRequest): Promise<CalendarYearSaved> {
  const checked = checkCalendarYear(year, input)
  if (!checked.ok) throw new AppError(422, 'calendar_year_invalid', { details: checked.problems })
  const { holidays, workdays } = checked.value
  const before = await calendarYear(db, year)

  // The year's row first: its upsert locks it, so two saves of one year follow each other (PostgreSQL too).
  await upsertCalendarYearRow(db, { year, updated_at: nowIso(deps.clock), updated_by: actor.userId })
  await replaceCalendarDayRows(db, year, [
    ...holidays.map((date) => ({ date, year, kind: 'holiday' as const })),
    ...workdays.map((date) => ({ date, year, kind: 'workday' as const })),
  ])
  const fields = [...(sameDates(before.holidays, holidays) ? [] : ['holidays']), ...(sameDates(before.workdays, workdays) ? [] : ['workdays'])]
  await recordAudit(db, deps.clock, actor, { subjectUserId: null, action: before.published ? 'update' : 'create', resource: `holiday_calendar:${year}`, fields })

  // A count over this year starts in it or in December before it, and ends in it or early in the next.
  const claimsMoved = await recountOpenDueDates(db, await loadCalendar(db, [year - 1, year, year + 1]), year)
  return { ...(await calendarYear(db, year)), claimsMoved }
}
