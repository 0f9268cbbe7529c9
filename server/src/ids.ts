import { randomFillSync } from 'node:crypto'
import { monotonicFactory } from 'ulid'

/**
 * ulid's randomness, from node:crypto a pool at a time: by default it asks for
 * one crypto byte per character, about 100 µs an id (a roster import makes two
 * a row). A byte / 256 picks each base-32 character evenly.
 */
const pool = Buffer.alloc(4096)
let used = pool.length
function cryptoRandom(): number {
  if (used === pool.length) {
    randomFillSync(pool)
    used = 0
  }
  return pool[used++]! / 256
}

/** One generator for the process, so that ids of the same millisecond still sort in the order they were made. */
const nextUlid = monotonicFactory(cryptoRandom)

/**
 * A new record id: `<prefix>_` then a monotonic ULID (48-bit time in ms, then
 * 80 random bits; Crockford base32, 26 characters): ids sort by creation time,
 * and ids made in the same millisecond (or while the clock stands still or goes
 * back) by creation order, the later one being the earlier plus one. Unguessable
 * from outside, but an id is never a secret: every read checks access.
 */
export function newId(prefix: string, now: Date = new Date()): string {
  return `${prefix}_${nextUlid(now.getTime())}`
}

/** Matches ids made by `newId` with this prefix. */
export function idPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`)
}
