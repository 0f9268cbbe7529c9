import type { Clock } from '../../clock'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import { newId } from '../../ids'

export interface RateWindow {
  seconds: number
  max: number
}

/** One thing to count: a bucket (`sms_phone`), the key within it (a phone, an IP) and its windows. */
export interface RateLimitRule {
  bucket: string
  key: string
  windows: readonly RateWindow[]
}

export type RateLimitResult = { ok: true } | { ok: false; bucket: string; retryAfterSeconds: number }

/**
 * Sliding-window rate limits kept in the database (they survive restarts and are
 * shared by every node). Checks every rule first; only if all pass is one hit
 * counted for each. Keys are stored as keyed hashes, never as phones or IPs.
 * Call inside the route's transaction.
 *
 * Each key's row in `rate_limit_keys` is upserted first, in a fixed order: the
 * upsert is atomic and holds the row's lock until the transaction ends, so on
 * PostgreSQL the checks of one key take turns (the next one counts the hits the
 * previous one wrote), as every write transaction does on SQLite.
 */
export async function checkRateLimits(db: Db, deps: { clock: Clock; protector: DataProtector }, rules: readonly RateLimitRule[]): Promise<RateLimitResult> {
  const now = deps.clock.now()
  const keyed = rules.map((rule) => ({ ...rule, keyHash: deps.protector.hash('rate_limit', `${rule.bucket}:${rule.key}`) }))
  const order = (r: { bucket: string; keyHash: string }) => `${r.bucket}\u0000${r.keyHash}`
  for (const rule of [...keyed].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))) {
    await db.insertInto('rate_limit_keys').values({ bucket: rule.bucket, key_hash: rule.keyHash, checked_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['bucket', 'key_hash']).doUpdateSet((eb) => ({ checked_at: eb.ref('excluded.checked_at') })))
      .execute()
  }
  for (const rule of keyed) {
    for (const window of rule.windows) {
      const since = new Date(now.getTime() - window.seconds * 1000).toISOString()
      const hits = await db
        .selectFrom('rate_limit_hits')
        .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('at').as('oldest')])
        .where('bucket', '=', rule.bucket)
        .where('key_hash', '=', rule.keyHash)
        .where('at', '>', since)
        .executeTakeFirstOrThrow()
      if (Number(hits.count) >= window.max) {
        const oldest = hits.oldest ? Date.parse(hits.oldest) : now.getTime()
        return { ok: false, bucket: rule.bucket, retryAfterSeconds: Math.max(1, Math.ceil((oldest + window.seconds * 1000 - now.getTime()) / 1000)) }
      }
    }
  }
  for (const rule of keyed) {
    const longest = Math.max(...rule.windows.map((w) => w.seconds))
    await db
      .deleteFrom('rate_limit_hits')
      .where('bucket', '=', rule.bucket)
      .where('key_hash', '=', rule.keyHash)
      .where('at', '<=', new Date(now.getTime() - longest * 1000).toISOString())
      .execute()
    await db.insertInto('rate_limit_hits').values({ id: newId('rlh', now), bucket: rule.bucket, key_hash: rule.keyHash, at: now.toISOString() }).execute()
  }
  return { ok: true }
}
