import { enrolmentSchema } from '../enrolments'
import { endpoint } from './endpoint'

export const renewalEndpoints = {
  createRenewal: endpoint({ method: 'post', path: '/api/v1/enrolments/:enrolmentId/renewals', operationId: 'createRenewal', response: enrolmentSchema }),
} as const
