import type { Db } from '../../db/open'
import type { InsuredPersonRow } from './insured-persons.table'

/** SQLite binds at most 32,766 parameters: lists go in chunks of this many. */
export const CHUNK = 500

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

export function findPersonByHash(db: Db, hash: string): Promise<InsuredPersonRow | undefined> {
  return db.selectFrom('insured_persons').selectAll().where('id_number_hash', '=', hash).executeTakeFirst()
}

export async function findPersonsByHashes(db: Db, hashes: readonly string[]): Promise<InsuredPersonRow[]> {
  const found: InsuredPersonRow[] = []
  for (const part of chunks(hashes)) found.push(...(await db.selectFrom('insured_persons').selectAll().where('id_number_hash', 'in', part).execute()))
  return found
}

export async function findPersonsByIds(db: Db, ids: readonly string[]): Promise<InsuredPersonRow[]> {
  const found: InsuredPersonRow[] = []
  for (const part of chunks([...new Set(ids)])) found.push(...(await db.selectFrom('insured_persons').selectAll().where('id', 'in', part).execute()))
  return found
}

/** Inserts rows, several per statement (13 columns × 500 rows stays under SQLite's parameter limit). */
export async function insertPersons(db: Db, rows: readonly InsuredPersonRow[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('insured_persons').values(part).execute()
}

/** Refreshes a person's details (a newer roster or profile); the id number and creation time stay. */
export async function updatePerson(db: Db, row: InsuredPersonRow): Promise<void> {
  const { id, id_number_hash: _hash, id_number_ciphertext: _id, created_at: _created, ...changes } = row
  await db.updateTable('insured_persons').set(changes).where('id', '=', id).execute()
}
