import { enrolmentListQuerySchema, enrolmentListResponseSchema, enrolmentSchema, selfEnrolmentRequestSchema } from '../enrolments'
import { endpoint } from './endpoint'

export const enrolmentsEndpoints = {
  createMyEnrolment: endpoint({ method: 'post', path: '/api/v1/me/enrolments', operationId: 'createMyEnrolment', body: selfEnrolmentRequestSchema, response: enrolmentSchema }),
  listMyEnrolments: endpoint({ method: 'get', path: '/api/v1/me/enrolments', operationId: 'listMyEnrolments', response: enrolmentListResponseSchema }),
  listEnrolments: endpoint({ method: 'get', path: '/api/v1/enrolments', operationId: 'listEnrolments', query: enrolmentListQuerySchema, response: enrolmentListResponseSchema }),
  getEnrolment: endpoint({ method: 'get', path: '/api/v1/enrolments/:enrolmentId', operationId: 'getEnrolment', response: enrolmentSchema }),
  cancelEnrolment: endpoint({ method: 'post', path: '/api/v1/enrolments/:enrolmentId/cancel', operationId: 'cancelEnrolment', response: enrolmentSchema }),
} as const
