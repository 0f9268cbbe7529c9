import type { Db } from '../../db/open'
import type { NewOutboxRow, OutboxRow } from './outbox.table'

export async function insertOutboxRow(db: Db, row: NewOutboxRow): Promise<void> {
  await db.insertInto('outbox').values(row).execute()
}

/** Rows to send now: not finished, due, and not leased (or the lease ran out). Login codes first. */
export function dueOutboxRows(db: Db, now: string, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('done_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('run_after', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
    .orderBy('priority')
    .orderBy('run_after')
    .limit(limit)
    .execute()
}

/**
 * Takes a row for `owner` until `leaseUntil`, counting the attempt. The update
 * holds only while the row is still due and unleased, so of several workers
 * (or nodes) that saw it, exactly one takes it. True when this one did.
 */
export async function leaseOutboxRow(db: Db, id: string, owner: string, now: string, leaseUntil: string): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set((eb) => ({ lease_owner: owner, lease_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('done_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('run_after', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
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
