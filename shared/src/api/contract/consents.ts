import { consentListResponseSchema, consentRequestSchema, consentSchema } from '../members'
import { endpoint } from './endpoint'

export const consentsEndpoints = {
  listMyConsents: endpoint({ method: 'get', path: '/api/v1/me/consents', operationId: 'listMyConsents', response: consentListResponseSchema }),
  giveMyConsent: endpoint({ method: 'post', path: '/api/v1/me/consents', operationId: 'giveMyConsent', body: consentRequestSchema, response: consentSchema }),
  withdrawMyConsent: endpoint({ method: 'delete', path: '/api/v1/me/consents/:consentId', operationId: 'withdrawMyConsent' }),
} as const
