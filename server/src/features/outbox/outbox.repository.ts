import type { ExpressionBuilder } from 'kysely'
import type { Database } from '../../db/database'
import type { Db } from '../../db/open'
import type { NewOutboxRow, OutboxRow } from './outbox.table'

export async function insertOutboxRow(db: Db, row: NewOutboxRow): Promise<void> {
  await db.insertInto('outbox').values(row).execute()
}

/** Many rows in one statement (at most a few hundred: 14 columns each). */
export async function insertOutboxRows(db: Db, rows: readonly NewOutboxRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('outbox').values([...rows]).execute()
}

/** A row still to send, due at `now`, and not leased (or its lease ran out). */
const isDue = (now: string) => (eb: ExpressionBuilder<Database, 'outbox'>) => eb.and([
  eb('done_at', 'is', null),
  eb('failed_at', 'is', null),
  eb('run_after', '<=', now),
  eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]),
])

/**
 * Takes up to `limit` due rows for `owner` until `leaseUntil`, counting an
 * attempt on each, and returns them (login codes first, then by due time). Two
 * statements, each a plan of one table whatever the planner's statistics say:
 * the first due ids (read off `outbox_due` in order), then `UPDATE … WHERE id
 * IN (those) AND <still due> RETURNING *`, where the condition is checked again
 * on each row as it is updated, so when several workers or nodes take at once,
 * each row goes to exactly one of them; a row another took meanwhile is simply
 * not returned, and a worker that lost all of them looks again. (One statement,
 * the ids as a subquery, was planned on PostgreSQL as a nested loop that ran the
 * subquery again for every due row while the table's statistics were those of
 * an empty outbox: 1.9 s a take with 30,000 due rows, after an import had
 * queued them.)
 */
export async function takeDueOutboxRows(db: Db, owner: string, now: string, leaseUntil: string, limit: number): Promise<OutboxRow[]> {
  for (;;) {
    const due = await db.selectFrom('outbox').select('id').where(isDue(now)).orderBy('priority').orderBy('run_after').orderBy('id').limit(limit).execute()
    if (due.length === 0) return []
    const rows = await db
      .updateTable('outbox')
      .set((eb) => ({ lease_owner: owner, lease_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', due.map((row) => row.id))
      .where(isDue(now))
      .returningAll()
      .execute()
    if (rows.length > 0) return rows.sort((a, b) => a.priority - b.priority || (a.run_after < b.run_after ? -1 : a.run_after > b.run_after ? 1 : 0))
    // Another worker took every one of them between the two statements: the next due rows, if any are left.
  }
}

type Outcome = { done_at: string } | { failed_at: string; last_error: string } | { run_after: string; last_error: string }

/** Records how a take ended and frees the lease, if `owner` still holds it (false: another node took the row over). */
export async function settleOutboxRow(db: Db, id: string, owner: string, outcome: Outcome): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ last_error: null, ...outcome, lease_owner: null, lease_until: null })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Deletes rows sent before `doneBefore` and rows given up before `failedBefore`. */
export async function pruneOutbox(db: Db, doneBefore: string, failedBefore: string): Promise<number> {
  const done = await db.deleteFrom('outbox').where('done_at', 'is not', null).where('done_at', '<', doneBefore).executeTakeFirst()
  const failed = await db.deleteFrom('outbox').where('failed_at', 'is not', null).where('failed_at', '<', failedBefore).executeTakeFirst()
  return Number(done.numDeletedRows) + Number(failed.numDeletedRows)
}
