import { certificateCheckRequestSchema, certificateCheckResponseSchema, certificateKeysResponseSchema, certificateResponseSchema } from '../enrolments'
import { endpoint } from './endpoint'

export const certificatesEndpoints = {
  getCertificate: endpoint({ method: 'get', path: '/api/v1/enrolments/:enrolmentId/certificate', operationId: 'getCertificate', response: certificateResponseSchema }),
  getCertificateKeys: endpoint({ method: 'get', path: '/api/v1/certificates/keys', operationId: 'getCertificateKeys', response: certificateKeysResponseSchema }),
  checkCertificate: endpoint({ method: 'post', path: '/api/v1/certificates/checks', operationId: 'checkCertificate', body: certificateCheckRequestSchema, response: certificateCheckResponseSchema }),
} as const
