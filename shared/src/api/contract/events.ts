import { eventCreateRequestSchema, eventListResponseSchema, eventPublicSchema, eventSchema } from '../events'
import { endpoint } from './endpoint'

export const eventsEndpoints = {
  createEvent: endpoint({ method: 'post', path: '/api/v1/events', operationId: 'createEvent', body: eventCreateRequestSchema, response: eventSchema }),
  listEvents: endpoint({ method: 'get', path: '/api/v1/events', operationId: 'listEvents', response: eventListResponseSchema }),
  getEvent: endpoint({ method: 'get', path: '/api/v1/events/:eventId', operationId: 'getEvent', response: eventSchema }),
  getEventQr: endpoint({ method: 'get', path: '/api/v1/events/:eventId/qr.png', operationId: 'getEventQr' }),
  getEventByCode: endpoint({ method: 'get', path: '/api/v1/event-codes/:code', operationId: 'getEventByCode', response: eventPublicSchema }),
  scanEvent: endpoint({ method: 'post', path: '/api/v1/event-codes/:code/scans', operationId: 'scanEvent' }),
} as const
