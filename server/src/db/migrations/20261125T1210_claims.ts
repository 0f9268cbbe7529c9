import { sql, type Kysely } from 'kysely'
import { moneyType } from '../dialect'

const statuses = sql`('submitted', 'in_review', 'needs_material', 'approved', 'rejected', 'paid', 'withdrawn')`

export async function up(db: Kysely<any>): Promise<void> {
  const money = moneyType(db)
  await db.schema
    .createTable('claims')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('member_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id'))
    .addColumn('insured_person_id', 'text', (c) => c.notNull().references('insured_persons.id'))
    .addColumn('catalogue_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('event_date', 'text', (c) => c.notNull())
    .addColumn('diagnosis', 'text', (c) => c.notNull())
    .addColumn('hospital', 'text')
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('invoice_numbers', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ${statuses}`))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('last_material_at', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('estimate_fen', money, (c) => c.notNull())
    .addColumn('estimate_lines', 'text', (c) => c.notNull())
    .addColumn('flags', 'text', (c) => c.notNull())
    .addColumn('flagged', 'integer', (c) => c.notNull().check(sql`flagged in (0, 1)`))
    .addColumn('decision', 'text')
    .addColumn('approved_fen', money)
    .addColumn('decided_by', 'text')
    .addColumn('payment_batch_id', 'text')
    .addColumn('payment_reference', 'text')
    .addColumn('paid_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('claims_member').on('claims').columns(['member_user_id', 'id']).execute()
  await db.schema.createIndex('claims_person').on('claims').columns(['insured_person_id', 'catalogue_id', 'status']).execute()
  // The reviewer queue: the default view (submitted and in review) walks this partial index in due order.
  await db.schema.createIndex('claims_queue_open').on('claims').columns(['due_on', 'id']).where(sql.ref('status'), 'in', sql`('submitted', 'in_review')`).execute()
  await db.schema.createIndex('claims_queue_needs_material').on('claims').columns(['due_on', 'id']).where(sql.ref('status'), '=', sql`'needs_material'`).execute()
  await db.schema.createIndex('claims_queue_approved').on('claims').columns(['due_on', 'id']).where(sql.ref('status'), '=', sql`'approved'`).execute()
  await db.schema.createIndex('claims_payment_reference').unique().on('claims').column('payment_reference').where(sql.ref('payment_reference'), 'is not', null).execute()
  await db.schema.createIndex('claims_payment_batch').on('claims').columns(['payment_batch_id']).execute()

  await db.schema
    .createTable('claim_documents')
    .addColumn('upload_id', 'text', (c) => c.primaryKey().notNull().references('uploads.id'))
    .addColumn('claim_id', 'text', (c) => c.notNull().references('claims.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('claim_documents_claim').on('claim_documents').columns(['claim_id']).execute()

  await db.schema
    .createTable('claim_invoices')
    .addColumn('claim_id', 'text', (c) => c.notNull().references('claims.id'))
    .addColumn('invoice_number', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('claim_invoices_pk', ['claim_id', 'invoice_number'])
    .execute()
  await db.schema.createIndex('claim_invoices_number').on('claim_invoices').columns(['invoice_number']).execute()

  await db.schema
    .createTable('claim_history')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('claim_id', 'text', (c) => c.notNull().references('claims.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_role', 'text', (c) => c.notNull().check(sql`actor_role in ('member', 'reviewer', 'staff', 'system')`))
    .addColumn('note', 'text')
    .execute()
  await db.schema.createIndex('claim_history_claim').on('claim_history').columns(['claim_id', 'id']).execute()

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
    .execute()
}
