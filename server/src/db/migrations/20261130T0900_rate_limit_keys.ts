import type { Kysely } from 'kysely'

/**
 * One row per rate-limited key (a bucket and the keyed hash of a phone or IP),
 * written by an upsert at the start of every check of that key. The upsert
 * takes the row's lock until the transaction ends, so checks of one key run one
 * after the other on PostgreSQL as they do on SQLite's single writer: of many
 * requests at once, no more pass than the limit allows
 * (`features/rate-limits/rate-limits.service.ts`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limit_keys')
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limit_keys_pk', ['bucket', 'key_hash'])
    .execute()
}
