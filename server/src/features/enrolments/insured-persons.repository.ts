import { lockRows } from '../../db/dialect'
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

/**
 * Adds a person unless one with the same ID number (its keyed hash, unique)
 * exists; false when it does, e.g. added meanwhile by a transaction that
 * committed first (PostgreSQL waits for that one here).
 */
export async function insertPersonIfAbsent(db: Db, row: InsuredPersonRow): Promise<boolean> {
  const result = await db.insertInto('insured_persons').values(row).onConflict((oc) => oc.column('id_number_hash').doNothing()).executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1
}

/**
 * Locks these persons until the caller's transaction ends (PostgreSQL; in id
 * order, so that two transactions never wait on each other crosswise): every
 * check of a person's cover that is followed by a new enrolment holds it, so two
 * enrolments of one person cannot both pass the overlap check.
 */
export async function lockPersons(db: Db, ids: readonly string[]): Promise<void> {
  for (const part of chunks([...new Set(ids)].sort())) {
    await lockRows(db, () => db.selectFrom('insured_persons').select('id').where('id', 'in', part).orderBy('id'))
  }
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
