import { endpoint } from './endpoint'

export const openapiEndpoints = {
  getOpenApiDocument: endpoint({ method: 'get', path: '/api/v1/openapi.json', operationId: 'getOpenApiDocument' }),
} as const
