import { sql, type Kysely } from 'kysely'

/**
 * A member's request to delete their personal data (PIPL art. 47), carried out
 * at once or, while their cover runs, on the day after it ends (`effective_on`,
 * a China date) by the hourly job. `scheduled` until then, `done` when carried
 * out, `cancelled` when the member withdrew it. One scheduled request per
 * account: a unique partial index, so two requests at once keep one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('data_deletion_requests')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('scheduled', 'done', 'cancelled')`))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('cancelled_at', 'text')
    .execute()
  await db.schema.createIndex('data_deletion_requests_scheduled_once').unique().on('data_deletion_requests').column('user_id')
    .where(sql.ref('status'), '=', sql.lit('scheduled')).execute()
  await db.schema.createIndex('data_deletion_requests_due').on('data_deletion_requests').columns(['effective_on', 'id'])
    .where(sql.ref('status'), '=', sql.lit('scheduled')).execute()
}
