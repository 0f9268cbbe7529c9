import type { Insertable, Selectable } from 'kysely'

/**
 * A message to send after the commit of the change that caused it (an SMS
 * login code, a member's notice by WeChat or SMS), written in that change's
 * transaction. `payload` is JSON; a kind that carries personal data (a phone, a
 * code) keeps it sealed (`{"sealed": "<AES-256-GCM>"}`). A worker takes a due
 * row (`run_after` passed, no live lease) by setting `lease_owner` and
 * `lease_until` with a conditional update, so each row is taken by one node at
 * a time; a crashed node's rows are taken again once the lease ends.
 * `attempts` counts takes; `last_error` holds a provider's error code, never
 * personal data. Finished rows get `done_at` (sent) or `failed_at` (given up,
 * or expired: a login code nobody can use any more).
 */
export interface OutboxTable {
  id: string
  kind: string
  payload: string
  /** Lower goes first (login codes before notices). */
  priority: number
  created_at: string
  run_after: string
  /** After this instant the message is not worth sending (a login code's expiry); null: never. */
  expires_at: string | null
  attempts: number
  lease_owner: string | null
  lease_until: string | null
  done_at: string | null
  failed_at: string | null
  last_error: string | null
}
export type OutboxRow = Selectable<OutboxTable>
export type NewOutboxRow = Insertable<OutboxTable>
