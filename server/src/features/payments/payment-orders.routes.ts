import { z } from 'zod'
import { endpoints, type PaymentOrder } from '@huzhu/shared'
import { nowIso } from '../../clock'
import type { AppContext, AppDeps } from '../../http/context'
import { AppError, forbidden, isAppError, notFound } from '../../http/errors'
import { readJsonText } from '../../http/json-body'
import { defineRoute } from '../../http/route'
import { idPattern } from '../../ids'
import { canReachUnit, currentUser } from '../accounts/access'
import { findUserById } from '../accounts/users.repository'
import { isStaff, viewerOf } from '../enrolments/enrolment-access'
import { loadView } from '../enrolments/enrolments.service'
import { isLinked } from '../identity/person-accounts.repository'
import { unitParamsSchema } from '../units/schema'
import { enrolmentParamsSchema } from '../enrolments/schema'
import type { PayChannel } from '../wechat-pay/wechat-pay-client'
import { afterSettled, syncOrder } from './payment-jobs.service'
import type { PaymentOrderRow } from './payment-orders.table'
import { findOrder, markOrderClosed, orderEnrolmentIds, setOrderStart } from './payment-orders.repository'
import { orderPayerOf, payStartOf, prepareOrder, settleTransaction, wechatPayOf, type OrderRequest } from './payment-orders.service'
import { owedShares } from '../enrolments/enrolment-shares.repository'
import { findPendingOfUnit } from './payments.repository'

const tags = ['payments']
const orderParamsSchema = z.object({ orderId: z.string().regex(idPattern('pmo'), { message: 'field_invalid' }).describe('payment order id, pmo_…') })

async function present(ctx: Pick<AppContext, 'deps' | 'protocol' | 'host'>, order: PaymentOrderRow, returnPath?: string): Promise<PaymentOrder> {
  const count = (await orderEnrolmentIds(ctx.deps.db, order.id)).length
  const start = order.status === 'open' && ctx.deps.wechatPay ? payStartOf(ctx.deps.wechatPay, order) : {}
  if (start.h5Url && returnPath) {
    // WeChat's cashier returns the payer here; the app then asks for the order's state.
    const back = `${ctx.deps.config.publicUrl ?? `${ctx.protocol}://${ctx.host}`}${returnPath}${returnPath.includes('?') ? '&' : '?'}order=${order.id}`
    start.h5Url = `${start.h5Url}&redirect_url=${encodeURIComponent(back)}`
  }
  return {
    id: order.id, channel: order.channel as PayChannel, status: order.status as PaymentOrder['status'], amountFen: order.amount_fen, description: order.description,
    enrolmentCount: count, createdAt: order.created_at, expiresAt: order.expires_at, paidAt: order.paid_at, ...start,
  }
}

/**
 * Makes the order (one transaction), then asks WeChat Pay for it (no
 * transaction held while the network answers) and keeps what the payer needs.
 * If WeChat Pay refuses, the order is closed and the error passed on.
 */
async function openOrder(deps: AppDeps, request: OrderRequest, payer: { openid?: string; payerIp?: string }): Promise<PaymentOrderRow> {
  const { db } = deps
  const client = wechatPayOf(deps)
  const { order, reused } = await db.transaction().execute((trx) => prepareOrder(trx, deps, request))
  if (reused) return order
  try {
    const start = await client.createOrder(request.channel, { outTradeNo: order.id, description: order.description, amountFen: order.amount_fen, expiresAt: order.expires_at, ...payer })
    const saved = { prepay_id: start.channel === 'jsapi' ? start.prepayId : null, pay_url: start.channel === 'h5' ? start.h5Url : start.channel === 'native' ? start.codeUrl : null }
    await db.transaction().execute((trx) => setOrderStart(trx, order.id, saved))
    return { ...order, ...saved }
  } catch (error) {
    await db.transaction().execute((trx) => markOrderClosed(trx, order.id, nowIso(deps.clock)))
    throw error
  }
}

export const createEnrolmentPaymentOrder = defineRoute({
  endpoint: endpoints.paymentOrders.createEnrolmentPaymentOrder, tags, access: 'signed_in',
  summary: 'Pay a pending enrolment with WeChat Pay at the premium the engine priced: the member in the mini-program (JSAPI), in a phone browser (H5) or by QR (Native); staff and the unit’s admin by QR',
  request: { params: enrolmentParamsSchema },
  responses: { 201: { description: 'The order and what the payer needs to pay it' } },
  errors: [404, 409, 422, 502, 503],
  async handler(ctx) {
    const user = currentUser(ctx)
    const { channel, returnPath } = ctx.input.body
    const view = await loadView(ctx.deps.db, ctx.input.params.enrolmentId)
    const viewer = await viewerOf(ctx.deps.db, user, view)
    if (!viewer) throw notFound('enrolment_not_found')
    // Someone else pays for a member only by a QR code the member (or anyone) scans: never by their own WeChat in the member's name.
    if (viewer !== 'self' && channel !== 'native') throw forbidden()
    let openid: string | undefined
    if (channel === 'jsapi') {
      openid = (await findUserById(ctx.deps.db, user.id))?.wechat_openid ?? undefined
      if (!openid) throw new AppError(422, 'wechatpay_openid_required')
    }
    // The member's own share when they owe one (a split: only that part is paid online), else the share someone else owes.
    const payer = await orderPayerOf(ctx.deps.db, [view.row.id], ['member', 'unit', 'union'])
    if (payer === null) throw new AppError(409, 'payment_order_not_payable')
    const order = await openOrder(ctx.deps, {
      enrolmentIds: [view.row.id], payer, channel, createdBy: user.id, unitId: view.row.unit_id, description: `职工互助保障 ${ctx.deps.catalogues.get(view.row.catalogue_id)?.data.name ?? ''}`.trim(),
    }, { ...(openid ? { openid } : {}), ...(channel === 'h5' ? { payerIp: ctx.ip } : {}) })
    ctx.status = 201
    ctx.body = await present(ctx, order, returnPath)
  },
})

export const createUnitPaymentOrder = defineRoute({
  endpoint: endpoints.paymentOrders.createUnitPaymentOrder, tags, access: { roles: ['unit_admin', 'staff', 'admin'] },
  summary: 'A unit pays all its pending enrolments of a catalogue (its roster) with WeChat Pay, by a QR code any phone can scan',
  request: { params: unitParamsSchema },
  responses: { 201: { description: 'The order and its QR code URL' } },
  errors: [404, 409, 422, 502, 503],
  async handler(ctx) {
    const user = currentUser(ctx)
    const { unitId } = ctx.input.params
    if (!canReachUnit(user, unitId)) throw forbidden()
    const unit = await ctx.deps.db.selectFrom('units').select(['id', 'name']).where('id', '=', unitId).executeTakeFirst()
    if (!unit) throw notFound()
    const pending = await findPendingOfUnit(ctx.deps.db, unitId, ctx.input.body.catalogueId)
    if (pending.length === 0) throw new AppError(422, 'payment_nothing_pending')
    // The unit pays its own shares; where it owes none (its members pay, or the union), what they owe.
    const owed = await owedShares(ctx.deps.db, pending.map((p) => p.id), null)
    const payer = (['unit', 'member', 'union'] as const).find((p) => owed.some((s) => s.payer === p))
    if (payer === undefined) throw new AppError(422, 'payment_nothing_pending')
    const targets = [...new Set(owed.filter((s) => s.payer === payer).map((s) => s.enrolment_id))]
    const order = await openOrder(ctx.deps, {
      enrolmentIds: targets, payer, channel: 'native', createdBy: user.id, unitId, description: `职工互助保障 ${unit.name} ${targets.length}人`,
    }, {})
    ctx.status = 201
    ctx.body = await present(ctx, order)
  },
})

/** Who may see an order: whoever made it, office staff, the unit's admin, and the persons it pays for. */
async function mayRead(ctx: Pick<AppContext, 'deps' | 'state'>, order: PaymentOrderRow): Promise<boolean> {
  const user = currentUser(ctx)
  if (order.created_by === user.id || isStaff(user)) return true
  if (order.unit_id !== null && user.unitIds.has(order.unit_id)) return true
  for (const enrolmentId of await orderEnrolmentIds(ctx.deps.db, order.id)) {
    const row = await ctx.deps.db.selectFrom('enrolments').select('insured_person_id').where('id', '=', enrolmentId).executeTakeFirst()
    if (row && (await isLinked(ctx.deps.db, user.id, row.insured_person_id))) return true
  }
  return false
}

export const getPaymentOrder = defineRoute({
  endpoint: endpoints.paymentOrders.getPaymentOrder, tags, access: 'signed_in',
  summary: 'An order’s state; while it is open the server asks WeChat Pay (the payer has just come back) and records a payment it reports',
  request: { params: orderParamsSchema },
  responses: { 200: { description: 'The order' } },
  errors: [404],
  async handler(ctx) {
    let order = await findOrder(ctx.deps.db, ctx.input.params.orderId)
    if (!order || !(await mayRead(ctx, order))) throw notFound('payment_order_not_found')
    if (order.status === 'open') {
      try {
        await syncOrder(ctx.deps, order.id)
        order = (await findOrder(ctx.deps.db, order.id))!
      } catch (error) {
        // WeChat Pay unreachable: the state as we know it; the notice or the next look records the payment.
        ctx.state.log.warn({ orderId: order.id, code: isAppError(error) ? error.code : undefined }, 'order query failed')
      }
    }
    ctx.body = await present(ctx, order)
  },
})

export const receiveWechatPayNotice = defineRoute({
  endpoint: endpoints.paymentOrders.receiveWechatPayNotice, tags, access: 'public',
  summary: 'WeChat Pay’s payment notice (notify_url): the signature over timestamp, nonce and body checked with the platform key (401 otherwise), the resource decrypted, the payment recorded once',
  rawBody: { description: 'The notice exactly as WeChat Pay signed it', mediaTypes: ['application/json'] },
  responses: { 204: { description: 'Recorded (or recorded before)' } },
  errors: [400, 401, 404, 503],
  async handler(ctx) {
    const text = await readJsonText(ctx, 64 * 1024)
    if (text === undefined) throw new AppError(400, 'wechatpay_notice_invalid')
    const client = wechatPayOf(ctx.deps)
    const tx = client.readNotice({
      timestamp: ctx.get('Wechatpay-Timestamp'), nonce: ctx.get('Wechatpay-Nonce'), signature: ctx.get('Wechatpay-Signature'), serial: ctx.get('Wechatpay-Serial'),
    }, text)
    const settled = await ctx.deps.db.transaction().execute((trx) => settleTransaction(trx, ctx.deps, tx))
    void afterSettled(ctx.deps, settled)
    ctx.status = 204
  },
})

export const paymentOrderRoutes = [createEnrolmentPaymentOrder, createUnitPaymentOrder, getPaymentOrder, receiveWechatPayNotice]
