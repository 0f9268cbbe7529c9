import { cataloguePreviewResponseSchema, catalogueRecordListSchema, catalogueRecordSchema, catalogueSuccessorRequestSchema, catalogueUploadSchema } from '../catalogue-admin'
import { endpoint } from './endpoint'

export const catalogueAdminEndpoints = {
  listCatalogueRecords: endpoint({ method: 'get', path: '/api/v1/catalogue-records', operationId: 'listCatalogueRecords', response: catalogueRecordListSchema }),
  previewCatalogue: endpoint({ method: 'post', path: '/api/v1/catalogue-previews', operationId: 'previewCatalogue', body: catalogueUploadSchema, response: cataloguePreviewResponseSchema }),
  publishCatalogue: endpoint({ method: 'put', path: '/api/v1/catalogues/:catalogueId', operationId: 'publishCatalogue', body: catalogueUploadSchema, response: catalogueRecordSchema }),
  closeCatalogue: endpoint({ method: 'post', path: '/api/v1/catalogues/:catalogueId/closure', operationId: 'closeCatalogue', response: catalogueRecordSchema }),
  setCatalogueSuccessor: endpoint({ method: 'put', path: '/api/v1/catalogues/:catalogueId/successor', operationId: 'setCatalogueSuccessor', body: catalogueSuccessorRequestSchema, response: catalogueRecordSchema }),
} as const
