import { sql, type Kysely } from 'kysely'
import { moneyType } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  const money = moneyType(db)
  await db.schema
    .createTable('rosters')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('catalogue_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('collective', 'instant')`))
    .addColumn('accepted_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('checked', 'imported')`))
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('valid_count', 'integer', (c) => c.notNull())
    .addColumn('errors', 'text', (c) => c.notNull())
    .addColumn('imported_count', 'integer')
    .addColumn('premium_fen', money)
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text')
    .execute()
  await db.schema.createIndex('rosters_unit').on('rosters').columns(['unit_id', 'created_at']).execute()
}
