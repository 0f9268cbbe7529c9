import { transparencyIndexSchema, transparencyPlanSchema } from '../../schemas/transparency'
import { endpoint } from './endpoint'

export const transparencyEndpoints = {
  getTransparencyIndex: endpoint({ method: 'get', path: '/api/v1/transparency', operationId: 'getTransparencyIndex', response: transparencyIndexSchema }),
  getTransparencyPlan: endpoint({ method: 'get', path: '/api/v1/transparency/:catalogueId/:planYear', operationId: 'getTransparencyPlan', response: transparencyPlanSchema }),
} as const
