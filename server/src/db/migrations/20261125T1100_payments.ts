import type { Kysely } from 'kysely'
import { moneyType } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  const money = moneyType(db)
  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('catalogue_id', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('amount_fen', money, (c) => c.notNull())
    .addColumn('payer', 'text')
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('enrolment_count', 'integer', (c) => c.notNull())
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'text', (c) => c.notNull().references('users.id'))
    .execute()
  await db.schema.createIndex('payments_reference').on('payments').columns(['catalogue_id', 'reference']).unique().execute()
}
