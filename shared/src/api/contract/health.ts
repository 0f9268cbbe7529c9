import { endpoint } from './endpoint'

export const healthEndpoints = {
  health: endpoint({ method: 'get', path: '/api/v1/health', operationId: 'health' }),
} as const
