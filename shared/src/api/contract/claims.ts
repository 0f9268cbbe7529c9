import { claimCreateRequestSchema, claimListResponseSchema, claimMaterialRequestSchema, claimSchema } from '../claims'
import { claimPayeeRequestSchema } from '../payee-accounts'
import { endpoint } from './endpoint'

export const claimsEndpoints = {
  createClaim: endpoint({ method: 'post', path: '/api/v1/claims', operationId: 'createClaim', body: claimCreateRequestSchema, response: claimSchema }),
  listMyClaims: endpoint({ method: 'get', path: '/api/v1/me/claims', operationId: 'listMyClaims', response: claimListResponseSchema }),
  getClaim: endpoint({ method: 'get', path: '/api/v1/claims/:claimId', operationId: 'getClaim', response: claimSchema }),
  withdrawClaim: endpoint({ method: 'post', path: '/api/v1/claims/:claimId/withdraw', operationId: 'withdrawClaim', response: claimSchema }),
  sendClaimMaterial: endpoint({ method: 'post', path: '/api/v1/claims/:claimId/material', operationId: 'sendClaimMaterial', body: claimMaterialRequestSchema, response: claimSchema }),
  changeClaimPayeeAccount: endpoint({ method: 'put', path: '/api/v1/claims/:claimId/payee-account', operationId: 'changeClaimPayeeAccount', body: claimPayeeRequestSchema, response: claimSchema }),
} as const
