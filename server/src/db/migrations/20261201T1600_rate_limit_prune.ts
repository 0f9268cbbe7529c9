import type { Kysely } from 'kysely'

/**
 * Indexes for the hourly prune of rate limits (`pruneRateLimits`): old hits by
 * their instant, keys by when they were last checked, without a full scan.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('rate_limit_hits_at').on('rate_limit_hits').column('at').execute()
  await db.schema.createIndex('rate_limit_keys_checked_at').on('rate_limit_keys').column('checked_at').execute()
}
