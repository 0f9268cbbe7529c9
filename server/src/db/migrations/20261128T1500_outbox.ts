import { sql, type Kysely } from 'kysely'

/**
 * The outbox: messages written in the transaction of the change that causes
 * them, sent after the commit by a worker that leases each row. A partial index
 * walks the rows still to send in the order they are taken; two more find
 * finished rows to prune.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('run_after', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('done_at', 'text')
    .addColumn('failed_at', 'text')
    .addColumn('last_error', 'text')
    .execute()
  await db.schema
    .createIndex('outbox_due')
    .on('outbox')
    .columns(['priority', 'run_after'])
    .where(sql.ref('done_at'), 'is', null)
    .where(sql.ref('failed_at'), 'is', null)
    .execute()
  await db.schema.createIndex('outbox_done').on('outbox').column('done_at').where(sql.ref('done_at'), 'is not', null).execute()
  await db.schema.createIndex('outbox_failed').on('outbox').column('failed_at').where(sql.ref('failed_at'), 'is not', null).execute()
}
