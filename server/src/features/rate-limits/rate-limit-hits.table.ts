import type { Insertable, Selectable } from 'kysely'

/** One counted action (an SMS sent, a login attempt) for sliding-window rate limits. `key_hash` is a keyed hash of the phone or IP. */
export interface RateLimitHitsTable {
  id: string
  bucket: string
  key_hash: string
  at: string
}
export type RateLimitHitRow = Selectable<RateLimitHitsTable>
export type NewRateLimitHitRow = Insertable<RateLimitHitsTable>
