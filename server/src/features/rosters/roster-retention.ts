import { nowIso, type Clock } from '../../clock'
import type { Db } from '../../db/open'
import { AppError } from '../../http/errors'
import { enqueue } from '../outbox/outbox.service'
import { rosterKeys } from './roster-files'

/**
 * How long a checked roster's files (the uploaded xlsx and its staged good
 * rows, both with ID numbers and mobiles) are kept when it is never imported:
 * long enough to fix it from the error file and import, no longer.
 */
export const ROSTER_FILE_RETENTION_DAYS = 7

/** The roster's files are gone (imported, or expired): a clear 409 for the import and the error file. */
export const rosterFilesRemoved = () => new AppError(409, 'roster_files_removed', { params: { days: ROSTER_FILE_RETENTION_DAYS } })

async function queueDeletion(db: Db, clock: Clock, rosterId: string): Promise<void> {
  const keys = rosterKeys(rosterId)
  // After the commit, through the outbox: a rollback keeps rows and files together.
  await enqueue(db, { clock }, 'blob_delete', { key: keys.staging })
  await enqueue(db, { clock }, 'blob_delete', { key: keys.xlsx })
}

/**
 * In the import's transaction: the roster's files are queued for deletion.
 * Throws `roster_files_removed` when the job got there first (its update
 * committed before this one: the files may be gone), so the import rolls back.
 */
export async function deleteFilesOnImport(db: Db, clock: Clock, rosterId: string): Promise<void> {
  const marked = await db.updateTable('rosters').set({ files_deleted_at: nowIso(clock) })
    .where('id', '=', rosterId).where('files_deleted_at', 'is', null).executeTakeFirst()
  if (Number(marked.numUpdatedRows) !== 1) throw rosterFilesRemoved()
  await queueDeletion(db, clock, rosterId)
}

/**
 * The hourly job (one node, under its lease): files of rosters checked more
 * than ROSTER_FILE_RETENTION_DAYS ago (never imported, or imported without
 * their bad rows, whose error file the unit still needs) are queued for
 * deletion, and so are those of error-free rosters imported before imports
 * deleted their own; `batch` rosters a transaction. A roster is
 * marked only while its files are (a concurrent import wins or loses whole).
 */
export async function pruneStaleRosterFiles(db: Db, clock: Clock, batch = 200): Promise<{ rosters: number }> {
  const before = new Date(clock.now().getTime() - ROSTER_FILE_RETENTION_DAYS * 86_400_000).toISOString()
  let rosters = 0
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const stale = await trx.selectFrom('rosters').select('id').where('files_deleted_at', 'is', null)
        .where((eb) => eb.or([eb('created_at', '<', before), eb.and([eb('status', '=', 'imported'), eb('errors', '=', '[]')])])).orderBy('created_at').orderBy('id').limit(batch).execute()
      let marked = 0
      for (const { id } of stale) {
        const row = await trx.updateTable('rosters').set({ files_deleted_at: nowIso(clock) }).where('id', '=', id).where('files_deleted_at', 'is', null).executeTakeFirst()
        if (Number(row.numUpdatedRows) !== 1) continue
        await queueDeletion(trx, clock, id)
        marked++
      }
      rosters += marked
      return stale.length < batch
    })
    if (done) return { rosters }
  }
}
