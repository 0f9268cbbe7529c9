import { sql, type Kysely } from 'kysely'

/**
 * Renewal reminders (`cover_ending` notifications): at most one per enrolment
 * and member, enforced by the database (the reminder job also skips those it
 * finds), and an index for the job's daily window of active enrolments by end date.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('notifications_cover_ending_once')
    .unique()
    .on('notifications')
    .columns(['subject_id', 'user_id'])
    .where(sql.ref('kind'), '=', sql.lit('cover_ending'))
    .execute()
  await db.schema.createIndex('enrolments_status_end').on('enrolments').columns(['status', 'end_on']).execute()
}
