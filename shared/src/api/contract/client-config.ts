import { clientConfigSchema } from '../notifications'
import { endpoint } from './endpoint'

export const clientConfigEndpoints = {
  getClientConfig: endpoint({ method: 'get', path: '/api/v1/client-config', operationId: 'getClientConfig', response: clientConfigSchema }),
} as const
