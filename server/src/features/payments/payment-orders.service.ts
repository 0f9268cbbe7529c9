import { chinaDateOf, formatFen, type CivilDate, type FundingPayer } from '@huzhu/shared'
import type { Logger } from 'pino'
import { nowIso, type Clock } from '../../clock'
import type { Config } from '../../config'
import type { Db } from '../../db/open'
import { AppError, notFound } from '../../http/errors'
import { newId } from '../../ids'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import { notifyEnrolmentHolders } from '../enrolments/enrolment-notifications'
import type { NotificationRow } from '../notifications/notifications.table'
import type { PayChannel, Transaction, WechatPayClient } from '../wechat-pay/wechat-pay-client'
import { fullyPaid, owedShares, sharesOf } from '../enrolments/enrolment-shares.repository'
import { receiveShares } from './share-payment'
import type { NewPaymentRefundRow, PaymentOrderRow } from './payment-orders.table'
import {
  insertOrder, insertRefunds, lockOrder, markOrderClosed, markOrderPaid, openOrdersOf, orderEnrolmentIds, sharesPaidOnline,
} from './payment-orders.repository'
import { findTargets, insertPayment } from './payments.repository'

/** How long a payer has to pay an order once it is made (WeChat Pay's cashier then refuses it). */
export const ORDER_MINUTES = 120

export interface PayDeps {
  clock: Clock
  catalogues: CatalogueStore
  config: Pick<Config, 'pendingEnrolmentDays'>
  wechatPay: WechatPayClient | undefined
  logger?: Logger
}

export function wechatPayOf(deps: Pick<PayDeps, 'wechatPay'>): WechatPayClient {
  if (!deps.wechatPay) throw new AppError(503, 'wechatpay_not_configured')
  return deps.wechatPay
}

export interface OrderRequest {
  enrolmentIds: readonly string[]
  /** Whose owed shares the order pays (`orderPayerOf`). */
  payer: FundingPayer
  channel: PayChannel
  createdBy: string
  unitId: string | null
  description: string
}

/**
 * Whose shares an order pays: the first of `preference` that still owes a share
 * of every one of these enrolments (a member pays their own share; a unit's QR
 * its unit's share, or its members' when they pay), else null (nothing owed by one payer).
 */
export async function orderPayerOf(db: Db, ids: readonly string[], preference: readonly FundingPayer[]): Promise<FundingPayer | null> {
  const owed = await owedShares(db, ids, null)
  const wanted = new Set(ids)
  for (const payer of preference) {
    const owing = new Set(owed.filter((s) => s.payer === payer).map((s) => s.enrolment_id))
    if (owing.size === wanted.size) return payer
  }
  return null
}

/**
 * An order for pending enrolments of one catalogue, for the shares one payer
 * owes of the premiums the engine priced (never an amount from the client). An open order of the same
 * channel for the same enrolments that can still be paid is reused (a second
 * tap gives the same payment); otherwise a new one, good for `ORDER_MINUTES`
 * and never past the day the enrolments expire. The caller asks WeChat Pay for
 * it after the commit.
 */
export async function prepareOrder(db: Db, deps: PayDeps, request: OrderRequest): Promise<{ order: PaymentOrderRow; reused: boolean }> {
  wechatPayOf(deps)
  const ids = [...new Set(request.enrolmentIds)].sort()
  const targets = await findTargets(db, ids)
  const payable = targets.filter((t) => t.status === 'pending_payment')
  const owed = await owedShares(db, ids, request.payer)
  if (ids.length === 0 || payable.length !== ids.length || new Set(owed.map((s) => s.enrolment_id)).size !== ids.length) throw new AppError(409, 'payment_order_not_payable')
  const catalogues = new Set(payable.map((t) => t.catalogue_id))
  if (catalogues.size !== 1) throw new AppError(422, 'payment_enrolments_invalid', { params: { count: ids.length } })
  const now = deps.clock.now()
  const soon = new Date(now.getTime() + 5 * 60_000).toISOString()
  for (const order of await openOrdersOf(db, ids[0]!, request.channel, soon)) {
    if (order.payer === request.payer && JSON.stringify(await orderEnrolmentIds(db, order.id)) === JSON.stringify(ids)) return { order, reused: true }
  }
  const created = await db.selectFrom('enrolments').select((eb) => eb.fn.min('created_at').as('first')).where('id', 'in', ids).executeTakeFirstOrThrow()
  const expiresOn = Date.parse(String(created.first)) + deps.config.pendingEnrolmentDays * 86_400_000
  const amount = owed.reduce((sum, share) => sum + share.amount_fen, 0)
  if (amount <= 0) throw new AppError(409, 'payment_order_not_payable')
  const order: PaymentOrderRow = {
    id: newId('pmo', now), channel: request.channel, catalogue_id: [...catalogues][0]!, unit_id: request.unitId, amount_fen: amount, payer: request.payer,
    description: request.description.slice(0, 120), status: 'open', prepay_id: null, pay_url: null, created_by: request.createdBy,
    created_at: now.toISOString(), expires_at: new Date(Math.min(now.getTime() + ORDER_MINUTES * 60_000, expiresOn)).toISOString(),
    paid_at: null, transaction_id: null, payment_id: null, closed_at: null,
  }
  if (order.expires_at <= soon) throw new AppError(409, 'payment_order_expired')
  await insertOrder(db, order, ids)
  return { order, reused: false }
}

/** What the payer's app needs: refreshed JSAPI parameters, the H5 cashier link or the Native QR's URL. */
export function payStartOf(client: WechatPayClient, order: PaymentOrderRow) {
  if (order.channel === 'jsapi' && order.prepay_id) return { jsapi: client.jsapiParams(order.prepay_id) }
  if (order.channel === 'h5' && order.pay_url) return { h5Url: order.pay_url }
  if (order.channel === 'native' && order.pay_url) return { codeUrl: order.pay_url }
  return {}
}

/** What a settled payment leaves to do after the commit: messages to send, refunds to make. */
export interface Settled {
  notices: NotificationRow[]
  refundIds: string[]
}

const nothing: Settled = { notices: [], refundIds: [] }

/** The China date WeChat Pay's `success_time` (rfc3339) falls on. */
export function paidOnOf(successTime: string | undefined, fallback: Date): CivilDate {
  const ms = successTime === undefined ? NaN : Date.parse(successTime)
  return chinaDateOf(Number.isNaN(ms) ? fallback : new Date(ms))
}

/**
 * Records what WeChat Pay says of an order (a verified notice, or the answer to
 * a query), in the caller's transaction. A paid order is recorded once (a
 * repeated notice changes nothing); its amount, merchant and app must be the
 * order's (else 400, nothing changed). The payment row and the activations
 * (dated from the paid day) commit together with the members' messages; an
 * enrolment that can no longer be activated (expired, cancelled, paid
 * otherwise) gets a refund, made after the commit.
 */
export async function settleTransaction(db: Db, deps: PayDeps, tx: Transaction): Promise<Settled> {
  const client = wechatPayOf(deps)
  // Locked: a notice and a query answer for one order at once settle it once (the second then reads it paid).
  const order = await lockOrder(db, tx.out_trade_no)
  if (!order) throw notFound('payment_order_not_found')
  if (tx.mchid !== client.settings.mchid || tx.appid !== client.settings.appId || tx.amount?.total !== order.amount_fen) {
    deps.logger?.error({ orderId: order.id, mchid: tx.mchid === client.settings.mchid, appid: tx.appid === client.settings.appId, amount: tx.amount?.total, expected: order.amount_fen }, 'wechat pay transaction does not match its order')
    throw new AppError(400, 'wechatpay_notice_invalid')
  }
  if (tx.trade_state !== 'SUCCESS' || !tx.transaction_id) return nothing
  if (order.status === 'paid') return nothing
  const now = deps.clock.now()
  const at = now.toISOString()
  const paymentId = newId('pay', now)
  const ids = await orderEnrolmentIds(db, order.id)
  await insertPayment(db, {
    id: paymentId, catalogue_id: order.catalogue_id, reference: tx.transaction_id, amount_fen: order.amount_fen, payer: null,
    unit_id: order.unit_id, enrolment_count: ids.length, confirmed_at: at, confirmed_by: order.created_by, channel: 'wechat_pay',
  })
  // Read as open above in this same transaction: a concurrent settlement that won rolls this one back.
  if (!(await markOrderPaid(db, order.id, { paid_at: at, transaction_id: tx.transaction_id, payment_id: paymentId }))) throw new AppError(409, 'conflict')
  const payer = order.payer as FundingPayer | null
  const { paid, activated } = await receiveShares(db, deps.catalogues, ids, payer, paymentId, paidOnOf(tx.success_time, now), at)
  // Kept: an enrolment activated, or one whose share this paid and that waits for another payer's.
  const complete = new Set(await fullyPaid(db, [...paid.keys()]))
  const kept = new Set([...activated, ...[...paid.keys()].filter((id) => !complete.has(id))])
  const left = ids.filter((id) => !kept.has(id))
  const refunds: NewPaymentRefundRow[] = []
  if (left.length > 0) {
    const shares = await sharesOf(db, left)
    for (const id of left) {
      const fen = (shares.get(id) ?? []).filter((s) => payer === null || s.payer === payer).reduce((sum, s) => sum + s.amount_fen, 0)
      refunds.push({
        id: newId('rfd', deps.clock.now()), order_id: order.id, enrolment_id: id, amount_fen: fen,
        reason: '参保已失效或已缴费，退回保费', status: 'pending', refund_id: null, attempts: 0, created_at: at, done_at: null,
      })
    }
    await insertRefunds(db, refunds)
  }
  const notices = activated.length === 0 ? [] : await notifyEnrolmentHolders(db, deps, { enrolmentIds: activated }, 'enrolment_active')
  return { notices, refundIds: refunds.map((r) => r.id) }
}

/**
 * What an enrolment's payers paid online is given back when it ends unused: a
 * refund row for each share paid by WeChat Pay (the member's part of a split
 * paid while the unit's was still owed, or the whole premium), in the caller's
 * transaction, made after the commit. Staff cancelling before the cover starts,
 * and a partly paid enrolment expiring, both come here.
 */
export async function refundPaidShares(db: Db, deps: Pick<PayDeps, 'clock'>, enrolmentIds: readonly string[], reason: (fen: number) => string): Promise<string[]> {
  const rows: NewPaymentRefundRow[] = []
  for (const paid of await sharesPaidOnline(db, enrolmentIds)) {
    rows.push({
      id: newId('rfd', deps.clock.now()), order_id: paid.order_id, enrolment_id: paid.enrolment_id, amount_fen: paid.amount_fen,
      reason: reason(paid.amount_fen), status: 'pending', refund_id: null, attempts: 0, created_at: nowIso(deps.clock), done_at: null,
    })
  }
  await insertRefunds(db, rows)
  return rows.map((r) => r.id)
}

/** An enrolment paid online and cancelled before its cover started gets back what was paid online. */
export async function refundOnCancel(db: Db, deps: Pick<PayDeps, 'clock'>, enrolment: { id: string; start_on: string }): Promise<string[]> {
  if (chinaDateOf(deps.clock.now()) >= enrolment.start_on) return []
  return refundPaidShares(db, deps, [enrolment.id], (fen) => `参保在保障开始前取消，退回保费 ${formatFen(fen)}`)
}

export { markOrderClosed }
