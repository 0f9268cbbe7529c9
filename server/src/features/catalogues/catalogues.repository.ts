import { sql } from 'kysely'
import type { Db } from '../../db/open'
import { forShare, forUpdate } from '../../db/dialect'
import type { CatalogueRow, NewCatalogueRow } from './catalogues.table'

/** The sum of every row's change counter: it moves whenever any catalogue row changes (rows are never deleted). */
export async function catalogueChangeMark(db: Db): Promise<number> {
  const row = await db.selectFrom('catalogues').select(sql<number>`coalesce(sum(changes), 0)`.as('mark')).executeTakeFirst()
  return Number(row?.mark ?? 0)
}

export function listCatalogueRows(db: Db): Promise<CatalogueRow[]> {
  return db.selectFrom('catalogues').selectAll().orderBy('id').execute()
}

/** The row of one catalogue, locked until the commit (PostgreSQL): changes of one catalogue take turns. */
export function lockCatalogueRow(db: Db, id: string): Promise<CatalogueRow | undefined> {
  return forUpdate(db, db.selectFrom('catalogues').selectAll().where('id', '=', id)).executeTakeFirst()
}

/**
 * Adds the catalogue's row with nothing set, unless it exists (another
 * transaction may add it at the same moment: the primary key decides), so that
 * `lockCatalogueRow` always has a row to lock.
 */
export async function ensureCatalogueRow(db: Db, row: NewCatalogueRow): Promise<void> {
  await db.insertInto('catalogues').values(row).onConflict((oc) => oc.column('id').doNothing()).execute()
}

/**
 * The rows of catalogues new enrolments are being written into, added when
 * missing (a shipped catalogue never changed here has none, and a closure adds
 * it) and share-locked until the commit (PostgreSQL): a publish or a closure of
 * one of them (`lockCatalogueRow`) waits for the enrolments, or they wait for it
 * and read what it wrote. By id.
 */
export async function shareCatalogueRows(db: Db, ids: readonly string[], at: string): Promise<CatalogueRow[]> {
  const sorted = [...new Set(ids)].sort()
  for (const id of sorted) {
    await ensureCatalogueRow(db, {
      id, data: null, published_version: null, published_at: null, published_by: null, successor: null, successor_set: 0, closed_on: null, changes: 0, updated_at: at, updated_by: null,
    })
  }
  return forShare(db, db.selectFrom('catalogues').selectAll().where('id', 'in', sorted).orderBy('id')).execute()
}

export async function updateCatalogueRow(db: Db, id: string, changes: Partial<Omit<CatalogueRow, 'id' | 'changes'>>): Promise<void> {
  await db.updateTable('catalogues').set({ ...changes, changes: sql<number>`changes + 1` }).where('id', '=', id).execute()
}

/** Whether any enrolment, of any status, names the catalogue (index `enrolments_catalogue`). */
export async function catalogueInUse(db: Db, catalogueId: string): Promise<boolean> {
  const row = await db.selectFrom('enrolments').select('id').where('catalogue_id', '=', catalogueId).limit(1).executeTakeFirst()
  return row !== undefined
}
