import { roleGrantRequestSchema, userLookupRequestSchema, userSummarySchema } from '../admin'
import { meResponseSchema, roleGrantSchema } from '../auth'
import { endpoint } from './endpoint'

export const usersEndpoints = {
  getMe: endpoint({ method: 'get', path: '/api/v1/me', operationId: 'getMe', response: meResponseSchema }),
  lookupUser: endpoint({ method: 'post', path: '/api/v1/users/lookup', operationId: 'lookupUser', body: userLookupRequestSchema, response: userSummarySchema }),
  getUser: endpoint({ method: 'get', path: '/api/v1/users/:userId', operationId: 'getUser', response: userSummarySchema }),
  grantUserRole: endpoint({ method: 'post', path: '/api/v1/users/:userId/roles', operationId: 'grantUserRole', body: roleGrantRequestSchema, response: roleGrantSchema }),
  revokeUserRole: endpoint({ method: 'delete', path: '/api/v1/users/:userId/roles/:grantId', operationId: 'revokeUserRole' }),
} as const
