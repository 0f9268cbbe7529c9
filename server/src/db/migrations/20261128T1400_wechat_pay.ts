import { sql, type Kysely } from 'kysely'
import { moneyType } from '../dialect'

/**
 * Online payment (WeChat Pay): orders for pending enrolments, the enrolments
 * each order pays for, refunds; how a payment came in (`payments.channel`); and
 * why an enrolment ended before its cover (`enrolments.cancel_reason`: staff
 * cancelled it, or it expired unpaid).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const money = moneyType(db)
  await db.schema
    .createTable('payment_orders')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('jsapi', 'h5', 'native')`))
    .addColumn('catalogue_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('amount_fen', money, (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'paid', 'closed')`))
    .addColumn('prepay_id', 'text')
    .addColumn('pay_url', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('paid_at', 'text')
    .addColumn('transaction_id', 'text')
    .addColumn('payment_id', 'text', (c) => c.references('payments.id'))
    .addColumn('closed_at', 'text')
    .execute()
  await db.schema.createIndex('payment_orders_open').on('payment_orders').columns(['status', 'expires_at'])
    .where(sql.ref('status'), '=', sql.lit('open')).execute()

  await db.schema
    .createTable('payment_order_enrolments')
    .addColumn('order_id', 'text', (c) => c.notNull().references('payment_orders.id'))
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id'))
    .addPrimaryKeyConstraint('payment_order_enrolments_pk', ['order_id', 'enrolment_id'])
    .execute()
  await db.schema.createIndex('payment_order_enrolments_enrolment').on('payment_order_enrolments').columns(['enrolment_id']).execute()

  await db.schema
    .createTable('payment_refunds')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('order_id', 'text', (c) => c.notNull().references('payment_orders.id'))
    .addColumn('enrolment_id', 'text', (c) => c.references('enrolments.id'))
    .addColumn('amount_fen', money, (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'succeeded', 'failed')`))
    .addColumn('refund_id', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .execute()
  await db.schema.createIndex('payment_refunds_pending').on('payment_refunds').columns(['status'])
    .where(sql.ref('status'), '=', sql.lit('pending')).execute()

  await db.schema.alterTable('payments').addColumn('channel', 'text', (c) => c.notNull().defaultTo('transfer')).execute()
  await db.schema.alterTable('enrolments').addColumn('cancel_reason', 'text').execute()
  await sql`update enrolments set cancel_reason = 'staff' where status = 'cancelled'`.execute(db)
}
