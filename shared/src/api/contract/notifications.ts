import { notificationListResponseSchema, notificationReadRequestSchema } from '../notifications'
import { endpoint } from './endpoint'

export const notificationsEndpoints = {
  listMyNotifications: endpoint({ method: 'get', path: '/api/v1/me/notifications', operationId: 'listMyNotifications', response: notificationListResponseSchema }),
  readMyNotifications: endpoint({ method: 'post', path: '/api/v1/me/notifications/read', operationId: 'readMyNotifications', body: notificationReadRequestSchema }),
} as const
