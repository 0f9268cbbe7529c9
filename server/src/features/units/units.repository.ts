import type { Db } from '../../db/open'
import type { UnitCounts } from './units.presenter'
import type { NewUnitRow, UnitRow, UnitsTable } from './units.table'
import type { Updateable } from 'kysely'

export function findUnit(db: Db, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The unit registered with this credit code, if any (the unique index `units_credit_code`). */
export function findUnitByCreditCode(db: Db, creditCode: string): Promise<Pick<UnitRow, 'id' | 'name'> | undefined> {
  return db.selectFrom('units').select(['id', 'name']).where('credit_code', '=', creditCode).executeTakeFirst()
}

/** Unit names by id, for lists that show them beside their own rows. */
export async function findUnitNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  return new Map((await db.selectFrom('units').select(['id', 'name']).where('id', 'in', unique).execute()).map((u) => [u.id, u.name]))
}

export function listUnits(db: Db): Promise<UnitRow[]> {
  return db.selectFrom('units').selectAll().orderBy('name').orderBy('id').execute()
}

export async function insertUnit(db: Db, row: NewUnitRow): Promise<void> {
  await db.insertInto('units').values(row).execute()
}

/** Every column of a unit's record but its id and creation time. */
export type UnitValues = Required<Omit<Updateable<UnitsTable>, 'id' | 'created_at'>>

export async function updateUnit(db: Db, id: string, values: UnitValues): Promise<void> {
  await db.updateTable('units').set(values).where('id', '=', id).execute()
}

/** The unit's enrolments that are not cancelled, by status, and the premiums still due. */
export async function unitCounts(db: Db, unitId: string): Promise<UnitCounts> {
  const rows = await db.selectFrom('enrolments')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('premium_fen').as('fen')])
    .where('unit_id', '=', unitId).where('status', '!=', 'cancelled').groupBy('status').execute()
  const counts: UnitCounts = { enrolled: 0, pendingPayment: 0, active: 0, premiumDueFen: 0 }
  for (const r of rows) {
    counts.enrolled += Number(r.n)
    if (r.status === 'pending_payment') {
      counts.pendingPayment = Number(r.n)
      counts.premiumDueFen = Number(r.fen)
    }
    if (r.status === 'active') counts.active = Number(r.n)
  }
  return counts
}

/** People with paid cover through the unit that has not ended by `today` (the coverage rate's numerator). */
export async function countCoveredMembers(db: Db, unitId: string, today: string): Promise<number> {
  const row = await db.selectFrom('enrolments')
    .select((eb) => eb.fn.count<number>('insured_person_id').distinct().as('n'))
    .where('unit_id', '=', unitId).where('status', '=', 'active').where('end_on', '>=', today)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
