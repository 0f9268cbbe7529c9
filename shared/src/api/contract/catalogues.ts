import { catalogueDataSchema } from '../../catalogue/schema'
import { catalogueListResponseSchema } from '../catalogues'
import { endpoint } from './endpoint'

export const cataloguesEndpoints = {
  listCatalogues: endpoint({ method: 'get', path: '/api/v1/catalogues', operationId: 'listCatalogues', response: catalogueListResponseSchema }),
  getCatalogue: endpoint({ method: 'get', path: '/api/v1/catalogues/:catalogueId', operationId: 'getCatalogue', response: catalogueDataSchema }),
} as const
