import { payoutEstimateRequestSchema, payoutEstimateResponseSchema } from '../payout-estimates'
import { quoteRequestSchema, quoteResponseSchema } from '../quotes'
import { endpoint } from './endpoint'

export const quotesEndpoints = {
  createQuote: endpoint({ method: 'post', path: '/api/v1/quotes', operationId: 'createQuote', body: quoteRequestSchema, response: quoteResponseSchema }),
  createPayoutEstimate: endpoint({ method: 'post', path: '/api/v1/payout-estimates', operationId: 'createPayoutEstimate', body: payoutEstimateRequestSchema, response: payoutEstimateResponseSchema }),
} as const
