import { sql } from 'kysely'
import type { Db } from '../../db/open'
import { allOf, enrolmentConditions, type Population } from './population'

/**
 * The enrolment figures, one aggregate query each (GROUP BY in the database,
 * never rows): members are insured persons, counted once per group
 * (`count(distinct …)`), over the `active` enrolments of the population.
 */

const num = (value: string | number | bigint | null | undefined) => Number(value ?? 0)
const members = sql<number>`count(distinct e.insured_person_id)`
/** Members through a unit that reports its union members: the coverage rate's numerator. */
const countedMembers = sql<number>`count(distinct case when u.union_member_headcount is not null then e.insured_person_id end)`

export interface EnrolmentCount {
  enrolments: number
  members: number
  premiumFen: number
}

const enrolments = (db: Db, p: Population) => db.selectFrom('enrolments as e').where(allOf(enrolmentConditions(p)))

/**
 * A column to group by as an expression (`x || ''`, the same text, null stays
 * null), so the planner reads the covering index `enrolments_dashboard` instead
 * of walking another index in the column's order and looking up every row.
 */
const groupKey = (column: 'e.event_id' | 'e.funding_source' | 'e.accepted_on' | 'e.unit_id' | 'e.catalogue_id') => sql<string>`${sql.ref(column)} || ''`

function counts(r: { n: unknown; m: unknown; fen: unknown }): EnrolmentCount {
  return { enrolments: num(r.n as number), members: num(r.m as number), premiumFen: num(r.fen as number) }
}

export async function enrolmentTotal(db: Db, p: Population): Promise<EnrolmentCount> {
  const row = await enrolments(db, p)
    .select((eb) => [eb.fn.countAll<number>().as('n'), members.as('m'), eb.fn.sum<number>('e.premium_fen').as('fen')]).executeTakeFirst()
  return row ? counts(row) : { enrolments: 0, members: 0, premiumFen: 0 }
}

export async function enrolmentsByDay(db: Db, p: Population): Promise<(EnrolmentCount & { day: string })[]> {
  const rows = await enrolments(db, p)
    .select((eb) => [groupKey('e.accepted_on').as('accepted_on'), eb.fn.countAll<number>().as('n'), members.as('m'), eb.fn.sum<number>('e.premium_fen').as('fen')])
    .groupBy(groupKey('e.accepted_on')).orderBy('accepted_on').execute()
  return rows.map((r) => ({ day: r.accepted_on, ...counts(r) }))
}

export async function enrolmentsByEvent(db: Db, p: Population): Promise<(EnrolmentCount & { eventId: string | null })[]> {
  const rows = await enrolments(db, p)
    .select((eb) => [groupKey('e.event_id').as('event_id'), eb.fn.countAll<number>().as('n'), members.as('m'), eb.fn.sum<number>('e.premium_fen').as('fen')])
    .groupBy(groupKey('e.event_id')).execute()
  return rows.map((r) => ({ eventId: r.event_id, ...counts(r) }))
}

export async function enrolmentsByFundingSource(db: Db, p: Population): Promise<(EnrolmentCount & { fundingSource: string })[]> {
  const rows = await enrolments(db, p)
    .select((eb) => [groupKey('e.funding_source').as('funding_source'), eb.fn.countAll<number>().as('n'), members.as('m'), eb.fn.sum<number>('e.premium_fen').as('fen')])
    .groupBy(groupKey('e.funding_source')).execute()
  return rows.map((r) => ({ fundingSource: r.funding_source, ...counts(r) }))
}

/** Premiums by catalogue (the loss ratio's denominator). */
export async function premiumsByCatalogue(db: Db, p: Population): Promise<{ catalogueId: string; premiumFen: number }[]> {
  const rows = await enrolments(db, p).select((eb) => [groupKey('e.catalogue_id').as('catalogue_id'), eb.fn.sum<number>('e.premium_fen').as('fen')]).groupBy(groupKey('e.catalogue_id')).execute()
  return rows.map((r) => ({ catalogueId: r.catalogue_id, premiumFen: num(r.fen) }))
}

/** Members and premiums by the enrolling unit (null: not through a unit). */
export async function enrolmentsByUnit(db: Db, p: Population): Promise<(EnrolmentCount & { unitId: string | null })[]> {
  const rows = await enrolments(db, p)
    .select((eb) => [groupKey('e.unit_id').as('unit_id'), eb.fn.countAll<number>().as('n'), members.as('m'), eb.fn.sum<number>('e.premium_fen').as('fen')])
    .groupBy(groupKey('e.unit_id')).execute()
  return rows.map((r) => ({ unitId: r.unit_id, ...counts(r) }))
}

export interface CoveredMembers {
  key: string | null
  members: number
  counted: number
}

/** Members in all, and through units that report a headcount. */
export async function coveredTotal(db: Db, p: Population): Promise<{ members: number; counted: number }> {
  const row = await enrolments(db, p).leftJoin('units as u', 'u.id', 'e.unit_id')
    .select([members.as('m'), countedMembers.as('k')]).executeTakeFirst()
  return { members: num(row?.m), counted: num(row?.k) }
}

/** Members by the first `digits` digits of the unit's region code (null: no unit, or a unit without a region). */
export async function coveredByRegion(db: Db, p: Population, digits: 2 | 4 | 6): Promise<CoveredMembers[]> {
  const key = sql<string | null>`substr(u.region_code, 1, ${sql.lit(digits)})`
  const rows = await enrolments(db, p).leftJoin('units as u', 'u.id', 'e.unit_id')
    .select([key.as('k'), members.as('m'), countedMembers.as('c')]).groupBy(key).execute()
  return rows.map((r) => ({ key: r.k, members: num(r.m), counted: num(r.c) }))
}

/** Members by the unit's occupation (`industry`). */
export async function coveredByOccupation(db: Db, p: Population): Promise<CoveredMembers[]> {
  const rows = await enrolments(db, p).leftJoin('units as u', 'u.id', 'e.unit_id')
    .select(['u.industry', members.as('m'), countedMembers.as('c')]).groupBy('u.industry').execute()
  return rows.map((r) => ({ key: r.industry, members: num(r.m), counted: num(r.c) }))
}
