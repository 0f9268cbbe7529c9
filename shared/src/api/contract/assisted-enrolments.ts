import { assistedConfirmationRequestSchema, assistedConfirmationResponseSchema, assistedEnrolmentListResponseSchema, assistedEnrolmentRequestSchema, assistedEnrolmentSchema } from '../assisted-enrolments'
import { endpoint } from './endpoint'

export const assistedEnrolmentsEndpoints = {
  createAssistedEnrolment: endpoint({ method: 'post', path: '/api/v1/events/:eventId/assisted-enrolments', operationId: 'createAssistedEnrolment', body: assistedEnrolmentRequestSchema, response: assistedEnrolmentSchema }),
  listEventAssistedEnrolments: endpoint({ method: 'get', path: '/api/v1/events/:eventId/assisted-enrolments', operationId: 'listEventAssistedEnrolments', response: assistedEnrolmentListResponseSchema }),
  listMyAssistedEnrolments: endpoint({ method: 'get', path: '/api/v1/me/assisted-enrolments', operationId: 'listMyAssistedEnrolments', response: assistedEnrolmentListResponseSchema }),
  confirmAssistedEnrolment: endpoint({ method: 'post', path: '/api/v1/me/assisted-enrolments/:assistedId/confirmation', operationId: 'confirmAssistedEnrolment', body: assistedConfirmationRequestSchema, response: assistedConfirmationResponseSchema }),
} as const
