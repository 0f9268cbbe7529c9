import { nowIso } from '../../clock'
import type { Db } from '../../db/open'
import { isAppError } from '../../http/errors'
import { notifyEnrolmentHolders } from '../enrolments/enrolment-notifications'
import { chunks } from '../enrolments/insured-persons.repository'
import type { NotificationRow } from '../notifications/notifications.table'
import type { AppDeps } from '../../http/context'
import { finishRefund, findOrder, markOrderClosed, ordersToClose, pendingRefunds } from './payment-orders.repository'
import { refundPaidShares, settleTransaction, wechatPayOf, type PayDeps, type Settled } from './payment-orders.service'
import { formatFen } from '@huzhu/shared'

/** A refund WeChat Pay refused this many times is marked failed for staff to look at. */
const MAX_REFUND_ATTEMPTS = 8

export type JobDeps = PayDeps & Pick<AppDeps, 'db' | 'config' | 'wechat' | 'logger' | 'outbox'>

/**
 * DOMAIN.md: a pending enrolment that stays unpaid expires (after
 * `pendingEnrolmentDays`) and holds no cover: it is cancelled with the reason
 * `expired`, and the member is told. In the caller's transaction.
 */
export async function expireUnpaidEnrolments(db: Db, deps: Pick<PayDeps, 'clock' | 'config'>): Promise<{ expired: string[]; notices: NotificationRow[]; refundIds: string[] }> {
  const now = deps.clock.now()
  const before = new Date(now.getTime() - deps.config.pendingEnrolmentDays * 86_400_000).toISOString()
  const rows = await db.selectFrom('enrolments').select('id').where('status', '=', 'pending_payment').where('created_at', '<', before).orderBy('id').execute()
  const expired = rows.map((r) => r.id)
  for (const part of chunks(expired)) {
    await db.updateTable('enrolments').set({ status: 'cancelled', cancel_reason: 'expired', cancelled_at: now.toISOString(), updated_at: now.toISOString() })
      .where('id', 'in', part).where('status', '=', 'pending_payment').execute()
  }
  const notices = expired.length === 0 ? [] : await notifyEnrolmentHolders(db, deps, { enrolmentIds: expired }, 'enrolment_cancelled')
  // A split paid in part (the member's share online, the unit's never): what was paid online goes back.
  const refundIds = expired.length === 0 ? [] : await refundPaidShares(db, deps, expired, (fen) => `参保逾期未缴齐保费已失效，退回已缴的 ${formatFen(fen)}`)
  return { expired, notices, refundIds }
}

/** After a commit: messages go out, refunds are made. Never throws. */
export async function afterSettled(deps: JobDeps, settled: Settled): Promise<void> {
  if (settled.notices.length > 0) deps.outbox.kick()
  await sendRefunds(deps, settled.refundIds)
}

/**
 * Asks WeChat Pay for an order's state and records a payment it reports
 * (when the payer returns to the app, and before an order is closed). Returns
 * the order's status afterwards.
 */
export async function syncOrder(deps: JobDeps, orderId: string): Promise<string | undefined> {
  const client = wechatPayOf(deps)
  const tx = await client.queryOrder(orderId)
  const settled = await deps.db.transaction().execute((trx) => settleTransaction(trx, deps, tx))
  await afterSettled(deps, settled)
  return (await findOrder(deps.db, orderId))?.status
}

/**
 * Closes open orders nobody can pay any more (past their end, or their
 * enrolments paid otherwise or expired): first asks WeChat Pay, so a payment
 * made at the last minute is recorded instead; then closes it there and here.
 */
export async function closeStaleOrders(deps: JobDeps): Promise<number> {
  const client = wechatPayOf(deps)
  let closed = 0
  for (const order of await ordersToClose(deps.db, nowIso(deps.clock))) {
    try {
      if ((await syncOrder(deps, order.id)) !== 'open') continue
      await client.closeOrder(order.id)
      if (await deps.db.transaction().execute((trx) => markOrderClosed(trx, order.id, nowIso(deps.clock)))) closed++
    } catch (error) {
      deps.logger.warn({ orderId: order.id, code: isAppError(error) ? error.code : undefined }, 'could not close a payment order; next run tries again')
    }
  }
  return closed
}

/** Makes pending refunds (those given, or all): each once at WeChat Pay (the refund id makes a retry safe). */
export async function sendRefunds(deps: JobDeps, ids?: readonly string[]): Promise<void> {
  if (ids !== undefined && ids.length === 0) return
  const client = deps.wechatPay
  if (!client) return
  for (const refund of await pendingRefunds(deps.db, ids)) {
    const order = await findOrder(deps.db, refund.order_id)
    if (!order) continue
    try {
      const result = await client.refund({ outTradeNo: order.id, outRefundNo: refund.id, refundFen: refund.amount_fen, totalFen: order.amount_fen, reason: refund.reason })
      const done = result.status === 'SUCCESS'
      await finishRefund(deps.db, refund.id, { status: done ? 'succeeded' : 'pending', refund_id: result.refundId, done_at: done ? nowIso(deps.clock) : null })
    } catch (error) {
      const last = refund.attempts + 1 >= MAX_REFUND_ATTEMPTS
      await finishRefund(deps.db, refund.id, { status: last ? 'failed' : 'pending' })
      deps.logger.warn({ refundId: refund.id, attempts: refund.attempts + 1, code: isAppError(error) ? error.code : undefined }, last ? 'refund failed for good' : 'refund failed; next run tries again')
    }
  }
}

/** One run of the payment job: expire unpaid enrolments, close orders nobody can pay, retry refunds. */
export async function runPaymentJobs(deps: JobDeps): Promise<{ expired: number; closed: number }> {
  const { expired, notices } = await deps.db.transaction().execute((trx) => expireUnpaidEnrolments(trx, deps))
  if (notices.length > 0) deps.outbox.kick()
  if (expired.length > 0) deps.logger.info({ expired: expired.length }, 'unpaid enrolments expired')
  if (!deps.wechatPay) return { expired: expired.length, closed: 0 }
  const closed = await closeStaleOrders(deps)
  await sendRefunds(deps)
  return { expired: expired.length, closed }
}

