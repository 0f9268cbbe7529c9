import type { Kysely } from 'kysely'

/**
 * The premium and payout ledger (`features/ledger`) reads a range of days: the
 * payments recorded in it (by `confirmed_at`), the orders those online payments
 * settled (by `payment_id`), and the bank's claim results dated in it (by
 * `settled_on`). Without these it would read every payment and result ever made.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('payments_confirmed_at').on('payments').columns(['confirmed_at']).execute()
  await db.schema.createIndex('payment_orders_payment').on('payment_orders').columns(['payment_id']).execute()
  await db.schema.createIndex('claim_payment_lines_settled_on').on('claim_payment_lines').columns(['settled_on']).execute()
}
