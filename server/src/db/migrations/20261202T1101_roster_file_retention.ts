import { sql, type Kysely } from 'kysely'

/**
 * Roster files hold ID numbers and mobiles (the uploaded xlsx, its staged good
 * rows): `rosters.files_deleted_at` is when they were queued for deletion, once
 * the roster was imported, or by the hourly job when it was never imported
 * within the retention period (`roster-retention.ts`). Rosters stored before
 * keep theirs until the job finds them. The partial index serves that job.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rosters').addColumn('files_deleted_at', 'text').execute()
  await db.schema.createIndex('rosters_files_kept').on('rosters').columns(['created_at', 'id'])
    .where(sql.ref('files_deleted_at'), 'is', null).execute()
}
