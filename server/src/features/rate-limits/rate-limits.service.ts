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

/**
 * How long a hit can matter: the longest window any rule may have. A rule with a
 * longer window is refused (it would count hits `pruneRateLimits` already removed).
 */
export const RATE_LIMIT_RETENTION_SECONDS = 86_400

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
  for (const rule of rules) {
    if (rule.windows.some((w) => w.seconds > RATE_LIMIT_RETENTION_SECONDS)) throw new Error(`rate limit ${rule.bucket}: a window is longer than ${RATE_LIMIT_RETENTION_SECONDS} s`)
  }
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

/**
 * Removes what no check can count any more: hits older than the longest window,
 * and the rows of keys not checked within it (an IP seen once, a phone that
 * never came back). Run by the hourly job on one node; a key checked again
 * later gets its row back from the check's own upsert.
 */
export async function pruneRateLimits(db: Db, clock: Clock): Promise<{ hits: number; keys: number }> {
  const before = new Date(clock.now().getTime() - RATE_LIMIT_RETENTION_SECONDS * 1000).toISOString()
  const hits = await db.deleteFrom('rate_limit_hits').where('at', '<=', before).executeTakeFirst()
  const keys = await db.deleteFrom('rate_limit_keys').where('checked_at', '<=', before).executeTakeFirst()
  return { hits: Number(hits.numDeletedRows), keys: Number(keys.numDeletedRows) }
}

/**
 * Forgets what was counted for these keys (an account erased at its owner's
 * request: its phone's SMS counts, its own buckets): their hits and key rows.
 */
export async function clearRateLimitKeys(db: Db, protector: DataProtector, keys: readonly { bucket: string; key: string }[]): Promise<void> {
  for (const { bucket, key } of keys) {
    const keyHash = protector.hash('rate_limit', `${bucket}:${key}`)
    await db.deleteFrom('rate_limit_hits').where('bucket', '=', bucket).where('key_hash', '=', keyHash).execute()
    await db.deleteFrom('rate_limit_keys').where('bucket', '=', bucket).where('key_hash', '=', keyHash).execute()
  }
}
