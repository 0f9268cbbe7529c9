import { sql } from 'kysely'
import { isPostgres } from '../../db/dialect'
import type { Db } from '../../db/open'
import { allOf, enrolmentConditions, rosterConditions, type Population } from './population'

/**
 * What the dashboard reads of units: the units in scope (region, a unit
 * admin's units), their reported union members summed by region and
 * occupation, and the people each unit enrolled and ever listed, with the sum
 * of their birth months (for average ages). All aggregates.
 */

const num = (value: string | number | bigint | null | undefined) => Number(value ?? 0)

export interface ScopedUnit {
  id: string
  name: string
  regionCode: string | null
  industry: string | null
  headcount: number | null
}

function scopedUnits(db: Db, p: Pick<Population, 'region' | 'unitIds'>) {
  let q = db.selectFrom('units as u')
  if (p.region !== null) q = q.where('u.region_code', 'like', `${p.region}%`)
  if (p.unitIds !== null) q = p.unitIds.length === 0 ? q.where(sql<boolean>`1 = 0`) : q.where('u.id', 'in', [...p.unitIds])
  return q
}

export async function listScopedUnits(db: Db, p: Pick<Population, 'region' | 'unitIds'>): Promise<ScopedUnit[]> {
  const rows = await scopedUnits(db, p).select(['u.id', 'u.name', 'u.region_code', 'u.industry', 'u.union_member_headcount']).orderBy('u.name').orderBy('u.id').execute()
  return rows.map((r) => ({ id: r.id, name: r.name, regionCode: r.region_code, industry: r.industry, headcount: r.union_member_headcount === null ? null : num(r.union_member_headcount) }))
}

export interface Headcounts {
  key: string | null
  unionMembers: number
  withoutHeadcount: number
}

const headcountColumns = [
  sql<number>`sum(coalesce(u.union_member_headcount, 0))`.as('hc'),
  sql<number>`sum(case when u.union_member_headcount is null then 1 else 0 end)`.as('none'),
] as const

export async function headcountTotal(db: Db, p: Pick<Population, 'region' | 'unitIds'>): Promise<Omit<Headcounts, 'key'>> {
  const row = await scopedUnits(db, p).select([...headcountColumns]).executeTakeFirst()
  return { unionMembers: num(row?.hc), withoutHeadcount: num(row?.none) }
}

export async function headcountsByRegion(db: Db, p: Pick<Population, 'region' | 'unitIds'>, digits: 2 | 4 | 6): Promise<Headcounts[]> {
  const key = sql<string | null>`substr(u.region_code, 1, ${sql.lit(digits)})`
  const rows = await scopedUnits(db, p).select([key.as('k'), ...headcountColumns]).groupBy(key).execute()
  return rows.map((r) => ({ key: r.k, unionMembers: num(r.hc), withoutHeadcount: num(r.none) }))
}

export async function headcountsByOccupation(db: Db, p: Pick<Population, 'region' | 'unitIds'>): Promise<Headcounts[]> {
  const rows = await scopedUnits(db, p).select(['u.industry', ...headcountColumns]).groupBy('u.industry').execute()
  return rows.map((r) => ({ key: r.industry, unionMembers: num(r.hc), withoutHeadcount: num(r.none) }))
}

export interface UnitPeople {
  unitId: string
  people: number
  /** Sum over the people of (birth year × 12 + birth month − 1): their average birth month. */
  birthMonthSum: number
}

const birthMonth = sql<number>`cast(substr(ip.birth_date, 1, 4) as integer) * 12 + cast(substr(ip.birth_date, 6, 2) as integer) - 1`

/**
 * Each unit's people (distinct insured persons) among the enrolments meeting
 * `conditions`, read in unit and person order from `enrolments_unit_people`
 * (which holds every column the populations filter by). SQLite is told so
 * (INDEXED BY, its own syntax): left to choose, it reads a plan year's
 * catalogues from `enrolments_dashboard` one OR branch at a time and sorts a
 * million rows twice (2 s). In that order the people come out by unit (its
 * ORDER BY costs no sort), so the count per unit streams too, with no
 * temporary B-tree. PostgreSQL has no INDEXED BY; it hashes the (unit,
 * person) pairs and the people's birth dates instead (an ORDER BY there only
 * adds a sort).
 */
async function peopleByUnit(db: Db, conditions: ReturnType<typeof allOf>): Promise<UnitPeople[]> {
  const pg = isPostgres(db)
  const { rows } = await sql<{ unit_id: string; n: number; bm: number }>`select t.unit_id, count(*) as n, sum(${birthMonth}) as bm
    from (select distinct e.unit_id, e.insured_person_id from ${pg ? sql`enrolments e` : sql`enrolments e indexed by enrolments_unit_people`}
          where ${conditions} and e.unit_id is not null ${pg ? sql`` : sql`order by e.unit_id`}) t
    inner join insured_persons ip on ip.id = t.insured_person_id
    group by t.unit_id`.execute(db)
  return rows.map((r) => ({ unitId: r.unit_id, people: num(r.n), birthMonthSum: num(r.bm) }))
}

/** The enrolled members of each unit (the population's active enrolments). */
export const enrolledPeopleByUnit = (db: Db, p: Population) => peopleByUnit(db, allOf(enrolmentConditions(p)))
/** Everyone each unit ever listed for the catalogue and plan year: every enrolment through it, whatever its status. */
export const rosterPeopleByUnit = (db: Db, p: Population) => peopleByUnit(db, allOf(rosterConditions(p)))
