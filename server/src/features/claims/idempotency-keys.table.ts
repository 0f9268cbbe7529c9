import type { Selectable } from 'kysely'

/** An `Idempotency-Key` a user sent, with a hash of the request and what it created. Keys are per user. */
export interface IdempotencyKeysTable {
  user_id: string
  key: string
  request_hash: string
  resource_id: string
  created_at: string
}
export type IdempotencyKeyRow = Selectable<IdempotencyKeysTable>
