import { forUpdate } from '../../db/dialect'
import type { Db } from '../../db/open'
import { chunks } from '../enrolments/insured-persons.repository'
import type { NewPaymentOrderRow, NewPaymentRefundRow, PaymentOrderRow, PaymentRefundRow } from './payment-orders.table'

export async function insertOrder(db: Db, row: NewPaymentOrderRow, enrolmentIds: readonly string[]): Promise<void> {
  await db.insertInto('payment_orders').values(row).execute()
  for (const part of chunks(enrolmentIds)) {
    await db.insertInto('payment_order_enrolments').values(part.map((enrolment_id) => ({ order_id: row.id, enrolment_id }))).execute()
  }
}

/** The order, locked until the caller's transaction ends (PostgreSQL): one settlement at a time. */
export function lockOrder(db: Db, id: string): Promise<PaymentOrderRow | undefined> {
  return forUpdate(db, db.selectFrom('payment_orders').selectAll().where('id', '=', id)).executeTakeFirst()
}

export function findOrder(db: Db, id: string): Promise<PaymentOrderRow | undefined> {
  return db.selectFrom('payment_orders').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function orderEnrolmentIds(db: Db, orderId: string): Promise<string[]> {
  const rows = await db.selectFrom('payment_order_enrolments').select('enrolment_id').where('order_id', '=', orderId).orderBy('enrolment_id').execute()
  return rows.map((r) => r.enrolment_id)
}

/** Open orders of this channel that pay for the first of these enrolments and are still good until `until`. */
export function openOrdersOf(db: Db, enrolmentId: string, channel: string, until: string): Promise<PaymentOrderRow[]> {
  return db.selectFrom('payment_orders').selectAll()
    .where('id', 'in', db.selectFrom('payment_order_enrolments').select('order_id').where('enrolment_id', '=', enrolmentId))
    .where('status', '=', 'open').where('channel', '=', channel).where('expires_at', '>', until)
    .where('pay_url', 'is not', null).orderBy('id', 'desc').execute()
}

export async function setOrderStart(db: Db, id: string, start: { prepay_id: string | null; pay_url: string | null }): Promise<void> {
  await db.updateTable('payment_orders').set(start).where('id', '=', id).execute()
}

/** Open (or closed by us meanwhile) → paid; false when it was paid already. */
export async function markOrderPaid(db: Db, id: string, paid: { paid_at: string; transaction_id: string; payment_id: string }): Promise<boolean> {
  const result = await db.updateTable('payment_orders').set({ ...paid, status: 'paid' }).where('id', '=', id).where('status', '!=', 'paid').executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function markOrderClosed(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('payment_orders').set({ status: 'closed', closed_at: at }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Open orders the payer can no longer pay (past their end), or whose enrolments are no longer pending. */
export function ordersToClose(db: Db, now: string, limit = 500): Promise<PaymentOrderRow[]> {
  return db.selectFrom('payment_orders').selectAll().where('status', '=', 'open')
    .where((eb) => eb.or([
      eb('expires_at', '<=', now),
      eb.not(eb.exists(eb.selectFrom('payment_order_enrolments as l').innerJoin('enrolments as e', 'e.id', 'l.enrolment_id')
        .select('e.id').whereRef('l.order_id', '=', 'payment_orders.id').where('e.status', '=', 'pending_payment'))),
    ]))
    .orderBy('expires_at').limit(limit).execute()
}

export async function insertRefunds(db: Db, rows: readonly NewPaymentRefundRow[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('payment_refunds').values(part).execute()
}

export function pendingRefunds(db: Db, ids?: readonly string[]): Promise<PaymentRefundRow[]> {
  let q = db.selectFrom('payment_refunds').selectAll().where('status', '=', 'pending')
  if (ids !== undefined) q = q.where('id', 'in', ids.length > 0 ? [...ids] : [''])
  return q.orderBy('id').limit(500).execute()
}

export async function finishRefund(db: Db, id: string, change: { status: 'succeeded' | 'failed' | 'pending'; refund_id?: string | null; done_at?: string | null }): Promise<void> {
  await db.updateTable('payment_refunds').set((eb) => ({ ...change, attempts: eb('attempts', '+', 1) })).where('id', '=', id).where('status', '=', 'pending').execute()
}

/** The shares of these enrolments paid by a WeChat Pay order (its payer's shares, received by its payment): what to give back. */
export async function sharesPaidOnline(db: Db, enrolmentIds: readonly string[]): Promise<{ order_id: string; enrolment_id: string; amount_fen: number }[]> {
  const found: { order_id: string; enrolment_id: string; amount_fen: number }[] = []
  for (const part of chunks([...new Set(enrolmentIds)])) {
    found.push(...(await db.selectFrom('enrolment_shares as s').innerJoin('payment_orders as o', 'o.payment_id', 's.payment_id')
      .select(['o.id as order_id', 's.enrolment_id', 's.amount_fen']).where('s.enrolment_id', 'in', part).where('o.status', '=', 'paid')
      .orderBy('s.enrolment_id').orderBy('s.payer').execute()))
  }
  return found
}
