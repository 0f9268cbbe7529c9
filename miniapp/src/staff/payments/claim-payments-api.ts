import {
  endpoints,
  claimPaymentResultsSchema,
  type ClaimPaymentBatch,
  type ClaimPaymentBatchDetail,
  type ClaimPaymentResults,
} from '@huzhu/shared'
import { call } from '../../api/call'
import { ApiError } from '../../api/errors'
import { downloadFile, postXlsx } from '../lib/files'
import { staffPaths } from '../lib/paths'

/** Paying approved claims through the office's bank: batches, the bank's transfer file, its results. */

export function createPaymentBatch(claimIds: readonly string[]): Promise<ClaimPaymentBatch> {
  return call(endpoints.claimPayments.createClaimPaymentBatch, { body: { claimIds: [...claimIds] } })
}

/** The newest batches (a page is plenty for the desk: older ones have their results). */
export async function fetchPaymentBatches(): Promise<ClaimPaymentBatch[]> {
  return (await call(endpoints.claimPayments.listClaimPaymentBatches, { query: { limit: '20' } })).batches
}

export function fetchPaymentBatch(batchId: string): Promise<ClaimPaymentBatchDetail> {
  return call(endpoints.claimPayments.getClaimPaymentBatch, { params: { batchId } })
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
