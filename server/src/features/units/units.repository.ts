import type { Db } from '../../db/open'
import type { NewUnitRow, UnitRow } from './units.table'

export function findUnit(db: Db, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst()
}

export function listUnits(db: Db): Promise<UnitRow[]> {
  return db.selectFrom('units').selectAll().orderBy('name').orderBy('id').execute()
}

export async function insertUnit(db: Db, row: NewUnitRow): Promise<void> {
  await db.insertInto('units').values(row).execute()
}
