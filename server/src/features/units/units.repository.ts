import type { UnitSettings } from '@huzhu/shared'
import type { Db } from '../../db/open'
import type { UnitCounts } from './units.presenter'
import type { NewUnitRow, UnitRow } from './units.table'

export function findUnit(db: Db, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst()
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

export async function updateUnitSettings(db: Db, id: string, s: UnitSettings): Promise<void> {
  await db.updateTable('units')
    .set({ name: s.name, catalogue_id: s.catalogueId, products: JSON.stringify(s.products), funding_source: s.fundingSource })
    .where('id', '=', id).execute()
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
