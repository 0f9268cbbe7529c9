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
 * Sliding-window rate limits kept in SQLite (they survive restarts). Checks every
 * rule first; only if all pass is one hit counted for each. Keys are stored as
 * keyed hashes, never as phones or IPs. Call inside the route's transaction.
 */
export async function checkRateLimits(db: Db, deps: { clock: Clock; protector: DataProtector }, rules: readonly RateLimitRule[]): Promise<RateLimitResult> {
  const now = deps.clock.now()
  const keyed = rules.map((rule) => ({ ...rule, keyHash: deps.protector.hash('rate_limit', `${rule.bucket}:${rule.key}`) }))
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
