import { claimPaymentBatchRequestSchema, claimPaymentBatchSchema } from '@huzhu/shared'
import { notFound } from '../../http/errors'
import { sendXlsx, xlsxResponse } from '../../http/file-response'
import { defineRoute } from '../../http/route'
import { currentUser } from '../accounts/access'
import { deliverWechat } from '../notifications/wechat-delivery'
import { batchWorkbook, presentBatch } from './claim-payments.presenter'
import { findBatchRow, listBatchClaims } from './claim-payments.repository'
import { payClaims } from './claim-payments.service'
import { batchParamsSchema } from './schema'

const tags = ['claim-payments']
const payers = ['staff', 'admin'] as const

export const createClaimPayments = defineRoute({
  method: 'post', path: '/api/v1/claim-payments', operationId: 'createClaimPayments', tags, access: { roles: payers },
  summary: 'Mark approved claims paid, one or a batch, each with its bank reference: all or nothing (409 if any is not approved or a reference is taken)',
  request: { body: claimPaymentBatchRequestSchema },
  responses: { 201: { description: 'Paid', schema: claimPaymentBatchSchema } },
  errors: [409, 422],
  async handler(ctx) {
    const me = currentUser(ctx)
    const result = await ctx.deps.db.transaction().execute((trx) => payClaims(trx, ctx.deps, me.id, ctx.input.body.payments))
    void deliverWechat(ctx.deps, result.notifications)
    ctx.status = 201
    ctx.body = presentBatch(result.batch)
  },
})

export const exportClaimPayments = defineRoute({
  method: 'get', path: '/api/v1/claim-payments/:batchId/export.xlsx', operationId: 'exportClaimPayments', tags, access: { roles: payers },
  summary: 'A payment batch as an xlsx sheet: claim id, masked name, amount in yuan, reference, paid at',
  request: { params: batchParamsSchema },
  responses: { 200: xlsxResponse('The sheet') },
  errors: [404],
  async handler(ctx) {
    const batch = await findBatchRow(ctx.deps.db, ctx.input.params.batchId)
    if (!batch) throw notFound()
    sendXlsx(ctx, await batchWorkbook(batch, await listBatchClaims(ctx.deps.db, batch.id)), `claim-payments-${batch.id}.xlsx`)
  },
})

export const claimPaymentRoutes = [createClaimPayments, exportClaimPayments]
