/** A rate-limited key, upserted by each check of it: its row lock makes concurrent checks of one key take turns. */
export interface RateLimitKeysTable {
  bucket: string
  key_hash: string
  checked_at: string
}
