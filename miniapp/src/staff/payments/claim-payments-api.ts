import {
  claimPaymentBatchDetailSchema, claimPaymentBatchListSchema, claimPaymentBatchSchema, claimPaymentResultsSchema,
  type ClaimPaymentBatch, type ClaimPaymentBatchDetail, type ClaimPaymentResults,
} from '@huzhu/shared'
import { api } from '../../api/api'
import { schemaDecoder } from '../../api/client'
import { ApiError } from '../../api/errors'
import { downloadFile, postXlsx } from '../lib/files'
import { staffPaths } from '../lib/paths'

/** Paying approved claims through the office's bank: batches, the bank's transfer file, its results. */

export function createPaymentBatch(claimIds: readonly string[]): Promise<ClaimPaymentBatch> {
  return api.request({ method: 'POST', path: staffPaths.claimPayments, body: { claimIds: [...claimIds] }, decode: schemaDecoder(claimPaymentBatchSchema) })
}

/** The newest batches (a page is plenty for the desk: older ones have their results). */
export async function fetchPaymentBatches(): Promise<ClaimPaymentBatch[]> {
  return (await api.request({ path: staffPaths.claimPaymentBatches({ limit: '20' }), decode: schemaDecoder(claimPaymentBatchListSchema) })).batches
}

export function fetchPaymentBatch(batchId: string): Promise<ClaimPaymentBatchDetail> {
  return api.request({ path: staffPaths.claimPaymentBatch(batchId), decode: schemaDecoder(claimPaymentBatchDetailSchema) })
}

/** The bank's batch transfer file (account numbers in full: the server records every download). */
export function downloadBankFile(batchId: string): Promise<void> {
  return downloadFile(staffPaths.claimPaymentBankFile(batchId), `批量转账-${batchId}.xlsx`)
}

/** `POST .../results`: the bank's results file; what each line did. */
export async function uploadBankResults(batchId: string, bytes: ArrayBuffer): Promise<ClaimPaymentResults> {
  const parsed = claimPaymentResultsSchema.safeParse(await postXlsx(staffPaths.claimPaymentResults(batchId), bytes))
  if (!parsed.success) throw new ApiError('bad_response')
  return parsed.data
}
