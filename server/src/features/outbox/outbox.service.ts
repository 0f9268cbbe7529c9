import { nowIso, type Clock } from '../../clock'
import type { DataProtector } from '../../crypto/protector'
import { seal, unseal } from '../../crypto/personal-data'
import type { Db } from '../../db/open'
import { newId } from '../../ids'
import { outboxKinds, type OutboxData, type OutboxKind, type PlainOutboxKind, type SealedOutboxKind } from './outbox-kinds'
import { insertOutboxRow, insertOutboxRows } from './outbox.repository'
import type { NewOutboxRow, OutboxRow } from './outbox.table'

function rowOf(clock: Clock, kind: OutboxKind, payload: (id: string) => string, expiresAt: string | null): NewOutboxRow {
  const id = newId('obx', clock.now())
  const now = nowIso(clock)
  return {
    id, kind, payload: payload(id), priority: outboxKinds[kind].priority, created_at: now, run_after: now, expires_at: expiresAt, attempts: 0,
    lease_owner: null, lease_until: null, done_at: null, failed_at: null, last_error: null,
  }
}

async function insert(db: Db, clock: Clock, kind: OutboxKind, payload: (id: string) => string, expiresAt: string | null): Promise<string> {
  const row = rowOf(clock, kind, payload, expiresAt)
  await insertOutboxRow(db, row)
  return row.id
}

/**
 * Queues a message that carries no personal data. Call it inside the
 * transaction of the change that causes the message (it commits or rolls back
 * with it); after the commit, `deps.outbox.kick()` sends it at once.
 */
export function enqueue<K extends PlainOutboxKind>(db: Db, deps: { clock: Clock }, kind: K, data: OutboxData[K]): Promise<string> {
  return insert(db, deps.clock, kind, () => JSON.stringify(outboxKinds[kind].schema.parse(data)), null)
}

/** enqueue for many messages of one kind, in one statement. */
export async function enqueueMany<K extends PlainOutboxKind>(db: Db, deps: { clock: Clock }, kind: K, data: readonly OutboxData[K][]): Promise<void> {
  await insertOutboxRows(db, data.map((d) => rowOf(deps.clock, kind, () => JSON.stringify(outboxKinds[kind].schema.parse(d)), null)))
}

/**
 * Queues a message that carries personal data (a phone, a login code): the
 * payload is sealed with the data key, bound to the row. `expiresAt`: after it
 * the message is not sent (a login code's expiry).
 */
export function enqueueSealed<K extends SealedOutboxKind>(
  db: Db, deps: { clock: Clock; protector: DataProtector }, kind: K, data: OutboxData[K], options: { expiresAt?: string } = {},
): Promise<string> {
  const json = JSON.stringify(outboxKinds[kind].schema.parse(data))
  return insert(db, deps.clock, kind, (id) => JSON.stringify({ sealed: seal(deps.protector, 'outbox.payload', id, json) }), options.expiresAt ?? null)
}

/** A row's data, unsealed and checked against its kind's schema (throws when it does not hold). */
export function openPayload<K extends OutboxKind>(protector: DataProtector, row: OutboxRow, kind: K): OutboxData[K] {
  const stored = JSON.parse(row.payload) as unknown
  const json = outboxKinds[kind].sealed
    ? JSON.parse(unseal(protector, 'outbox.payload', row.id, (stored as { sealed: string }).sealed)) as unknown
    : stored
  return outboxKinds[kind].schema.parse(json) as OutboxData[K]
}
