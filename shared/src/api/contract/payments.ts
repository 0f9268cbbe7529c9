import { enrolmentListResponseSchema, paymentListQuerySchema, paymentListResponseSchema, paymentRequestSchema, paymentSchema, pendingEnrolmentQuerySchema } from '../enrolments'
import { endpoint } from './endpoint'

export const paymentsEndpoints = {
  createPayment: endpoint({ method: 'post', path: '/api/v1/payments', operationId: 'createPayment', body: paymentRequestSchema, response: paymentSchema }),
  listPayments: endpoint({ method: 'get', path: '/api/v1/payments', operationId: 'listPayments', query: paymentListQuerySchema, response: paymentListResponseSchema }),
  listPendingEnrolments: endpoint({ method: 'get', path: '/api/v1/payments/pending-enrolments', operationId: 'listPendingEnrolments', query: pendingEnrolmentQuerySchema, response: enrolmentListResponseSchema }),
} as const
