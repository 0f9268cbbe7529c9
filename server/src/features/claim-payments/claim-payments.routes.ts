import { endpoints } from '@huzhu/shared'
import { todayInChina } from '../../clock'
import { withUploadedSpreadsheet, type SpreadsheetPurpose } from '../../files/spreadsheet-upload'
import { notFound } from '../../http/errors'
import { sendXlsx, XLSX_TYPE, xlsxResponse } from '../../http/file-response'
import { readPage } from '../../http/paging'
import { defineRoute } from '../../http/route'
import { currentUser } from '../accounts/access'
import { auditActorOf } from '../audit/audit.service'
import { bankTransferWorkbook } from './bank-file'
import { readBankResults } from './bank-results-file'
import { recordBankResults } from './bank-results.service'
import { presentBatch, presentLine, presentResults } from './claim-payments.presenter'
import { findBatchRow, lineCountsOf, listBatchLines, listBatchRows } from './claim-payments.repository'
import { bankTransfersOf, createPaymentBatch } from './claim-payments.service'
import { batchListQuerySchema, batchParamsSchema } from './schema'

const tags = ['claim-payments']
const payers = ['staff', 'admin'] as const

/** A bank's results file for one batch is small; this leaves room for a day's file of the whole office. */
export const MAX_RESULTS_FILE_BYTES = 5 * 1024 * 1024

export const createClaimPaymentBatch = defineRoute({
  endpoint: endpoints.claimPayments.createClaimPaymentBatch, tags, access: { roles: payers },
  summary: 'Put approved claims into a payment batch for the bank, all or nothing: each → payment_in_progress (409 if one is not approved, 422 if one has no payee account, 403 if one is on my own cover)',
  responses: { 201: { description: 'The batch' } },
  errors: [403, 409, 422],
  async handler(ctx) {
    const me = currentUser(ctx)
    const batch = await ctx.deps.db.transaction().execute((trx) => createPaymentBatch(trx, ctx.deps, me.id, ctx.input.body.claimIds))
    ctx.status = 201
    ctx.body = presentBatch(batch, { pending: batch.count, paid: 0, failed: 0 })
  },
})

export const listClaimPaymentBatches = defineRoute({
  endpoint: endpoints.claimPayments.listClaimPaymentBatches, tags, access: { roles: payers },
  summary: 'Payment batches, newest first, with how many lines await the bank’s result, were paid, failed',
  request: { query: batchListQuerySchema },
  responses: { 200: { description: 'A page of batches' } },
  async handler(ctx) {
    const { cursor, limit } = ctx.input.query
    const page = await readPage(limit, (take) => listBatchRows(ctx.deps.readDb, cursor, take))
    const counts = await lineCountsOf(ctx.deps.readDb, page.items.map((b) => b.id))
    ctx.body = { batches: page.items.map((b) => presentBatch(b, counts.get(b.id))), nextCursor: page.next?.id ?? null }
  },
})

export const getClaimPaymentBatch = defineRoute({
  endpoint: endpoints.claimPayments.getClaimPaymentBatch, tags, access: { roles: payers },
  summary: 'A payment batch with its lines: claim, masked name and account, amount, the bank’s result',
  request: { params: batchParamsSchema },
  responses: { 200: { description: 'The batch' } },
  errors: [404],
  async handler(ctx) {
    const { batchId } = ctx.input.params
    const batch = await findBatchRow(ctx.deps.db, batchId)
    if (!batch) throw notFound()
    const lines = await listBatchLines(ctx.deps.db, batchId)
    const counts = await lineCountsOf(ctx.deps.db, [batchId])
    ctx.body = { ...presentBatch(batch, counts.get(batchId)), lines: lines.map((l) => presentLine(ctx.deps.protector, l)) }
  },
})

export const getClaimPaymentBankFile = defineRoute({
  endpoint: endpoints.claimPayments.getClaimPaymentBankFile, tags, access: { roles: payers },
  summary: 'The bank’s batch transfer file (批量转账: 收款人姓名, 收款账号, 开户行, 金额, 附言) for the lines still awaiting the bank’s result; the only place account numbers appear in full: every download is audited. 409 when every line has its result',
  request: { params: batchParamsSchema },
  responses: { 200: xlsxResponse('The batch transfer file') },
  errors: [404, 409],
  async handler(ctx) {
    const { deps } = ctx
    const { batchId } = ctx.input.params
    // The numbers are read in the transaction that records the reading: one never happens without the other.
    const { batch, transfers } = await deps.db.transaction().execute((trx) => bankTransfersOf(trx, deps, batchId, auditActorOf(ctx)))
    sendXlsx(ctx, await bankTransferWorkbook(batch.created_at, transfers), `批量转账-${batch.id}.xlsx`, `bank-transfer-${batch.id}.xlsx`)
  },
})

/** An uploaded bank results file: its refusals speak of the bank's results file. */
const resultsUpload: SpreadsheetPurpose = {
  label: 'bank-results',
  maxBytes: MAX_RESULTS_FILE_BYTES,
  codes: { contentType: 'claim_payment_results_content_type', tooLarge: 'claim_payment_results_file_too_large', invalidFile: 'claim_payment_results_invalid_file' },
}

export const importClaimPaymentResults = defineRoute({
  endpoint: endpoints.claimPayments.importClaimPaymentResults, tags, access: { roles: payers },
  summary: 'Import the bank’s results file for a batch (raw xlsx body, at most 5 MB; columns found by name: 附言, 收款账号, 金额, 结果, optional 失败原因, 日期, 银行流水号). Paid lines mark their claims paid; failed lines send them back to approved, awaiting payment, and ask the member to correct the account; every other line is listed as unmatched and changes nothing. 403 if the batch holds a claim on my own cover',
  request: { params: batchParamsSchema },
  rawBody: { description: 'The results file’s bytes (.xlsx), at most 5 MB', mediaTypes: [XLSX_TYPE, 'application/octet-stream'] },
  responses: { 200: { description: 'What each line did' } },
  errors: [403, 404, 409, 413, 415, 422, 503],
  async handler(ctx) {
    const { deps } = ctx
    const me = currentUser(ctx)
    const { batchId } = ctx.input.params
    // The file names accounts in full: never kept.
    await withUploadedSpreadsheet(ctx, resultsUpload, async ({ path }) => {
      const lines = await readBankResults(path, todayInChina(deps.clock))
      const outcome = await deps.db.transaction().execute((trx) => recordBankResults(trx, deps, me.id, batchId, lines, auditActorOf(ctx)))
      deps.outbox.kick()
      const counts = await lineCountsOf(deps.db, [batchId])
      ctx.body = presentResults(outcome, counts.get(batchId)!, lines.length)
    })
  },
})

export const claimPaymentRoutes = [createClaimPaymentBatch, listClaimPaymentBatches, getClaimPaymentBatch, getClaimPaymentBankFile, importClaimPaymentResults]
