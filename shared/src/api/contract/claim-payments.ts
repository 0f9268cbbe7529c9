import { claimPaymentBatchDetailSchema, claimPaymentBatchListSchema, claimPaymentBatchRequestSchema, claimPaymentBatchSchema, claimPaymentResultsSchema } from '../claim-payments'
import { endpoint } from './endpoint'

export const claimPaymentsEndpoints = {
  createClaimPaymentBatch: endpoint({ method: 'post', path: '/api/v1/claim-payments', operationId: 'createClaimPaymentBatch', body: claimPaymentBatchRequestSchema, response: claimPaymentBatchSchema }),
  listClaimPaymentBatches: endpoint({ method: 'get', path: '/api/v1/claim-payments', operationId: 'listClaimPaymentBatches', response: claimPaymentBatchListSchema }),
  getClaimPaymentBatch: endpoint({ method: 'get', path: '/api/v1/claim-payments/:batchId', operationId: 'getClaimPaymentBatch', response: claimPaymentBatchDetailSchema }),
  getClaimPaymentBankFile: endpoint({ method: 'get', path: '/api/v1/claim-payments/:batchId/bank-file.xlsx', operationId: 'getClaimPaymentBankFile' }),
  importClaimPaymentResults: endpoint({ method: 'post', path: '/api/v1/claim-payments/:batchId/results', operationId: 'importClaimPaymentResults', response: claimPaymentResultsSchema }),
} as const
