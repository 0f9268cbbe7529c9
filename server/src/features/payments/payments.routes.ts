import { paymentListQuerySchema, paymentListResponseSchema, paymentRequestSchema, paymentSchema } from '@huzhu/shared'
import { defineRoute } from '../../http/route'
import { currentUser } from '../accounts/access'
import { notifyEnrolmentHolders } from '../enrolments/enrolment-notifications'
import { deliverWechat } from '../notifications/wechat-delivery'
import { presentPayment } from './payments.presenter'
import { listPaymentRows } from './payments.repository'
import { confirmPayment } from './payments.service'

const tags = ['payments']

export const createPayment = defineRoute({
  method: 'post', path: '/api/v1/payments', operationId: 'createPayment', tags, access: { roles: ['staff', 'admin'] },
  summary: 'Confirm a bank transfer: the listed (or the unit’s) pending enrolments become active in one transaction',
  request: { body: paymentRequestSchema },
  responses: { 201: { description: 'Confirmed', schema: paymentSchema } },
  errors: [409, 422],
  async handler(ctx) {
    const staffId = currentUser(ctx).id
    const { row, notices } = await ctx.deps.db.transaction().execute(async (trx) => {
      const row = await confirmPayment(trx, ctx.deps, staffId, ctx.input.body)
      return { row, notices: await notifyEnrolmentHolders(trx, ctx.deps, { paymentId: row.id }, 'enrolment_active') }
    })
    void deliverWechat(ctx.deps, notices)
    ctx.status = 201
    ctx.body = presentPayment(row)
  },
})

export const listPayments = defineRoute({
  method: 'get', path: '/api/v1/payments', operationId: 'listPayments', tags, access: { roles: ['staff', 'admin'] },
  summary: 'Confirmed payments of a catalogue, newest first',
  request: { query: paymentListQuerySchema },
  responses: { 200: { description: 'Payments', schema: paymentListResponseSchema } },
  async handler(ctx) {
    ctx.body = { payments: (await listPaymentRows(ctx.deps.readDb, ctx.input.query.catalogueId)).map(presentPayment) }
  },
})

export const paymentRoutes = [createPayment, listPayments]
