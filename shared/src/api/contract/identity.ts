import { identityVerificationResponseSchema } from '../members'
import { endpoint } from './endpoint'

export const identityEndpoints = {
  verifyIdentity: endpoint({ method: 'post', path: '/api/v1/members/:userId/identity-verifications', operationId: 'verifyIdentity', response: identityVerificationResponseSchema }),
} as const
