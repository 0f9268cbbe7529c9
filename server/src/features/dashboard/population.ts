import { sql, type RawBuilder, type SqlBool } from 'kysely'
import { addDays, type CivilDate } from '@huzhu/shared'

/**
 * Which enrolments and claims a set of figures is about (`dashboardSchema`'s
 * populations), as SQL conditions on `enrolments as e` or `claims as c` that
 * SQLite and PostgreSQL both run: plain comparisons on indexed text columns,
 * no date functions (a China date's instants are computed here).
 */
export interface Population {
  /** One catalogue, or every one. */
  catalogueId: string | null
  /** The plan year asked about (its periods below). */
  planYear: number | null
  /** With a plan year: the period of each catalogue asked about; enrolments whose cover starts in it. */
  periods: readonly { catalogueId: string; start: CivilDate; end: CivilDate }[] | null
  /** GB/T 2260 prefix of the enrolling unit's region. */
  region: string | null
  /** Only enrolments through these units (a unit admin's, or the one asked for). */
  unitIds: readonly string[] | null
  from: CivilDate | null
  to: CivilDate | null
}

type Condition = RawBuilder<SqlBool>

/** 00:00 of a China date as stored instants are written (ISO UTC): 16:00 the day before. */
export const chinaDayStartsAt = (day: CivilDate): string => `${addDays(day, -1)}T16:00:00.000Z`

/**
 * The conditions every figure shares (catalogue, plan year, region, units) on
 * a row holding `catalogue_id`, `unit_id` and a cover start: an enrolment
 * (`e`, `start_on`) or a claim (`c`, `cover_start_on`, copied from its enrolment).
 */
function scopeConditions(p: Population, row: 'e' | 'c'): Condition[] {
  const column = (name: string) => sql.ref(`${row}.${name}`)
  const start = column(row === 'e' ? 'start_on' : 'cover_start_on')
  const out: Condition[] = []
  if (p.catalogueId !== null) out.push(sql<SqlBool>`${column('catalogue_id')} = ${p.catalogueId}`)
  if (p.periods !== null) {
    out.push(p.periods.length === 0
      ? sql<SqlBool>`1 = 0`
      : sql<SqlBool>`(${sql.join(p.periods.map((y) => sql`(${column('catalogue_id')} = ${y.catalogueId} and ${start} >= ${y.start} and ${start} <= ${y.end})`), sql` or `)})`)
  }
  if (p.region !== null) out.push(sql<SqlBool>`${column('unit_id')} in (select ru.id from units ru where ru.region_code like ${`${p.region}%`})`)
  if (p.unitIds !== null) {
    out.push(p.unitIds.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`${column('unit_id')} in (${sql.join(p.unitIds)})`)
  }
  return out
}

/** `active` (paid) enrolments of the population accepted in the range (alias `e`). */
export function enrolmentConditions(p: Population): Condition[] {
  const out = [sql<SqlBool>`e.status = 'active'`, ...scopeConditions(p, 'e')]
  if (p.from !== null) out.push(sql<SqlBool>`e.accepted_on >= ${p.from}`)
  if (p.to !== null) out.push(sql<SqlBool>`e.accepted_on <= ${p.to}`)
  return out
}

/** Every enrolment of the population whatever its status or day (a unit's roster, alias `e`). */
export function rosterConditions(p: Population): Condition[] {
  return scopeConditions(p, 'e')
}

/** Claims (alias `c`) of the population submitted in the range. */
export function claimConditions(p: Population): Condition[] {
  const out = scopeConditions(p, 'c')
  if (p.from !== null) out.push(sql<SqlBool>`c.submitted_at >= ${chinaDayStartsAt(p.from)}`)
  if (p.to !== null) out.push(sql<SqlBool>`c.submitted_at < ${chinaDayStartsAt(addDays(p.to, 1))}`)
  return out
}

/** The conditions joined with `and` (true when there are none). */
export function allOf(conditions: readonly Condition[]): Condition {
  return conditions.length === 0 ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${sql.join(conditions, sql` and `)}`
}
