import { claimDecisionRequestSchema, claimListResponseSchema, claimSchema, reviewQueueQuerySchema, reviewSampleQuerySchema } from '../claims'
import { endpoint } from './endpoint'

export const reviewEndpoints = {
  listReviewQueue: endpoint({ method: 'get', path: '/api/v1/review/claims', operationId: 'listReviewQueue', query: reviewQueueQuerySchema, response: claimListResponseSchema }),
  sampleClaims: endpoint({ method: 'get', path: '/api/v1/review/sample', operationId: 'sampleClaims', query: reviewSampleQuerySchema, response: claimListResponseSchema }),
  startClaimReview: endpoint({ method: 'post', path: '/api/v1/claims/:claimId/review', operationId: 'startClaimReview', response: claimSchema }),
  decideOnClaim: endpoint({ method: 'post', path: '/api/v1/claims/:claimId/decisions', operationId: 'decideOnClaim', body: claimDecisionRequestSchema, response: claimSchema }),
} as const
