import { sql, type Kysely } from 'kysely'
import { moneyType } from '../dialect'

/**
 * Staff-assisted enrolment (代办) at an outreach event (issue 11 item 6): what a
 * staff member entered for a rider, waiting for the rider's confirmation on
 * their own phone. The ID number and phone are sealed (bound to the row's id)
 * and keyed-hashed; `enrolment_id` is set once the rider confirmed. A row never
 * confirmed before `expires_at` is never cover.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assisted_enrolments')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('event_id', 'text', (c) => c.notNull().references('outreach_events.id'))
    .addColumn('staff_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number_ciphertext', 'text', (c) => c.notNull())
    .addColumn('id_number_hash', 'text', (c) => c.notNull())
    .addColumn('mobile_ciphertext', 'text', (c) => c.notNull())
    .addColumn('mobile_hash', 'text', (c) => c.notNull())
    .addColumn('occupation', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('basic_medical_insurance', 'integer', (c) => c.notNull())
    .addColumn('union_member', 'integer', (c) => c.notNull())
    .addColumn('products', 'text', (c) => c.notNull())
    .addColumn('premium_fen', moneyType(db), (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('confirmed_by', 'text', (c) => c.references('users.id'))
    .addColumn('enrolment_id', 'text', (c) => c.references('enrolments.id'))
    .addColumn('consent_id', 'text', (c) => c.references('consents.id'))
    .execute()
  await db.schema.createIndex('assisted_enrolments_event').on('assisted_enrolments').columns(['event_id', 'id']).execute()
  await db.schema.createIndex('assisted_enrolments_mobile').on('assisted_enrolments').columns(['mobile_hash', 'id'])
    .where(sql.ref('confirmed_at'), 'is', null).execute()
}
