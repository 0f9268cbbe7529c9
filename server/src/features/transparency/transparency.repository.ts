import { sql, type QueryCreator, type RawBuilder } from 'kysely'
import { transparencyAgeBands, transparencyAmountBandsFen, transparencyDaysBands, type CivilDate } from '@huzhu/shared'
import type { Database } from '../../db/database'
import type { Db } from '../../db/open'

/**
 * The public figures of one catalogue's plan year, as aggregates: the `active`
 * enrolments whose cover starts in the plan year, and the paid claims on them.
 * Nothing here selects a name, an ID number or a birth date: ages and places
 * leave the database only as bands and region prefixes, counted.
 */

const num = (value: string | number | bigint | null | undefined) => Number(value ?? 0)

export interface PlanPeriod {
  catalogueId: string
  start: CivilDate
  end: CivilDate
}

const planEnrolments = (db: Db, plan: PlanPeriod) => db.selectFrom('enrolments as e')
  .where('e.status', '=', 'active').where('e.catalogue_id', '=', plan.catalogueId)
  .where('e.start_on', '>=', plan.start).where('e.start_on', '<=', plan.end)

/**
 * Paid claims on covers that start in the plan year (a claim carries its
 * enrolment's catalogue, cover start and unit), read from the index
 * `claims_dashboard` alone (it holds every column read here).
 */
const paidClaims = (db: QueryCreator<Database>, plan: PlanPeriod) => db.selectFrom('claims as c')
  .where('c.status', '=', 'paid').where('c.catalogue_id', '=', plan.catalogueId)
  .where('c.cover_start_on', '>=', plan.start).where('c.cover_start_on', '<=', plan.end)

export async function membersAndPremiums(db: Db, plan: PlanPeriod): Promise<{ members: number; premiumFen: number }> {
  const row = await planEnrolments(db, plan)
    .select((eb) => [sql<number>`count(distinct e.insured_person_id)`.as('m'), eb.fn.sum<number>('e.premium_fen').as('fen')]).executeTakeFirst()
  return { members: num(row?.m), premiumFen: num(row?.fen) }
}

/** Paid claims by working days to pay: the count, the sum and the median all come from it. */
export async function paidHistogram(db: Db, plan: PlanPeriod): Promise<{ workingDays: number | null; claims: number; fen: number }[]> {
  const rows = await paidClaims(db, plan)
    .select((eb) => ['c.paid_working_days', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('c.approved_fen').as('fen')])
    .groupBy('c.paid_working_days').execute()
  return rows.map((r) => ({ workingDays: r.paid_working_days === null ? null : num(r.paid_working_days), claims: num(r.n), fen: num(r.fen) }))
}

/** `case when x < b1 then b0 when x < b2 then b1 … else bn end`: the band (its lower bound) a value falls in. */
function bandOf(value: RawBuilder<number>, bounds: readonly number[]): RawBuilder<number> {
  const steps = bounds.slice(1).map((upper, i) => sql`when ${value} < ${sql.lit(upper)} then ${sql.lit(bounds[i]!)}`)
  return sql<number>`case ${sql.join(steps, sql` `)} else ${sql.lit(bounds[bounds.length - 1]!)} end`
}

export interface CaseGroupRow {
  kind: string
  amountBand: number
  ageBand: number
  /** The first 4 (city) or 2 (province) digits of the unit's region; null without one. */
  place: string | null
  daysBand: number
  cases: number
  people: number
  fen: number
}

/**
 * Paid cases grouped by kind, amount band, age band on the event date (the
 * claim's `age_at_event`), the unit's city (4 digits) or province (2), and
 * the band of working days to pay; each group with its cases, its people
 * (distinct insured persons) and the sum paid. Each case's place and days are
 * worked out once (`r`, a materialized common table expression), then banded
 * and grouped; no person's row is read.
 */
export async function caseGroups(db: Db, plan: PlanPeriod, placeDigits: 2 | 4): Promise<CaseGroupRow[]> {
  const amountBand = bandOf(sql<number>`r.approved_fen`, transparencyAmountBandsFen)
  const ageBand = bandOf(sql<number>`r.age`, transparencyAgeBands)
  const daysBand = bandOf(sql<number>`r.days`, transparencyDaysBands)
  const rows = await db.with((cte) => cte('r').materialized(), (qc) => paidClaims(qc, plan)
    .leftJoin('units as u', 'u.id', 'c.unit_id')
    .select(['c.kind', 'c.approved_fen', 'c.insured_person_id', 'c.age_at_event as age', sql<string | null>`substr(u.region_code, 1, ${sql.lit(placeDigits)})`.as('place'),
      sql<number>`coalesce(c.paid_working_days, 0)`.as('days')]))
    .selectFrom('r')
    .select((eb) => ['r.kind', amountBand.as('amount_band'), ageBand.as('age_band'), 'r.place', daysBand.as('days_band'),
      eb.fn.countAll<number>().as('n'), sql<number>`count(distinct r.insured_person_id)`.as('people'), eb.fn.sum<number>('r.approved_fen').as('fen')])
    .groupBy(['r.kind', amountBand, ageBand, 'r.place', daysBand]).execute()
  return rows.map((r) => ({
    kind: r.kind, amountBand: num(r.amount_band), ageBand: num(r.age_band), place: r.place, daysBand: num(r.days_band),
    cases: num(r.n), people: num(r.people), fen: num(r.fen),
  }))
}

/** The days cover started on, by catalogue, of paid (active) enrolments: each plan year with members is among them. */
export async function startDays(db: Db): Promise<{ catalogueId: string; day: CivilDate }[]> {
  const rows = await db.selectFrom('enrolments as e').where('e.status', '=', 'active').select(['e.catalogue_id', 'e.start_on']).distinct().execute()
  return rows.map((r) => ({ catalogueId: r.catalogue_id, day: r.start_on as CivilDate }))
}
