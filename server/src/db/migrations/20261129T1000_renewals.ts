import { sql, type Kysely } from 'kysely'

/**
 * Renewal (续保, DOMAIN.md "Renewal"):
 * - `enrolments.renews_enrolment_id`: the enrolment a renewal continues. A cover
 *   has at most one live renewal (pending or paid): a unique partial index, so
 *   renewing twice, or two requests at once, give one renewal; an expired or
 *   cancelled renewal leaves room for another.
 * - `notifications.subject_type` may be `unit`: a unit admin's reminder that
 *   covers of their unit end soon. The CHECK is widened by rebuilding the table
 *   with the schema builder (nothing references `notifications`), so the same
 *   steps run on SQLite and PostgreSQL.
 * - `unit_renewal_reminders`: which unit reminders were sent, through which last
 *   day of cover, so a unit admin is reminded once for the covers it counted (the
 *   primary key makes a second run, or a second node, write nothing).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('enrolments').addColumn('renews_enrolment_id', 'text', (c) => c.references('enrolments.id')).execute()
  await db.schema
    .createIndex('enrolments_renewal_once')
    .unique()
    .on('enrolments')
    .column('renews_enrolment_id')
    .where(sql.ref('status'), '<>', sql.lit('cancelled'))
    .execute()

  await db.schema
    .createTable('notifications_next')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull().check(sql`subject_type in ('enrolment', 'claim', 'unit')`))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('wechat_state', 'text', (c) => c.notNull().check(sql`wechat_state in ('none', 'pending', 'sent', 'failed')`))
    .execute()
  const columns = ['id', 'user_id', 'kind', 'title', 'body', 'subject_type', 'subject_id', 'created_at', 'read_at', 'wechat_state'] as const
  await db.insertInto('notifications_next').columns([...columns]).expression(db.selectFrom('notifications').select([...columns])).execute()
  await db.schema.dropTable('notifications').execute()
  await db.schema.alterTable('notifications_next').renameTo('notifications').execute()
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute()
  await db.schema.createIndex('notifications_unread').on('notifications').columns(['user_id']).where(sql.ref('read_at'), 'is', null).execute()
  await db.schema
    .createIndex('notifications_cover_ending_once')
    .unique()
    .on('notifications')
    .columns(['subject_id', 'user_id'])
    .where(sql.ref('kind'), '=', sql.lit('cover_ending'))
    .execute()

  await db.schema
    .createTable('unit_renewal_reminders')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('through_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_renewal_reminders_pk', ['unit_id', 'user_id', 'through_on'])
    .execute()
}
