import type { Db } from '../../db/open'
import type { NewRosterRow, RosterRow } from './rosters.table'

export function findRoster(db: Db, unitId: string, rosterId: string): Promise<RosterRow | undefined> {
  return db.selectFrom('rosters').selectAll().where('unit_id', '=', unitId).where('id', '=', rosterId).executeTakeFirst()
}

export async function insertRoster(db: Db, row: NewRosterRow): Promise<void> {
  await db.insertInto('rosters').values(row).execute()
}

/** Marks a checked roster imported; false when it already was (a concurrent import). */
export async function markImported(db: Db, id: string, importedCount: number, premiumFen: number, at: string): Promise<boolean> {
  const result = await db.updateTable('rosters').set({ status: 'imported', imported_count: importedCount, premium_fen: premiumFen, imported_at: at })
    .where('id', '=', id).where('status', '=', 'checked').executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
